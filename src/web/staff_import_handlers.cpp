// Staff handlers for the import review queue: the list, one record beside its source
// text, Confirm (with corrections), Reject (with a reason) and the original file. The
// services check who may review which body's imports (404 outside them); a refusal is
// shown on the page it came from, beside the field it names, with nothing stored.
#include <fmt/format.h>

#include "core/instant.hpp"
#include "core/text.hpp"
#include "services/import_review.hpp"
#include "web/handlers.hpp"
#include "web/staff_forms.hpp"
#include "web/staff_handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kNotFound =
    "There is no such imported record, or it belongs to a body whose imports you do not review.";
constexpr std::string_view kNoRole =
    "Reviewing imported records is for a body's governance officer, chief executive or monitoring officer, "
    "or an administrator.";

// A service's refusal beside the review form's field it names.
render::FieldError Refusal(const Error& e) {
  return RefusalFor(e, {"body", "reference", "title", "decision_maker_role", "outcome", "decision_date", "reason",
                        "classification", "report_by", "report_date", "enquiries_to", "for_publication",
                        "part2_exists", "deferred", "deferral_reason", "deferred_until", "press_release_required"});
}

std::string YesNo(const std::optional<bool>& v) { return v ? (*v ? "yes" : "no") : ""; }

services::Reviewer ReviewerFor(const StaffCall& call) {
  services::Reviewer r;
  r.id = call.current->user.id;
  r.name = call.current->user.username;
  r.actor = services::ActorFor(call.current->user);
  return r;
}

// Content-Disposition for a download: an ASCII fallback name and the UTF-8 name.
std::string AttachmentDisposition(std::string_view name) {
  std::string ascii;
  for (unsigned char c : name) {
    ascii.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? static_cast<char>(c) : '_');
  }
  if (ascii.empty()) ascii = "original";
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, UrlEncode(name));
}

std::string ItemUrl(std::int64_t id) { return fmt::format("/staff/imports/{}", id); }

Response ErrorFor(const Site& site, const StaffCall& call, const Error& e) {
  if (e.code == ErrorCode::kNotFound) return StaffErrorPage(site, call.current, 404, kNotFound);
  return StaffErrorPage(site, call.current, HttpStatus(e.code), RefusalFor(e).message);
}

// The form's values as read (the stored record JSON's key fields).
render::ImportReviewForm AsRead(const services::ImportReviewPage& page) {
  render::ImportReviewForm f;
  f.version = page.item.version;
  f.body = page.item.body;
  for (const auto& field : page.key_fields) {
    if (field.key == "reference") f.reference = field.value;
    if (field.key == "title") f.title = field.value;
    if (field.key == "decision_maker_role") f.decision_maker_role = field.value;
    if (field.key == "outcome") f.outcome = field.value;
    if (field.key == "decision_date") f.decision_date = DateInput(field.value);
  }
  auto other = services::OtherAsRead(page.item);
  for (const auto& [key, value] : other.fields) f.fields.push_back({key, key == "report_date" ? DateInput(value) : value});
  f.for_publication = YesNo(other.for_publication);
  f.part2_exists = YesNo(other.part2_exists);
  f.deferred = YesNo(other.deferred);
  f.deferral_reason = other.deferral_reason;
  f.deferred_until = other.deferred_until ? DateInput(other.deferred_until->ToIso()) : "";
  f.press_release_required = YesNo(other.press_release_required);
  for (const auto& so : other.signoffs) {
    f.signoffs.push_back({so.step, so.label, so.name.value_or(""), so.date ? DateInput(so.date->ToIso()) : ""});
  }
  return f;
}

render::ImportReviewForm AsPosted(const StaffCall& call, const services::ImportReviewPage& page) {
  render::ImportReviewForm f;
  f.version = ParseId(call.form.Get("version")).value_or(page.item.version);
  f.body = std::string(Trim(call.form.Get("body")));
  f.reference = std::string(call.form.Get("reference"));
  f.title = std::string(call.form.Get("title"));
  f.decision_maker_role = std::string(call.form.Get("decision_maker_role"));
  f.outcome = std::string(call.form.Get("outcome"));
  f.decision_date = std::string(call.form.Get("decision_date"));
  f.reason = std::string(call.form.Get("reason"));
  for (auto key : services::CorrectableHeaderFields()) {
    f.fields.push_back({std::string(key), std::string(call.form.Get(key))});
  }
  f.for_publication = std::string(call.form.Get("for_publication"));
  f.part2_exists = std::string(call.form.Get("part2_exists"));
  f.deferred = std::string(call.form.Get("deferred"));
  f.deferral_reason = std::string(call.form.Get("deferral_reason"));
  f.deferred_until = std::string(call.form.Get("deferred_until"));
  f.press_release_required = std::string(call.form.Get("press_release_required"));
  // The sign-offs the record has, by position; their steps come from the stored record,
  // not from the form.
  auto read = services::OtherAsRead(page.item);
  for (size_t i = 0; i < read.signoffs.size(); ++i) {
    f.signoffs.push_back({read.signoffs[i].step, read.signoffs[i].label,
                          std::string(call.form.Get(fmt::format("signoff_name_{}", i))),
                          std::string(call.form.Get(fmt::format("signoff_date_{}", i)))});
  }
  return f;
}

