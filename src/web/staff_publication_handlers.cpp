// The staff publication page and its forms: plan, redactions, sign-off, publish,
// correct. Parse, call services/publication, render; the services hold every rule.
#include <fmt/format.h>

#include "core/instant.hpp"
#include "core/text.hpp"
#include "services/publication.hpp"
#include "web/handlers.hpp"
#include "web/staff_forms.hpp"
#include "web/staff_handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kNotFound =
    "There is no such decision, or you do not hold a role in the body it belongs to.";

services::WorkflowSetup Setup(const Site& site) { return {*site.catalogue, site.base_url}; }

std::string PublicationUrl(std::int64_t id) { return fmt::format("/staff/decisions/{}/publication", id); }

struct Loaded {
  decisions::Decision decision;
  decisions::Body body;
};

Result<Loaded> Load(const StaffCall& call, const Site& site, const workflow::Actor& actor) {
  auto id = ParseId(call.Param("id"));
  if (!id) return Fail(ErrorCode::kNotFound, std::string(kNotFound));
  auto d = site.store.FindDecisionById(*id);
  if (!d || !workflow::MayView(*d, actor)) {
    if (!d && d.error().code != ErrorCode::kNotFound) return d.error();
    return Fail(ErrorCode::kNotFound, std::string(kNotFound));
  }
  auto body = site.store.FindBody(d->body);
  if (!body) return body.error();
  return Loaded{std::move(*d), std::move(*body)};
}

Response LoadFailed(const StaffCall& call, const Site& site, const Error& e) {
  if (e.code == ErrorCode::kNotFound) return StaffErrorPage(site, call.current, 404, kNotFound);
  return StaffErrorPage(site, call.current, HttpStatus(e.code), RefusalFor(e).message);
}

std::string NoticeFor(std::string_view done) {
  if (done == "plan") return "The publication plan was saved.";
  if (done == "proposed") return "The redaction was proposed. It applies once it is signed off.";
  if (done == "signed-off") return "The redaction was signed off.";
  if (done == "cancelled") return "The redaction was cancelled. It will not apply.";
  if (done == "published") return "The decision was published on the public register.";
  if (done == "corrected") return "The correction was published as a new version.";
  return "";
}

Response Page(const StaffCall& call, Site& site, const Loaded& l, const workflow::Actor& actor, int status,
              std::vector<render::FieldError> errors, std::map<std::string, std::string, std::less<>> values) {
  auto pub = services::GetStaffPublication(site.store, Setup(site), l.decision, actor, Instant::Now());
  if (!pub) return LoadFailed(call, site, pub.error());
  if (!pub->applies) {
    return StaffErrorPage(site, call.current, 404, "This decision has not been decided yet, so there is nothing to publish.");
  }
  render::PublicationView view{l.decision, l.body, *pub, std::move(errors),
                               status == 200 ? NoticeFor(QueryParam(call.req.query, "done").value_or("")) : "",
                               std::move(values)};
  return StaffHtml(status, render::StaffPages(site.html).Publication(ChromeFor(call.current), view));
}

// What was posted, to show again after a refusal.
std::map<std::string, std::string, std::less<>> Typed(const StaffCall& call) {
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [k, v] : call.form.fields) out[k] = v;
  return out;
}

Result<std::optional<Date>> DateField(const StaffCall& call, std::string_view name) {
  std::string_view text = Trim(call.form.Get(name));
  if (text.empty()) return std::optional<Date>();
  auto d = Date::ParseIso(text);
  if (!d) return Fail(ErrorCode::kInvalidInput, "enter the date as YYYY-MM-DD, such as 2026-06-01", std::string(name));
  return std::optional<Date>(*d);
}

// Runs a service action: 303 back to the page with a notice, or the page again with
// the refusal (the field it names, what was typed).
template <typename Action>
Response Act(const StaffCall& call, Site& site, std::string_view done,
             std::initializer_list<std::string_view> fields, Action&& action,
             std::map<std::string, std::string, std::less<>> rename = {}) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadFailed(call, site, l.error());
  auto r = action(*l, actor);
  if (r) return SeeOther(PublicationUrl(l->decision.id) + "?done=" + std::string(done));
  auto refusal = RefusalFor(r.error(), fields);
  if (auto it = rename.find(refusal.field); it != rename.end()) refusal.field = it->second;
  return Page(call, site, *l, actor, HttpStatus(r.error().code), {refusal}, Typed(call));
}

}  // namespace

