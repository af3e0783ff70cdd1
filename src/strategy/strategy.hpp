#pragma once
// The strategy register's model: a body's strategies (an ICT strategy, a digital
// strategy), their approved versions, the strategy each replaces, its priority themes
// with deliverables and dated progress, its targets, and what it aligns with.
// Values only; data files are parsed by strategy_file.hpp, checked as a whole by
// catalogue.hpp. Every statement can cite the decision record it comes from (`source`,
// a reference on the body's register), so the register says only what the records say.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "strategy/partial_date.hpp"

namespace assent::strategy {

// A version approved by a decision. Every version names its approving decision: either
// its reference on the body's register (`decision`), or, when the records do not give
// one, an explicit statement of how it was approved (`decision_not_on_register`).
struct Version {
  std::string label;     // "November 2015 update (V1.1)"
  Date approved;         // the date of the approving decision
  std::string decision;  // "008/2016": a reference on the strategy's body's register
  std::string decision_not_on_register;  // why there is no reference; set iff decision is empty
  std::string changes;   // what changed in this version; may be empty when not stated
};

// A strategy the records say this one replaces, which is not itself on the register.
struct OtherPredecessor {
  std::string title;
  std::optional<int> start_year, end_year;  // only when the records state the period
  std::string note;
  std::string source;
};

enum class DeliverableStatus {
  kPlanned,
  kInProgress,
  kDelivered,
  kOngoing,     // continuing work with no end (business as usual)
  kNotStated,   // reported without saying how far it has got
};
inline constexpr DeliverableStatus kDeliverableStatuses[] = {
    DeliverableStatus::kPlanned, DeliverableStatus::kInProgress, DeliverableStatus::kDelivered,
    DeliverableStatus::kOngoing, DeliverableStatus::kNotStated};
std::string_view StatusName(DeliverableStatus s);   // "in_progress": data files and JSON
std::string_view StatusLabel(DeliverableStatus s);  // "In progress": pages and CSV
// "in_progress" -> kInProgress; nullopt for anything else.
std::optional<DeliverableStatus> ParseDeliverableStatus(std::string_view name);

struct ProgressEntry {
  PartialDate when;  // when it happened: "2015", "2015-11"
  std::string text;
  std::string source;  // decision reference that reports it
  // Entries recorded in the store (strategy/recorded.hpp), not the data file: who gave
  // them ("staff", or the CSV file name) and the status they set, if any.
  std::string recorded;
  std::optional<DeliverableStatus> status_change;
};

struct Deliverable {
  std::string id;
  std::string title;
  std::string description;
  DeliverableStatus status = DeliverableStatus::kNotStated;  // as last reported
  std::optional<PartialDate> due;
  std::vector<ProgressEntry> progress;  // oldest first
  std::string source;                   // decision reference that reports the status
};

enum class Unit { kGbp, kPercent, kCount };

// A measurable target. Attainment runs from the baseline (0%) to the target (100%), so
// it reads the same for a saving to reach (baseline 0, target 2.25m) and a level to cut.
struct Target {
  std::string id;
  std::string name;
  Unit unit = Unit::kCount;
  double baseline = 0;
  std::string baseline_label;  // "2010 base cost of ICT provision"
  double target = 0;
  std::optional<PartialDate> target_by;
  std::optional<double> achieved;
  std::optional<PartialDate> achieved_on;
  std::string note;  // the record's own words on the figures
  std::string source;
};

struct Theme {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<Deliverable> deliverables;
  std::vector<Target> targets;
};

enum class AlignmentKind { kPoliceAndCrimePlan, kNational, kLocal };
std::string_view AlignmentKindName(AlignmentKind k);   // "police_and_crime_plan"
std::string_view AlignmentKindLabel(AlignmentKind k);  // "Police and crime plan"

struct Alignment {
  AlignmentKind kind = AlignmentKind::kLocal;
  std::string name;         // "Police and Crime Plan 2018–2021"; for kNational, from the catalogue
  std::string national;     // kNational: id of a NationalStrategy
  std::vector<std::string> priorities;  // the plan priorities it supports, as named
  std::optional<int> stated_priority_count;  // "all 7 of the priorities" when not named
  std::string text;
  std::string source;
};

// How the strategy is kept up to date, as its records state.
struct ReviewSchedule {
  bool annual_update = false;   // an update each year after approval
  int refresh_years = 0;        // a full refresh this many years after first approval; 0: none
  bool live_document = false;   // "continually updated", with no dates
  std::string note;
  std::string source;
};

struct Influence {
  std::string title;
  std::string text;
};

struct Strategy {
  std::string id;     // unique within its body: "ict-2015-2019"
  std::string body;   // body slug: "cumbria"
  std::string title;
  int start_year = 0;
  int end_year = 0;
  std::string period_note;  // how the period is stated, when not in the title
  std::string owner;
  std::string summary;
  std::vector<Version> versions;  // oldest first; at least one
  std::vector<std::string> replaces;  // ids of strategies of the same body
  std::vector<OtherPredecessor> replaces_other;
  ReviewSchedule review;
  std::vector<Theme> themes;
  std::optional<int> stated_theme_count;  // what the records say, when they name fewer
  std::vector<std::string> principles;
  std::optional<int> stated_principle_count;
  std::vector<Alignment> alignments;
  std::vector<Influence> influences;
  std::string file;  // the data file it came from, for messages

  std::string Key() const { return body + "/" + id; }
  const Version& Latest() const { return versions.back(); }
};

// A national strategy that local strategies align with.
struct NationalStrategy {
  std::string id;
  std::string title;
  std::string by;  // "NPCC and APCC"
  std::optional<int> start_year, end_year;
  std::string note;
};

// Derived, never stored: where a strategy stands on a date.
enum class StrategyStatus { kNotStarted, kCurrent, kEnded, kSuperseded };
std::string_view StatusName(StrategyStatus s);
std::string_view StatusLabel(StrategyStatus s);

}  // namespace assent::strategy
