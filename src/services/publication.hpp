#pragma once
// Use cases of publication: the plan of a decided decision, redactions (propose, sign
// off), publish (decided -> published, version 1), publish-due (deferrals whose date has
// come), corrections (a new version with a public change note) and the withdrawal
// tombstone (services::Withdraw writes it). Each reads the decision, applies the pure
// rule (publication/*.hpp), and writes the decision, its published version, the audit
// event and the notifications in one version-checked store transaction.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <optional>
#include <string>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "publication/public_decision.hpp"
#include "publication/publication_plan.hpp"
#include "publication/redaction.hpp"
#include "services/workflow.hpp"
#include "storage/store.hpp"

namespace assent::services {

// The "Publication" part of the staff decision page.
struct StaffPublication {
  bool applies = false;  // decided, published or withdrawn after publication
  std::optional<publication::DueDateCalculation> due;  // when the calendar covers it
  std::string due_problem;  // why there is no due date ("no decision date", calendar gap)
  std::string plan_summary; // publication::DescribePlan
  std::vector<storage::PublishedVersion> versions;  // oldest first
  std::string public_url;   // "/cumbria/decisions/006-2017" once on the register
  bool may_set_plan = false;
  bool may_publish = false;   // role, status, plan and redactions all allow it now
  std::string publish_blocked;  // why not, when the role allows it
  bool may_propose = false;
  bool may_sign_off = false;  // the actor holds a sign-off role (each redaction says more)
  std::vector<bool> may_cancel;  // per redaction: whether the actor may cancel it now
  bool may_correct = false;
  bool may_withdraw = false;
};
Result<StaffPublication> GetStaffPublication(storage::Store& store, const WorkflowSetup& setup,
                                             const decisions::Decision& decision,
                                             const workflow::Actor& actor, Instant now);

// Sets or replaces the plan of a decided decision (kForbidden, kIllegalTransition for
// another status, kInvalidInput naming the field).
Result<void> SetPublicationPlan(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                                const publication::PlanInput& input, const workflow::Actor& actor,
                                Instant now);
// Proposes a redaction on a decided or published decision.
Result<void> ProposeRedaction(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                              const publication::RedactionProposal& proposal,
                              const workflow::Actor& actor, Instant now);
// Signs off redaction `number` (1-based). On a published decision the redaction applies
// at once: a new `corrected` version whose change note says where and under which ground.
Result<void> SignOffRedaction(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                              int number, const workflow::Actor& actor, Instant now);
// Cancels redaction `number` (1-based) with a reason (publication::CancelRedaction has
// who may): the record stays, marked cancelled; a proposed one no longer blocks publishing.
Result<void> CancelRedaction(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                             int number, std::string_view reason, const workflow::Actor& actor,
                             Instant now);
// decided -> published: renders the public record once and stores it as version 1 with
// its SHA-256, the computed due date recorded in it. Refused while a redaction waits for
// its sign-off, or before the plan allows it.
Result<void> Publish(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                     const workflow::Actor& actor, Instant now);

// A correction of a published decision's Part 1 by the Chief Executive: title and
// section texts by key (Part 1 only), with a public change note. The signed originals
// stay as they were in the audit log and the signed-content snapshots.
struct Correction {
  std::string title;  // empty: unchanged
  std::vector<decisions::Section> sections;  // key and text; others unchanged
  std::string change_note;
};
Result<void> Correct(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                     const Correction& correction, const workflow::Actor& actor, Instant now);

// Publishes every deferred decision whose until-date is `today` or earlier, as the
// system (the scheduler in `serve`, and `assent publish-due` for cron). One failure does
// not stop the others.
struct PublishDueReport {
  std::vector<std::string> published;  // "cumbria 006/2017"
  std::vector<std::string> failed;     // "cumbria 007/2017: reason"
};
Result<PublishDueReport> PublishDue(storage::Store& store, const WorkflowSetup& setup, Date today,
                                    Instant now);

// Runs PublishDue on a thread in `serve`: once at start, then every `interval`, until
// destroyed (like MailSender). Results go to the log.
class PublishDueScheduler {
 public:
  PublishDueScheduler(storage::Store& store, const Catalogue& catalogue, std::string base_url,
                      std::chrono::milliseconds interval);
  ~PublishDueScheduler();
  PublishDueScheduler(const PublishDueScheduler&) = delete;
  PublishDueScheduler& operator=(const PublishDueScheduler&) = delete;

 private:
  void Run();
  storage::Store& store_;
  const Catalogue& catalogue_;
  std::string base_url_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// The next published version of `after` (the decision as it will be stored): the public
// record rendered once, with the versions so far and the due date; for services::Withdraw.
Result<storage::PublishedVersion> NextPublishedVersion(storage::Store& store,
                                                       const WorkflowSetup& setup,
                                                       const decisions::Body& body,
                                                       const decisions::Decision& after,
                                                       std::string kind, std::string change_note,
                                                       Instant now);

}  // namespace assent::services
