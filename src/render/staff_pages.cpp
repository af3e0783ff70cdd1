#include "render/staff_pages.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/money.hpp"
#include "core/text.hpp"
#include "render/mustache_parts.hpp"
#include "render/staff_parts.hpp"

namespace assent::render {

using namespace detail;

namespace {

// A value for a {{#section}}: false when empty (kainjow treats "" as true).
mu::data Opt(std::string_view s) { return s.empty() ? mu::data(false) : Str(s); }

std::string DecisionUrl(std::int64_t id) { return fmt::format("/staff/decisions/{}", id); }

std::string StatusTagClass(decisions::Status s) {
  switch (s) {
    case decisions::Status::kDraft: return "govuk-tag--grey";
    case decisions::Status::kSubmitted: return "govuk-tag--blue";
    case decisions::Status::kDecided: return "govuk-tag--turquoise";
    case decisions::Status::kPublished: return "govuk-tag--green";
    case decisions::Status::kWithdrawn: return "govuk-tag--red";
  }
  return "govuk-tag--grey";
}

}  // namespace

// Shared with the other staff pages (render/staff_parts.hpp).
mu::data StatusData(decisions::Status s) {
  mu::data d;
  d.set("label", Str(decisions::StatusLabel(s)));
  d.set("class", Str(StatusTagClass(s)));
  return d;
}

mu::data ChromeData(const StaffChrome& c) {
  mu::data d;
  d.set("signed_in", mu::data(c.signed_in));
  d.set("display_name", Str(c.display_name.empty() ? c.username : c.display_name));
  d.set("username", Str(c.username));
  d.set("csrf", Str(c.csrf));
  d.set("administrator", mu::data(c.administrator));
  return d;
}

void SetErrors(mu::data& d, const std::vector<FieldError>& errors) {
  mu::data list = List();
  for (const auto& e : errors) {
    mu::data item;
    item.set("href", Opt(e.field.empty() ? "" : "#" + e.field));
    item.set("message", Str(e.message));
    list.push_back(item);
  }
  d.set("errors", list);
  d.set("has_errors", mu::data(!errors.empty()));
}

// The message for one field, for its inline error, or false.
mu::data FieldErrorData(const std::vector<FieldError>& errors, std::string_view field) {
  for (const auto& e : errors) {
    if (e.field == field) return Str(e.message);
  }
  return mu::data(false);
}

std::string PageTitle(std::string_view title, const std::vector<FieldError>& errors) {
  return errors.empty() ? std::string(title) : "Error: " + std::string(title);
}

namespace {

std::string SizeText(std::int64_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.0f} KB", bytes / 1024.0);
  return fmt::format("{:.1f} MB", bytes / (1024.0 * 1024.0));
}

std::string DateValueText(std::string_view value) {
  auto d = Date::ParseIso(value);
  return d ? d->ToLong() : std::string(value);
}

std::string AnswerText(const decisions::FormQuestion& q, std::string_view value) {
  if (value.empty()) return "Not answered";
  if (q.type == decisions::FieldType::kYesNo) return value == "yes" ? "Yes" : "No";
  if (q.type == decisions::FieldType::kDate) return DateValueText(value);
  return std::string(value);
}

mu::data QuestionsData(const std::vector<decisions::FormQuestion>& questions,
                       const decisions::Decision& d) {
  mu::data list = List();
  for (const auto& q : questions) {
    mu::data item;
    item.set("question", Str(q.text));
    item.set("answer", Str(AnswerText(q, AnswerValue(d.publication, d.media, q.key))));
    list.push_back(item);
    if (q.key == "part2_exists" && !d.publication.part2_reason.empty()) {
      mu::data reason;
      reason.set("question", Str("Why there is a Part 2 (published)"));
      reason.set("answer", Str(d.publication.part2_reason));
      list.push_back(reason);
    }
  }
  return list;
}

// The whole content of a decision as staff see it, Part 2 included and tagged: for
// {{#content}}{{>staff_content}}{{/content}}.
mu::data ContentData(const decisions::Decision& d, const DecisionSetting& s) {
  mu::data c;
  c.set("title", Str(d.title));
  const workflow::Category* category = s.scheme.FindCategory(d.category);
  c.set("category", Str(category ? category->label : d.category.empty() ? "Not chosen" : d.category));
  c.set("amount", Str(d.amount_pence ? PoundsText(*d.amount_pence) : "None given"));
  mu::data fields = List();
  for (const auto& f : s.form.fields) {
    mu::data fd;
    fd.set("label", Str(f.label));
    std::string value(d.Field(f.key));
    fd.set("value", Str(value.empty() ? "Not given"
                                      : f.type == decisions::FieldType::kDate ? DateValueText(value) : value));
    fields.push_back(fd);
  }
  c.set("fields", fields);
  mu::data sections = List();
  for (const auto& sec : d.sections) {
    mu::data sd;
    sd.set("heading", Str(sec.heading));
    sd.set("part2", mu::data(sec.part == decisions::Part::kPart2));
    sd.set("blocks", Blocks(sec.text));
    sd.set("empty", mu::data(Trim(sec.text).empty()));
    sections.push_back(sd);
  }
  c.set("sections", sections);
  mu::data boards = List();
  for (const auto& b : d.boards) {
    mu::data bd;
    bd.set("name", Str(b.name));
    bd.set("date", Opt(b.date ? b.date->ToLong() : ""));
    boards.push_back(bd);
  }
  c.set("boards", boards);
  c.set("has_boards", mu::data(!d.boards.empty()));
  mu::data papers = List();
  for (const auto& p : d.background_papers) {
    mu::data pd;
    pd.set("title", Str(p.title));
    pd.set("part2", mu::data(p.part == decisions::Part::kPart2));
    papers.push_back(pd);
  }
  c.set("papers", papers);
  c.set("has_papers", mu::data(!d.background_papers.empty()));
  mu::data people = List();
  for (const auto& p : d.persons_consulted) people.push_back(Str(p));
  c.set("consulted", people);
  c.set("has_consulted", mu::data(!d.persons_consulted.empty()));
  mu::data attachments = List();
  for (const auto& a : d.attachments) {
    mu::data ad;
    ad.set("name", Str(a.name));
    ad.set("part2", mu::data(a.part == decisions::Part::kPart2));
    ad.set("size", Str(SizeText(a.size)));
    ad.set("href", Str(DecisionUrl(d.id) + "/attachments/" + a.sha256));
    attachments.push_back(ad);
  }
  c.set("attachments", attachments);
  c.set("has_attachments", mu::data(!d.attachments.empty()));
  c.set("publication", QuestionsData(s.form.publication, d));
  c.set("has_publication", mu::data(!s.form.publication.empty()));
  c.set("media", QuestionsData(s.form.media, d));
  c.set("has_media", mu::data(!s.form.media.empty()));
  return c;
}

std::string SignedWhen(const decisions::SignOff& s) {
  if (!s.signed_at.empty()) return InstantText(s.signed_at);
  if (s.date) return s.date->ToLong();
  return "Date not recorded";
}

mu::data SignatureData(const decisions::SignOff& s, std::int64_t id) {
  mu::data sd;
  sd.set("name", Str(s.name.value_or("Name not recorded")));
  sd.set("capacity", Opt(s.role.value_or("")));
  sd.set("when", Str(SignedWhen(s)));
  sd.set("advice", Opt(s.advice));
  sd.set("voided", Opt(s.voided));
  sd.set("stands", mu::data(s.stands()));
  if (s.outcome) {
    sd.set("outcome", Str(*s.outcome == decisions::Outcome::kApproved      ? "Approved"
                          : *s.outcome == decisions::Outcome::kNotApproved ? "Not approved"
                                                                            : "Not recorded"));
    sd.set("interests", Str(s.interests.empty() ? "None declared" : s.interests));
  } else {
    sd.set("outcome", mu::data(false));
    sd.set("interests", mu::data(false));
  }
  sd.set("reasons", Opt(s.reasons));
  sd.set("what_signed", Opt(s.content_hash.empty()
                                ? ""
                                : DecisionUrl(id) + "/signed/" + s.content_hash));
  return sd;
}

mu::data StepsData(const services::StaffDecision& staff) {
  const auto& d = staff.decision;
  mu::data steps = List();
  for (const auto& step : staff.steps) {
    mu::data sd;
    sd.set("label", Str(step.label));
    sd.set("role", Str(accounts::RoleLabel(step.role)));
    sd.set("decision_maker", mu::data(step.decision_maker));
    bool open = false;
    for (const auto& o : staff.open_steps) open = open || o.key == step.key;
    std::string state = step.signature ? (step.decision_maker ? "Decided" : "Signed")
                        : open         ? "Waiting"
                                       : "Not yet";
    sd.set("state", Str(state));
    sd.set("state_class", Str(step.signature ? "govuk-tag--green" : open ? "govuk-tag--yellow" : "govuk-tag--grey"));
    mu::data signatures = List();
    for (const auto& s : d.signoffs) {
      if (s.step == step.key) signatures.push_back(SignatureData(s, d.id));
    }
    sd.set("signatures", signatures);
    steps.push_back(sd);
  }
  return steps;
}

std::string_view ActionLabel(std::string_view action) {
  struct Row {
    std::string_view action, label;
  };
  static constexpr Row kLabels[] = {
      {"decision.create", "Draft started"},      {"decision.import", "Imported"},
      {"decision.edit", "Edited"},               {"decision.submit", "Submitted"},
      {"decision.sign", "Signed"},               {"decision.decide", "Decided"},
      {"decision.return", "Returned for revision"}, {"decision.withdraw", "Withdrawn"},
      {"decision.publish", "Published"},         {"part2.view", "Part 2 viewed"},
      {"import.confirm", "Imported and confirmed"},
  };
  for (const auto& r : kLabels) {
    if (r.action == action) return r.label;
  }
  return action;
}

mu::data HistoryData(const std::vector<audit::Event>& history) {
  mu::data list = List();
  for (const auto& e : history) {
    mu::data ed;
    ed.set("when", Str(InstantText(e.at)));
    ed.set("who", Str(e.actor));
    ed.set("what", Str(ActionLabel(e.action)));
    ed.set("detail", Opt(e.detail));
    list.push_back(ed);
  }
  return list;
}

mu::data Crumbs(std::initializer_list<std::pair<std::string_view, std::string>> items) {
  mu::data crumbs = List();
  for (const auto& [text, href] : items) crumbs.push_back(Crumb(text, href));
  return crumbs;
}

std::string DecisionName(const decisions::Decision& d) {
  return d.reference.empty() ? "Draft: " + d.title : d.reference + " " + d.title;
}

// The decision's heading block shared by its pages.
void SetDecisionHead(mu::data& data, const decisions::Decision& d, const DecisionSetting& s) {
  data.set("id", Str(std::to_string(d.id)));
  data.set("href", Str(DecisionUrl(d.id)));
  data.set("body_name", Str(s.body.name));
  data.set("reference", Opt(d.reference));
  data.set("title", Str(d.title));
  data.set("status", StatusData(d.status));
  data.set("status_reason", Opt(d.status_reason));
  data.set("form_title", Str(s.form.title));
}

mu::data CapacitiesData(const workflow::Step& step, std::string_view chosen) {
  mu::data list = List();
  int i = 0;
  for (const auto& c : step.capacities) {
    mu::data cd;
    cd.set("value", Str(c));
    cd.set("id", Str(i == 0 ? "capacity" : fmt::format("capacity-{}", i + 1)));
    cd.set("checked", mu::data(c == chosen));
    list.push_back(cd);
    ++i;
  }
  return list;
}

// A content snapshot (workflow::ContentSnapshot, "assent-content/1") read back into a
// decision for display; nullopt when it is not one.
std::optional<decisions::Decision> ReadSnapshot(std::string_view text, std::int64_t id) {
  using Json = nlohmann::json;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != "assent-content/1") return std::nullopt;
  try {
    decisions::Decision d;
    d.id = id;
    auto str = [](const Json& o, const char* k) { return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string(); };
    auto part = [](const Json& o) { return o.value("part", 1) == 2 ? decisions::Part::kPart2 : decisions::Part::kPart1; };
    auto yn = [](const Json& o, const char* k) -> std::optional<bool> {
      if (!o.contains(k) || !o[k].is_boolean()) return std::nullopt;
      return o[k].get<bool>();
    };
    auto date = [&](const Json& o, const char* k) -> std::optional<Date> {
      auto parsed = Date::ParseIso(str(o, k));
      if (!parsed) return std::nullopt;
      return *parsed;
    };
    d.title = str(j, "title");
    d.category = str(j, "category");
    if (j.contains("amount_pence") && j["amount_pence"].is_number_integer()) d.amount_pence = j["amount_pence"].get<std::int64_t>();
    for (const auto& s : j.value("sections", Json::array())) {
      d.sections.push_back({str(s, "key"), str(s, "heading"), part(s), str(s, "text")});
    }
    for (const auto& f : j.value("fields", Json::array())) d.fields.push_back({str(f, "key"), str(f, "value")});
    for (const auto& b : j.value("boards", Json::array())) d.boards.push_back({str(b, "name"), date(b, "date")});
    for (const auto& p : j.value("background_papers", Json::array())) d.background_papers.push_back({str(p, "title"), part(p)});
    for (const auto& p : j.value("persons_consulted", Json::array())) {
      if (p.is_string()) d.persons_consulted.push_back(p.get<std::string>());
    }
    for (const auto& a : j.value("attachments", Json::array())) {
      d.attachments.push_back({str(a, "name"), str(a, "media_type"), part(a), str(a, "sha256"), a.value("size", std::int64_t{0})});
    }
    Json p = j.value("publication", Json::object());
    d.publication.deferred = yn(p, "deferred");
    d.publication.deferral_reason = str(p, "deferral_reason");
    d.publication.deferred_until = date(p, "deferred_until");
    d.publication.part2_exists = yn(p, "part2_exists");
    d.publication.part2_reason = str(p, "part2_reason");
    d.publication.for_publication = yn(p, "for_publication");
    d.publication.non_publication_reason = str(p, "non_publication_reason");
    d.publication.redaction_required = yn(p, "redaction_required");
    Json m = j.value("media", Json::object());
    d.media.press_release_required = yn(m, "press_release_required");
    d.media.strategy_formulated = yn(m, "strategy_formulated");
    d.media.strategy_attached = yn(m, "strategy_attached");
    d.media.press_release_date = date(m, "press_release_date");
    return d;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string PoundsText(std::int64_t pence) { return FormatPounds(pence); }

std::string InstantText(std::string_view iso) {
  // "2026-11-21T10:15:00Z"
  if (iso.size() < 17 || iso[10] != 'T') return std::string(iso);
  auto date = Date::ParseIso(iso.substr(0, 10));
  if (!date) return std::string(iso);
  return fmt::format("{}, {} UTC", date->ToLong(), iso.substr(11, 5));
}

std::string AnswerValue(const decisions::PublicationAnswers& p, const decisions::MediaAnswers& m,
                        std::string_view key) {
  auto yn = [](const std::optional<bool>& v) -> std::string { return !v ? "" : *v ? "yes" : "no"; };
  auto date = [](const std::optional<Date>& v) -> std::string { return v ? v->ToIso() : ""; };
  if (key == "deferred") return yn(p.deferred);
  if (key == "deferral_reason") return p.deferral_reason;
  if (key == "deferred_until") return date(p.deferred_until);
  if (key == "part2_exists") return yn(p.part2_exists);
  if (key == kPart2ReasonKey) return p.part2_reason;
  if (key == "for_publication") return yn(p.for_publication);
  if (key == "non_publication_reason") return p.non_publication_reason;
  if (key == "redaction_required") return yn(p.redaction_required);
  if (key == "press_release_required") return yn(m.press_release_required);
  if (key == "strategy_formulated") return yn(m.strategy_formulated);
  if (key == "strategy_attached") return yn(m.strategy_attached);
  if (key == "press_release_date") return date(m.press_release_date);
  return {};
}

Result<void> SetAnswer(decisions::PublicationAnswers& p, decisions::MediaAnswers& m,
                       std::string_view key, std::string_view value) {
  value = Trim(value);
  auto yn = [&](std::optional<bool>& out) -> Result<void> {
    if (value.empty()) {
      out.reset();
    } else if (value == "yes" || value == "no") {
      out = value == "yes";
    } else {
      return Fail(ErrorCode::kInvalidInput, "Answer yes or no", std::string(key));
    }
    return Ok();
  };
  auto date = [&](std::optional<Date>& out) -> Result<void> {
    if (value.empty()) {
      out.reset();
      return Ok();
    }
    auto d = Date::ParseIso(value);
    if (!d) return Fail(ErrorCode::kInvalidInput, "Enter a real date, for example 27/3/2026", std::string(key));
    out = *d;
    return Ok();
  };
  if (key == "deferred") return yn(p.deferred);
  if (key == "deferral_reason") p.deferral_reason = std::string(value);
  if (key == "deferred_until") return date(p.deferred_until);
  if (key == "part2_exists") return yn(p.part2_exists);
  if (key == kPart2ReasonKey) p.part2_reason = std::string(value);
  if (key == "for_publication") return yn(p.for_publication);
  if (key == "non_publication_reason") p.non_publication_reason = std::string(value);
  if (key == "redaction_required") return yn(p.redaction_required);
  if (key == "press_release_required") return yn(m.press_release_required);
  if (key == "strategy_formulated") return yn(m.strategy_formulated);
  if (key == "strategy_attached") return yn(m.strategy_attached);
  if (key == "press_release_date") return date(m.press_release_date);
  return Ok();
}

std::string StaffPages::SignIn(const SignInView& v) const {
  mu::data d;
  SetErrors(d, v.errors);
  d.set("username", Str(v.username));
  d.set("next", Str(v.next));
  d.set("csrf", Str(v.csrf));
  d.set("signed_out", mu::data(v.signed_out));
  d.set("username_error", FieldErrorData(v.errors, "username"));
  d.set("password_error", FieldErrorData(v.errors, "password"));
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  return InStaffLayout(html_.templates_, PageTitle("Sign in", v.errors), List(),
                       RenderWith(html_.templates_, "staff_sign_in", d), ChromeData(StaffChrome{}));
}

std::string StaffPages::Password(const StaffChrome& chrome, const PasswordView& v) const {
  mu::data d;
  SetErrors(d, v.errors);
  d.set("csrf", Str(chrome.csrf));
  d.set("must_change", mu::data(v.must_change));
  for (const char* f : {"current", "new_password", "confirm"}) {
    d.set(std::string(f) + "_error", FieldErrorData(v.errors, f));
  }
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  return InStaffLayout(html_.templates_, PageTitle("Change your password", v.errors),
                       Crumbs({{"Your work", "/staff"}}),
                       RenderWith(html_.templates_, "staff_password", d), ChromeData(chrome));
}

std::string StaffPages::Home(const StaffChrome& chrome, const HomeView& v) const {
  auto rows = [](const std::vector<WorkRow>& list) {
    mu::data out = List();
    for (const auto& r : list) {
      mu::data rd;
      rd.set("href", Str(DecisionUrl(r.id)));
      rd.set("reference", Str(r.reference.empty() ? "No reference yet" : r.reference));
      rd.set("title", Str(r.title));
      rd.set("body_name", Str(r.body_name));
      rd.set("status", StatusData(r.status));
      rd.set("waiting_for", Str(r.waiting_for.empty() ? "–" : r.waiting_for));
      out.push_back(rd);
    }
    return out;
  };
  mu::data d;
  d.set("name", Str(chrome.display_name.empty() ? chrome.username : chrome.display_name));
  d.set("notice", Opt(v.notice));
  d.set("waiting", rows(v.waiting));
  d.set("has_waiting", mu::data(!v.waiting.empty()));
  d.set("drafts", rows(v.drafts));
  d.set("has_drafts", mu::data(!v.drafts.empty()));
  mu::data start = List();
  for (const auto& b : v.may_start) {
    mu::data bd;
    bd.set("name", Str(b.name));
    bd.set("short_name", Str(b.short_name.empty() ? b.name : b.short_name));
    bd.set("href", Str("/staff/" + b.slug + "/decisions/new"));
    start.push_back(bd);
  }
  d.set("start", start);
  d.set("has_start", mu::data(!v.may_start.empty()));
  d.set("administrator", mu::data(chrome.administrator));
  d.set("may_review_imports", mu::data(v.may_review_imports));
  mu::data compliance = List();
  for (const auto& b : v.compliance) {
    mu::data item;
    item.set("short_name", Str(b.short_name.empty() ? b.name : b.short_name));
    item.set("compliance_href", Str("/staff/" + b.slug + "/compliance"));
    item.set("plan_href", Str("/staff/" + b.slug + "/forward-plan"));
    compliance.push_back(item);
  }
  d.set("compliance", compliance);
  d.set("has_compliance", mu::data(!v.compliance.empty()));
  return InStaffLayout(html_.templates_, "Your work", List(), RenderWith(html_.templates_, "staff_home", d),
                       ChromeData(chrome));
}

std::string StaffPages::Users(const StaffChrome& chrome, const UsersView& v) const {
  mu::data rows = List();
  for (const auto& u : v.users) {
    mu::data ud;
    ud.set("username", Str(u.username));
    ud.set("display_name", Str(u.display_name));
    ud.set("email", Str(u.email.empty() ? "–" : u.email));
    mu::data roles = List();
    for (const auto& g : u.roles) {
      roles.push_back(Str(fmt::format("{}: {}", g.body == "*" ? "every body" : g.body,
                                      accounts::RoleLabel(g.role))));
    }
    ud.set("roles", roles);
    std::string state = u.disabled                    ? "Disabled"
                        : u.locked_until > v.now      ? "Locked"
                        : u.must_change_password      ? "Must change password"
                                                      : "Active";
    ud.set("state", Str(state));
    ud.set("state_class", Str(state == "Active" ? "govuk-tag--green"
                              : state == "Disabled" ? "govuk-tag--grey"
                                                    : "govuk-tag--yellow"));
    rows.push_back(ud);
  }
  mu::data d;
  d.set("users", rows);
  d.set("count", Str(fmt::format("{} {}", v.users.size(), v.users.size() == 1 ? "account" : "accounts")));
  return InStaffLayout(html_.templates_, "Staff accounts", Crumbs({{"Your work", "/staff"}}),
                       RenderWith(html_.templates_, "staff_users", d), ChromeData(chrome));
}

std::string StaffPages::NewDecision(const StaffChrome& chrome, const NewDecisionView& v) const {
  mu::data d;
  SetErrors(d, v.errors);
  d.set("body_name", Str(v.body.name));
  d.set("action", Str("/staff/" + v.body.slug + "/decisions/new"));
  d.set("csrf", Str(chrome.csrf));
  d.set("title", Str(v.title));
  d.set("title_error", FieldErrorData(v.errors, "title"));
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  return InStaffLayout(html_.templates_, PageTitle("Start a new decision", v.errors),
                       Crumbs({{"Your work", "/staff"}}),
                       RenderWith(html_.templates_, "staff_new", d), ChromeData(chrome));
}

std::string StaffPages::Decision(const StaffChrome& chrome, const DecisionView& v) const {
  const auto& dec = v.staff.decision;
  mu::data d;
  SetDecisionHead(d, dec, v.setting);
  SetErrors(d, v.errors);
  d.set("notice", Opt(v.notice));
  d.set("csrf", Str(chrome.csrf));
  d.set("content", ContentData(dec, v.setting));
  d.set("steps", StepsData(v.staff));
  d.set("history", HistoryData(v.staff.history));
  d.set("has_history", mu::data(!v.staff.history.empty()));
  d.set("outcome", Opt(dec.status == decisions::Status::kDecided || dec.status == decisions::Status::kPublished
                           ? (dec.outcome == decisions::Outcome::kApproved      ? "Approved"
                              : dec.outcome == decisions::Outcome::kNotApproved ? "Not approved"
                                                                                 : "Not recorded")
                           : ""));
  d.set("decision_date", Opt(dec.decision_date ? dec.decision_date->ToLong() : ""));
  d.set("decision_maker", Opt(dec.decision_maker_role.value_or("")));
  bool publication_part = dec.status == decisions::Status::kDecided ||
                          dec.status == decisions::Status::kPublished ||
                          (dec.status == decisions::Status::kWithdrawn && dec.withdrawn_on);
  d.set("publication_href", Opt(publication_part ? DecisionUrl(dec.id) + "/publication" : ""));
  const auto& a = v.actions;
  d.set("can_edit", mu::data(a.edit));
  d.set("sign_label", Opt(a.sign_label));
  d.set("decide_label", Opt(a.decide_label));
  d.set("can_return", mu::data(a.return_for_revision));
  d.set("can_withdraw", mu::data(a.withdraw));
  d.set("has_actions", mu::data(a.edit || !a.sign_label.empty() || !a.decide_label.empty() ||
                                a.return_for_revision || a.withdraw));
  d.set("return_reason", Str(v.return_reason));
  d.set("withdraw_reason", Str(v.withdraw_reason));
  d.set("return_reason_error", FieldErrorData(v.errors, "return-reason"));
  d.set("withdraw_reason_error", FieldErrorData(v.errors, "withdraw-reason"));
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("staff_content", Partial(html_.templates_, "staff_content"));
  return InStaffLayout(html_.templates_, PageTitle(DecisionName(dec), v.errors),
                       Crumbs({{"Your work", "/staff"}}),
                       RenderWith(html_.templates_, "staff_decision", d), ChromeData(chrome));
}

std::string StaffPages::Edit(const StaffChrome& chrome, const EditView& v) const {
  const auto& form = v.setting.form;
  const auto& f = v.values;
  mu::data d;
  SetErrors(d, v.errors);
  d.set("notice", Opt(v.notice));
  d.set("href", Str(DecisionUrl(v.id)));
  d.set("action", Str(DecisionUrl(v.id) + "/edit"));
  d.set("upload_action", Str(DecisionUrl(v.id) + "/attachments"));
  d.set("csrf", Str(chrome.csrf));
  d.set("version", Str(std::to_string(f.version)));
  d.set("body_name", Str(v.setting.body.name));
  d.set("form_title", Str(form.title));
  d.set("reference", Opt(v.reference));
  d.set("status", StatusData(v.status));
  d.set("submitted", mu::data(v.status == decisions::Status::kSubmitted));
  d.set("title", Str(f.title));
  d.set("title_error", FieldErrorData(v.errors, "title"));
  d.set("amount", Str(f.amount));
  d.set("amount_error", FieldErrorData(v.errors, "amount"));
  d.set("category_error", FieldErrorData(v.errors, "category"));
  mu::data categories = List();
  {
    mu::data none;
    none.set("key", Str(""));
    none.set("label", Str("Choose a category"));
    none.set("selected", mu::data(f.category.empty()));
    categories.push_back(none);
  }
  for (const auto& c : v.setting.scheme.categories) {
    mu::data cd;
    cd.set("key", Str(c.key));
    cd.set("label", Str(c.reserved ? c.label + " (reserved to the commissioner)" : c.label));
    cd.set("selected", mu::data(c.key == f.category));
    categories.push_back(cd);
  }
  d.set("categories", categories);
  mu::data fields = List();
  for (const auto& field : form.fields) {
    mu::data fd;
    fd.set("id", Str("field-" + field.key));
    fd.set("name", Str("field." + field.key));
    fd.set("label", Str(field.label));
    auto it = f.fields.find(field.key);
    fd.set("value", Str(it == f.fields.end() ? "" : it->second));
    fd.set("date", mu::data(field.type == decisions::FieldType::kDate));
    fd.set("error", FieldErrorData(v.errors, "field-" + field.key));
    fields.push_back(fd);
  }
  d.set("fields", fields);
  d.set("has_fields", mu::data(!form.fields.empty()));
  mu::data sections = List();
  for (const auto& s : form.sections) {
    mu::data sd;
    sd.set("id", Str("section-" + s.key));
    sd.set("name", Str("section." + s.key));
    sd.set("heading", Str(s.heading));
    sd.set("part2", mu::data(s.part == decisions::Part::kPart2));
    sd.set("required", mu::data(s.required));
    auto it = f.sections.find(s.key);
    sd.set("text", Str(it == f.sections.end() ? "" : it->second));
    sd.set("error", FieldErrorData(v.errors, "section-" + s.key));
    sections.push_back(sd);
  }
  d.set("sections", sections);
  d.set("consultees", Str(f.consultees));
  d.set("boards", Str(f.boards));
  d.set("boards_error", FieldErrorData(v.errors, "boards"));
  d.set("papers_part1", Str(f.papers_part1));
  d.set("papers_part2", Str(f.papers_part2));
  auto questions = [&](const std::vector<decisions::FormQuestion>& list, std::string_view prefix) {
    mu::data out = List();
    for (const auto& q : list) {
      mu::data qd;
      std::string id = std::string(prefix) + "-" + q.key;
      qd.set("id", Str(id));
      qd.set("name", Str("answer." + q.key));
      qd.set("text", Str(q.text));
      auto it = f.answers.find(q.key);
      std::string value = it == f.answers.end() ? "" : it->second;
      qd.set("yes_no", mu::data(q.type == decisions::FieldType::kYesNo));
      qd.set("is_date", mu::data(q.type == decisions::FieldType::kDate));
      qd.set("is_text", mu::data(q.type == decisions::FieldType::kText));
      qd.set("value", Str(value));
      qd.set("yes", mu::data(value == "yes"));
      qd.set("no", mu::data(value == "no"));
      qd.set("error", FieldErrorData(v.errors, id));
      out.push_back(qd);
      if (q.key == "part2_exists") {
        mu::data rd;
        rd.set("id", Str(std::string(prefix) + "-" + std::string(kPart2ReasonKey)));
        rd.set("name", Str("answer." + std::string(kPart2ReasonKey)));
        rd.set("text", Str("If there is a Part 2, why is it confidential? (This statement is published.)"));
        auto r = f.answers.find(kPart2ReasonKey);
        rd.set("value", Str(r == f.answers.end() ? "" : r->second));
        rd.set("yes_no", mu::data(false));
        rd.set("is_date", mu::data(false));
        rd.set("is_text", mu::data(true));
        rd.set("yes", mu::data(false));
        rd.set("no", mu::data(false));
        rd.set("error", mu::data(false));
        out.push_back(rd);
      }
    }
    return out;
  };
  d.set("publication", questions(form.publication, "publication"));
  d.set("has_publication", mu::data(!form.publication.empty()));
  d.set("media", questions(form.media, "media"));
  d.set("has_media", mu::data(!form.media.empty()));
  mu::data attachments = List();
  for (const auto& a : f.attachments) {
    mu::data ad;
    ad.set("name", Str(a.name));
    ad.set("sha256", Str(a.sha256));
    ad.set("part2", mu::data(a.part == decisions::Part::kPart2));
    ad.set("size", Str(SizeText(a.size)));
    ad.set("href", Str(DecisionUrl(v.id) + "/attachments/" + a.sha256));
    bool removing = false;
    for (const auto& r : f.remove_attachments) removing = removing || r == a.sha256;
    ad.set("remove", mu::data(removing));
    ad.set("remove_id", Str("remove-" + a.sha256.substr(0, 12)));
    attachments.push_back(ad);
  }
  d.set("attachments", attachments);
  d.set("has_attachments", mu::data(!f.attachments.empty()));
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("staff_question", Partial(html_.templates_, "staff_question"));
  std::string name = v.reference.empty() ? f.title : v.reference + " " + f.title;
  return InStaffLayout(html_.templates_, PageTitle("Edit: " + name, v.errors),
                       Crumbs({{"Your work", "/staff"}, {v.reference.empty() ? "Draft" : v.reference, DecisionUrl(v.id)}}),
                       RenderWith(html_.templates_, "staff_edit", d), ChromeData(chrome));
}

namespace {

mu::data SignData(const StaffChrome& chrome, const SignView& v) {
  const auto& dec = v.staff.decision;
  mu::data d;
  SetDecisionHead(d, dec, v.setting);
  SetErrors(d, v.errors);
  d.set("csrf", Str(chrome.csrf));
  d.set("content_hash", Str(v.staff.content_hash));
  d.set("content", ContentData(dec, v.setting));
  d.set("has_step", mu::data(v.step != nullptr));
  d.set("has_form", mu::data(v.step != nullptr || v.submit_only));
  d.set("submit", mu::data(v.submit));
  d.set("submit_only", mu::data(v.submit_only));
  d.set("next_step", Str(v.next_step));
  if (v.step) {
    const auto& s = *v.step;
    d.set("step_key", Str(s.key));
    d.set("step_label", Str(s.label));
    d.set("declaration", Opt(s.declaration));
    d.set("capacities", CapacitiesData(s, v.capacity));
    d.set("has_capacities", mu::data(s.capacities.size() > 1));
    d.set("single_capacity", Opt(s.capacities.size() == 1 ? s.capacities[0] : ""));
    d.set("advice_box", mu::data(s.advice));
  }
  d.set("advice", Str(v.advice));
  d.set("declared", mu::data(v.declaration));
  d.set("approved", mu::data(v.outcome == "approved"));
  d.set("not_approved", mu::data(v.outcome == "not_approved"));
  d.set("reasons", Str(v.reasons));
  d.set("no_interests", mu::data(v.no_interests));
  d.set("interests", Str(v.interests));
  for (const char* f : {"capacity", "advice", "declaration", "outcome", "reasons", "interests"}) {
    d.set(std::string(f) + "_error", FieldErrorData(v.errors, f));
  }
  return d;
}

}  // namespace

std::string StaffPages::Sign(const StaffChrome& chrome, const SignView& v) const {
  mu::data d = SignData(chrome, v);
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("staff_content", Partial(html_.templates_, "staff_content"));
  std::string title = v.submit ? "Submit for approval" : v.step ? "Sign: " + v.step->label : "Sign";
  const auto& dec = v.staff.decision;
  return InStaffLayout(html_.templates_, PageTitle(title + " – " + DecisionName(dec), v.errors),
                       Crumbs({{"Your work", "/staff"}, {dec.reference.empty() ? "Draft" : dec.reference, DecisionUrl(dec.id)}}),
                       RenderWith(html_.templates_, "staff_sign", d), ChromeData(chrome));
}

std::string StaffPages::Decide(const StaffChrome& chrome, const SignView& v) const {
  mu::data d = SignData(chrome, v);
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("staff_content", Partial(html_.templates_, "staff_content"));
  const auto& dec = v.staff.decision;
  return InStaffLayout(html_.templates_, PageTitle("Decide – " + DecisionName(dec), v.errors),
                       Crumbs({{"Your work", "/staff"}, {dec.reference.empty() ? "Draft" : dec.reference, DecisionUrl(dec.id)}}),
                       RenderWith(html_.templates_, "staff_decide", d), ChromeData(chrome));
}

std::string StaffPages::Signed(const StaffChrome& chrome, const SignedView& v,
                               const DecisionSetting& setting) const {
  mu::data d;
  if (auto content = ReadSnapshot(v.snapshot, v.id)) {
    d.set("content", ContentData(*content, setting));
  } else {
    d.set("content", mu::data(false));
  }
  d.set("staff_content", Partial(html_.templates_, "staff_content"));
  d.set("href", Str(DecisionUrl(v.id)));
  d.set("reference", Opt(v.reference));
  d.set("title", Str(v.title));
  d.set("body_name", Str(v.body_name));
  d.set("content_hash", Str(v.content_hash));
  d.set("snapshot", Str(v.snapshot));
  mu::data signatures = List();
  for (const auto& s : v.signatures) signatures.push_back(SignatureData(s, v.id));
  d.set("signatures", signatures);
  d.set("has_signatures", mu::data(!v.signatures.empty()));
  return InStaffLayout(html_.templates_, "What was signed – " + (v.reference.empty() ? v.title : v.reference),
                       Crumbs({{"Your work", "/staff"}, {v.reference.empty() ? "Draft" : v.reference, DecisionUrl(v.id)}}),
                       RenderWith(html_.templates_, "staff_signed", d), ChromeData(chrome));
}

std::string StaffPages::Error(const StaffChrome& chrome, int status, std::string_view title,
                              std::string_view message) const {
  mu::data d;
  d.set("status", Str(std::to_string(status)));
  d.set("title", Str(title));
  d.set("message", Str(message));
  d.set("signed_in", mu::data(chrome.signed_in));
  return InStaffLayout(html_.templates_, title, List(), RenderWith(html_.templates_, "staff_error", d),
                       ChromeData(chrome));
}

}  // namespace assent::render