std::optional<bool> ParseYesNo(std::string_view value, std::string_view field, std::vector<render::FieldError>& errors) {
  if (value == "yes") return true;
  if (value == "no") return false;
  if (!value.empty()) errors.push_back({std::string(field), "Choose yes, no or not shown"});
  return std::nullopt;
}

std::optional<Date> ParseOptionalDate(std::string_view value, std::string_view field, std::string_view what,
                                      std::vector<render::FieldError>& errors) {
  if (Trim(value).empty()) return std::nullopt;
  auto date = ParseUserDate(value);
  if (date) return *date;
  errors.push_back({std::string(field), fmt::format("Enter the {} as a date, for example 27/3/2018", what)});
  return std::nullopt;
}

services::OtherCorrections ParseOther(const render::ImportReviewForm& f, std::vector<render::FieldError>& errors) {
  services::OtherCorrections o;
  for (const auto& [key, value] : f.fields) {
    std::string v(Trim(value));
    if (key == "report_date" && !v.empty()) {
      auto date = ParseOptionalDate(v, key, "report date", errors);
      v = date ? date->ToIso() : v;
    }
    o.fields.push_back({key, v});
  }
  o.for_publication = ParseYesNo(f.for_publication, "for_publication", errors);
  o.part2_exists = ParseYesNo(f.part2_exists, "part2_exists", errors);
  o.deferred = ParseYesNo(f.deferred, "deferred", errors);
  o.deferral_reason = std::string(Trim(f.deferral_reason));
  o.deferred_until = ParseOptionalDate(f.deferred_until, "deferred_until", "date publication is deferred until", errors);
  o.press_release_required = ParseYesNo(f.press_release_required, "press_release_required", errors);
  for (size_t i = 0; i < f.signoffs.size(); ++i) {
    const auto& so = f.signoffs[i];
    services::SignOffCorrection c;
    c.step = so.step;
    if (!Trim(so.name).empty()) c.name = std::string(Trim(so.name));
    c.date = ParseOptionalDate(so.date, fmt::format("signoff_date_{}", i), "sign-off date", errors);
    o.signoffs.push_back(std::move(c));
  }
  return o;
}

Response PageWith(const StaffCall& call, Site& site, const services::ImportReviewPage& page,
                  render::ImportReviewForm values, int status, std::vector<render::FieldError> errors = {},
                  std::string notice = {}) {
  render::ImportReviewView view{page, std::move(values), std::move(errors), std::move(notice)};
  return StaffHtml(status, render::StaffPages(site.html).ImportReview(ChromeFor(call.current), view));
}

// The corrections as typed, or the fields in error.
Result<services::ReviewCorrections> ParseCorrections(const render::ImportReviewForm& f,
                                                     std::vector<render::FieldError>& errors) {
  services::ReviewCorrections c;
  c.body = f.body;
  c.reference = std::string(Trim(f.reference));
  c.title = std::string(Trim(f.title));
  std::string role(Trim(f.decision_maker_role));
  if (!role.empty()) c.decision_maker_role = role;
  if (f.outcome == "approved") {
    c.outcome = decisions::Outcome::kApproved;
  } else if (f.outcome == "not_approved") {
    c.outcome = decisions::Outcome::kNotApproved;
  } else if (!f.outcome.empty()) {
    errors.push_back({"outcome", "Choose approved, not approved or not shown"});
  }
  if (!Trim(f.decision_date).empty()) {
    auto date = ParseUserDate(f.decision_date);
    if (date) {
      c.decision_date = *date;
    } else {
      errors.push_back({"decision_date", "Enter the decision date as a date, for example 27/3/2018"});
    }
  }
  c.other = ParseOther(f, errors);
  if (c.reference.empty()) errors.push_back({"reference", "Enter the decision's reference number"});
  if (c.title.empty()) errors.push_back({"title", "Enter the decision's title"});
  if (!errors.empty()) return Fail(ErrorCode::kInvalidInput, "see the fields");
  return c;
}

}  // namespace

