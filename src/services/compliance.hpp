#pragma once
// Use cases of the compliance view (publication/compliance.hpp) and the forward plan
// (publication/forward_plan.hpp): gather the inputs from the store, check the role, call
// the pure rules; forward plan changes are written with their audit event in one
// version-checked transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "publication/compliance.hpp"
#include "publication/forward_plan.hpp"
#include "publication/public_decision.hpp"
#include "publication/working_days.hpp"
#include "services/workflow.hpp"
#include "storage/store.hpp"

namespace assent::services {

// Who may see a body's compliance view: its Chief Executive or Deputy, Monitoring
// Officer, Governance Officer, Chief Finance Officer (Treasurer), Commissioner, or an
// administrator. kForbidden naming the roles otherwise.
Result<void> MayViewCompliance(std::string_view body, const workflow::Actor& actor);

struct StaffCompliance {
  decisions::Body body;
  publication::ComplianceSettings settings;
  publication::ComplianceView view;
};
// kNotFound for an unknown body; kUnavailable when no bank-holiday calendar is loaded.
Result<StaffCompliance> GetCompliance(storage::Store& store, const WorkflowSetup& setup, std::string_view body,
                                      const workflow::Actor& actor, Date today, std::optional<int> year);

// The forward plan.
// Who may add, edit and link items: the body's Chief Executive, Deputy Chief Executive
// or Governance Officer.
Result<void> MayEditForwardPlan(std::string_view body, const workflow::Actor& actor);

// One item with where it stands. `decision_reference` is the linked decision's reference
// (staff: any status; public: only once published, else empty and `taken` unknown).
struct ForwardPlanRow {
  publication::ForwardPlanItem item;
  std::string decision_reference;
  std::string decision_url;  // "/cumbria/decisions/006-2017" (public) or "/staff/decisions/12"
  std::optional<Date> taken;  // the linked decision's date, as the viewer may know it
  publication::Slippage slippage;
  std::string slippage_problem;  // a calendar gap: why no slippage is shown
};

// A decision of the body that an item may be linked to.
struct LinkChoice {
  std::int64_t id = 0;
  std::string label;  // "006/2026 CCTV replacement (decided)"
};

struct StaffForwardPlan {
  decisions::Body body;
  std::vector<ForwardPlanRow> rows;
  std::vector<LinkChoice> choices;  // the body's decisions, newest first (not withdrawn)
  bool may_edit = false;
};
// kNotFound for an unknown body; kForbidden unless MayEditForwardPlan or MayViewCompliance.
Result<StaffForwardPlan> GetStaffForwardPlan(storage::Store& store, const WorkflowSetup& setup,
                                             std::string_view body, const workflow::Actor& actor, Date today);

// The public forward plan: a linked decision shows only its public reference, and only
// once it is published; until then the item reads as not taken.
struct PublicForwardPlan {
  publication::PublicBody body;
  std::vector<ForwardPlanRow> rows;
};
// `calendar` null: no slippage is worked out (each row says why).
Result<PublicForwardPlan> GetPublicForwardPlan(storage::Store& store, const publication::Calendar* calendar,
                                               std::string_view body, Date today);

// Adds an item (kInvalidInput naming the field; nothing stored). Returns its id.
Result<std::int64_t> AddForwardPlanItem(storage::Store& store, std::string_view body,
                                        const publication::ForwardPlanInput& input, const workflow::Actor& actor,
                                        Instant now);
// Edits item `id` read at `version`, and links it to `decision_id` (0: unlinked), which
// must be a decision of the same body. kConflict when it moved since it was read.
Result<void> EditForwardPlanItem(storage::Store& store, std::string_view body, std::int64_t id,
                                 std::int64_t version, const publication::ForwardPlanInput& input,
                                 std::int64_t decision_id, const workflow::Actor& actor, Instant now);

}  // namespace assent::services
