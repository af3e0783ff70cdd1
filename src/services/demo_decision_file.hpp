#pragma once
// A demo decision as a data file (demo/decisions/*.toml, format in docs/publication.md
// "Demo data"): the draft, its chain of signatures, the publication plan, redactions and
// what happened after (publish, correct, withdraw). services::LoadDemoDecisions runs each
// file through the real workflow and publication use cases. Parsing checks everything a
// file can get wrong on its own (keys, types, dates, order); every error names the file
// and the key ("demo/decisions/x.toml: publication.redaction[0].ground: ...").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/decision.hpp"
#include "publication/publication_plan.hpp"
#include "publication/redaction.hpp"

namespace assent::services {

// Who did something, and on which UK date ("2025-03-04", or relative to the day the
// demo is loaded: "-30 days", "+60 days"). `key` is where it is in the file.
struct DemoAct {
  std::string by;  // a username of demo/staff.toml
  Date on;
  std::string key;     // the act's table: "sign[1]", "publication.redaction[0]"; "" at the top
  std::string by_key;  // the key naming the person: "sign[1].by", "author"
};

struct DemoSignature {
  DemoAct act;
  std::string step;      // the form's step key (the submission: may be empty)
  std::string capacity;  // empty: the one capacity that fits
  std::string advice;
};

struct DemoDecide {
  DemoAct act;
  std::string step;
  std::string capacity;
  decisions::Outcome outcome = decisions::Outcome::kApproved;
  std::string reasons;
  std::string interests;  // empty: no interest declared
};

struct DemoAttachment {
  std::string name;
  std::string media_type;
  decisions::Part part = decisions::Part::kPart1;
  std::string text;  // the file's content
};

struct DemoRedaction {
  publication::RedactionProposal proposal;
  DemoAct proposed;
  std::optional<DemoAct> signed_off;
};

// After the plan: "publish", "correct" (note = the public change note, title and section
// texts by key) or "withdraw" (note = the reason).
struct DemoEvent {
  std::string action;
  DemoAct act;
  std::string note;
  std::string title;
  std::vector<decisions::Section> sections;  // key and text
};

struct DemoDecisionFile {
  std::string file;
  std::string body;
  std::string title;
  std::string category;
  std::optional<std::int64_t> amount_pence;
  DemoAct drafted;  // by = the author
  std::vector<decisions::Section> sections;  // key and text; heading and part from the form
  std::vector<decisions::FieldValue> fields;
  std::vector<decisions::BackgroundPaper> background_papers;
  std::vector<std::string> persons_consulted;
  std::vector<DemoAttachment> attachments;
  decisions::PublicationAnswers answers;
  DemoSignature submitted;
  std::vector<DemoSignature> signatures;
  std::vector<DemoDecide> decides;
  std::optional<publication::PlanInput> plan;
  DemoAct plan_set;
  std::vector<DemoRedaction> redactions;
  std::vector<DemoEvent> events;

  // Every act in the order it is run (for checks before running).
  std::vector<const DemoAct*> Acts() const;
};

// `today` is the load date that relative dates count from. Dates of acts must not be
// after it, and each act must not be dated before the one it follows.
Result<DemoDecisionFile> ParseDemoDecisionFile(std::string_view text, const std::string& file, Date today);

}  // namespace assent::services