Response PublicationPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadFailed(call, site, l.error());
  return Page(call, site, *l, actor, 200, {}, {});
}

Response PublicationPlanPost(const StaffCall& call, Site& site) {
  return Act(call, site, "plan",
             {"deferral_reason", "deferred_until", "withheld_what", "review_date", "ground", "plan"},
             [&](const Loaded& l, const workflow::Actor& actor) -> Result<void> {
               publication::PlanInput in;
               auto kind = decisions::ParsePlanKind(call.form.Get("plan"));
               in.kind = kind.value_or(decisions::PlanKind::kNone);
               in.reason = std::string(call.form.Get("deferral_reason"));
               in.ground = std::string(call.form.Get("ground"));
               in.withheld_what = std::string(call.form.Get("withheld_what"));
               if (in.kind == decisions::PlanKind::kDefer) {
                 auto until = DateField(call, "deferred_until");
                 if (!until) return until.error();
                 in.until = *until;
               }
               if (in.kind == decisions::PlanKind::kWithhold) {
                 auto review = DateField(call, "review_date");
                 if (!review) return review.error();
                 in.review_date = *review;
               }
               return services::SetPublicationPlan(site.store, Setup(site), l.decision.id, in, actor, Instant::Now());
             });
}

Response RedactionPost(const StaffCall& call, Site& site) {
  return Act(call, site, "proposed", {"section", "text", "reason", "ground", "attachment"},
             [&](const Loaded& l, const workflow::Actor& actor) -> Result<void> {
               publication::RedactionProposal p;
               p.section_key = std::string(Trim(call.form.Get("section")));
               p.text = std::string(call.form.Get("text"));
               p.target = Trim(p.text).empty() ? decisions::RedactionTarget::kSection
                                               : decisions::RedactionTarget::kSpan;
               if (p.target == decisions::RedactionTarget::kSection) p.text.clear();
               p.reason = std::string(call.form.Get("reason"));
               p.ground = std::string(call.form.Get("ground"));
               return services::ProposeRedaction(site.store, Setup(site), l.decision.id, p, actor, Instant::Now());
             },
             {{"ground", "redaction-ground"}});
}

Response RedactionSignOffPost(const StaffCall& call, Site& site) {
  return Act(call, site, "signed-off", {}, [&](const Loaded& l, const workflow::Actor& actor) -> Result<void> {
    auto n = ParseId(call.Param("n"));
    if (!n || *n > 100000) return Fail(ErrorCode::kNotFound, "there is no such redaction");
    return services::SignOffRedaction(site.store, Setup(site), l.decision.id, static_cast<int>(*n), actor,
                                      Instant::Now());
  });
}

Response RedactionCancelPost(const StaffCall& call, Site& site) {
  auto n = ParseId(call.Param("n"));
  std::string field = "cancel-reason-" + (n ? std::to_string(*n) : std::string("0"));
  return Act(call, site, "cancelled", {"reason"},
             [&](const Loaded& l, const workflow::Actor& actor) -> Result<void> {
               if (!n || *n > 100000) return Fail(ErrorCode::kNotFound, "there is no such redaction");
               return services::CancelRedaction(site.store, Setup(site), l.decision.id, static_cast<int>(*n),
                                                call.form.Get("cancel_reason"), actor, Instant::Now());
             },
             {{"reason", field}});
}

Response PublishPost(const StaffCall& call, Site& site) {
  return Act(call, site, "published", {}, [&](const Loaded& l, const workflow::Actor& actor) -> Result<void> {
    return services::Publish(site.store, Setup(site), l.decision.id, actor, Instant::Now());
  });
}

Response CorrectPost(const StaffCall& call, Site& site) {
  return Act(call, site, "corrected", {"change_note", "section"},
             [&](const Loaded& l, const workflow::Actor& actor) -> Result<void> {
               services::Correction c;
               c.title = std::string(call.form.Get("title"));
               c.change_note = std::string(call.form.Get("change_note"));
               for (const auto& [name, value] : call.form.fields) {
                 if (name.rfind("section.", 0) != 0) continue;
                 decisions::Section s;
                 s.key = name.substr(8);
                 s.text = value;
                 c.sections.push_back(std::move(s));
               }
               return services::Correct(site.store, Setup(site), l.decision.id, c, actor, Instant::Now());
             });
}

}  // namespace assent::web