Response ImportQueuePage(const StaffCall& call, Site& site) {
  auto reviewer = ReviewerFor(call);
  if (!services::MayReviewAnyImports(*reviewer.actor)) return StaffErrorPage(site, call.current, 403, kNoRole);
  render::ImportQueueView view;
  view.all = QueryParam(call.req.query, "all").value_or("") == "1";
  auto rows = services::ListImportQueue(site.store, reviewer, view.all);
  if (!rows) return ErrorFor(site, call, rows.error());
  view.rows = std::move(*rows);
  std::string done = QueryParam(call.req.query, "done").value_or("");
  if (done == "rejected") view.notice = "The import was rejected. Nothing was published.";
  return StaffHtml(200, render::StaffPages(site.html).ImportQueue(ChromeFor(call.current), view));
}

Response ImportReviewPage(const StaffCall& call, Site& site) {
  auto id = ParseId(call.Param("id"));
  if (!id) return StaffErrorPage(site, call.current, 404, kNotFound);
  auto page = services::GetImportReview(site.store, *id, ReviewerFor(call));
  if (!page) return ErrorFor(site, call, page.error());
  std::string notice;
  if (QueryParam(call.req.query, "done").value_or("") == "confirmed") {
    notice = "The record was confirmed and published on the register.";
  }
  return PageWith(call, site, *page, AsRead(*page), 200, {}, std::move(notice));
}

Response ImportConfirmPost(const StaffCall& call, Site& site) {
  auto id = ParseId(call.Param("id"));
  if (!id) return StaffErrorPage(site, call.current, 404, kNotFound);
  auto reviewer = ReviewerFor(call);
  auto page = services::GetImportReview(site.store, *id, reviewer);
  if (!page) return ErrorFor(site, call, page.error());
  auto values = AsPosted(call, *page);
  std::vector<render::FieldError> errors;
  auto corrections = ParseCorrections(values, errors);
  if (!corrections) return PageWith(call, site, *page, std::move(values), 400, std::move(errors));
  auto confirmed = services::ConfirmImport(site.store, site.catalogue->forms, *id, values.version, *corrections,
                                           reviewer, Instant::Now());
  if (!confirmed) {
    const auto& e = confirmed.error();
    if (e.code == ErrorCode::kNotFound) return ErrorFor(site, call, e);
    errors.push_back(e.code == ErrorCode::kConflict && e.where.empty()
                         ? render::FieldError{"", "Someone else changed this import a moment ago. Reload the page "
                                                  "and try again."}
                         : Refusal(e));
    return PageWith(call, site, *page, std::move(values), HttpStatus(e.code), std::move(errors));
  }
  return SeeOther(ItemUrl(*id) + "?done=confirmed");
}

Response ImportRejectPost(const StaffCall& call, Site& site) {
  auto id = ParseId(call.Param("id"));
  if (!id) return StaffErrorPage(site, call.current, 404, kNotFound);
  auto reviewer = ReviewerFor(call);
  auto page = services::GetImportReview(site.store, *id, reviewer);
  if (!page) return ErrorFor(site, call, page.error());
  auto values = AsRead(*page);
  values.version = ParseId(call.form.Get("version")).value_or(page->item.version);
  values.reason = std::string(call.form.Get("reason"));
  auto rejected = services::RejectImport(site.store, *id, values.version, values.reason, reviewer, Instant::Now());
  if (!rejected) {
    const auto& e = rejected.error();
    if (e.code == ErrorCode::kNotFound) return ErrorFor(site, call, e);
    return PageWith(call, site, *page, std::move(values), HttpStatus(e.code), {Refusal(e)});
  }
  return SeeOther("/staff/imports?done=rejected");
}

Response ImportOriginalDownload(const StaffCall& call, Site& site) {
  auto id = ParseId(call.Param("id"));
  if (!id) return StaffErrorPage(site, call.current, 404, kNotFound);
  auto file = services::GetOriginalFile(site.store, *id, ReviewerFor(call));
  if (!file) return ErrorFor(site, call, file.error());
  // Never rendered by the browser: a download of bytes, whatever the file claims to be.
  return MakeResponse(200, "application/octet-stream", std::move(file->bytes), kStaffCache,
                      {{"Content-Disposition", AttachmentDisposition(file->name)}});
}

}  // namespace assent::web
