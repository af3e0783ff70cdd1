#include "services/demo_decision_file.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>

#include "core/toml_text.hpp"

namespace assent::services {
namespace {

using decisions::Part;

// Reads one table of the file; every failure names the file and the key.
class Table {
 public:
  Table(const toml::table& t, std::string file, std::string path)
      : t_(t), file_(std::move(file)), path_(std::move(path)) {}

  std::string Key(std::string_view key) const { return path_.empty() ? std::string(key) : path_ + "." + std::string(key); }
  Error Bad(std::string_view key, std::string message) const {
    return Fail(ErrorCode::kInvalidInput, std::move(message), file_ + ": " + Key(key));
  }

  // Every key must be one the format knows (a misspelt key is an error, not ignored).
  Result<void> OnlyKeys(std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : t_) {
      if (std::find(known.begin(), known.end(), k.str()) == known.end()) {
        return Bad(k.str(), "unknown key (the keys here are: " + fmt::format("{}", fmt::join(known, ", ")) + ")");
      }
    }
    return Ok();
  }

  bool Has(std::string_view key) const { return t_.contains(key); }

  Result<std::string> Text(std::string_view key, bool required) const {
    const toml::node* n = t_.get(key);
    if (!n) {
      if (required) return Bad(key, "missing (a text is required)");
      return std::string();
    }
    auto s = n->value<std::string>();
    if (!s) return Bad(key, "must be a text in quotes");
    if (required && s->find_first_not_of(" \t\r\n") == std::string::npos) return Bad(key, "is empty");
    return *s;
  }

  Result<bool> Bool(std::string_view key, bool fallback) const {
    const toml::node* n = t_.get(key);
    if (!n) return fallback;
    auto b = n->value<bool>();
    if (!b) return Bad(key, "must be true or false");
    return *b;
  }

  // "2025-03-04", or "+60 days" / "-30 days" from `today`.
  Result<Date> DateOf(std::string_view key, Date today) const {
    auto s = Text(key, true);
    if (!s) return s.error();
    std::string_view v = *s;
    if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
      int n = 0;
      auto [end, ec] = std::from_chars(v.data() + 1, v.data() + v.size(), n);
      std::string_view rest(end, static_cast<size_t>(v.data() + v.size() - end));
      if (ec != std::errc() || (rest != " days" && rest != " day")) {
        return Bad(key, fmt::format("'{}' is not a date: write 2025-03-04, or +60 days / -30 days from the load date", v));
      }
      return Date(std::chrono::year_month_day(today.days() + std::chrono::days(v[0] == '-' ? -n : n)));
    }
    auto d = Date::ParseIso(v);
    if (!d) return Bad(key, fmt::format("'{}' is not a date: write 2025-03-04, or +60 days / -30 days from the load date", v));
    return *d;
  }

  Result<Part> PartOf(std::string_view key) const {
    const toml::node* n = t_.get(key);
    if (!n) return Part::kPart1;
    auto p = n->value<std::int64_t>();
    if (!p || (*p != 1 && *p != 2)) return Bad(key, "must be 1 or 2");
    return *p == 2 ? Part::kPart2 : Part::kPart1;
  }

  // An array of tables (`[[key]]`), each with its own path "key[i]".
  Result<std::vector<Table>> Tables(std::string_view key) const {
    std::vector<Table> out;
    const toml::node* n = t_.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) return Bad(key, "must be a list of tables ([[" + Key(key) + "]])");
    for (size_t i = 0; i < a->size(); ++i) {
      const toml::table* t = (*a)[i].as_table();
      std::string where = fmt::format("{}[{}]", Key(key), i);
      if (!t) return Fail(ErrorCode::kInvalidInput, "must be a table", file_ + ": " + where);
      out.emplace_back(*t, file_, where);
    }
    return out;
  }

  Result<std::optional<Table>> Sub(std::string_view key) const {
    const toml::node* n = t_.get(key);
    if (!n) return std::optional<Table>();
    const toml::table* t = n->as_table();
    if (!t) return Bad(key, "must be a table ([" + Key(key) + "])");
    return std::optional<Table>(Table(*t, file_, Key(key)));
  }

  // key = "text" pairs of a table, in file order: section texts by key.
  Result<std::vector<decisions::Section>> Texts(std::string_view key) const {
    std::vector<decisions::Section> out;
    auto sub = Sub(key);
    if (!sub) return sub.error();
    if (!*sub) return out;
    for (const auto& [k, v] : (*sub)->t_) {
      auto s = v.value<std::string>();
      if (!s) return (*sub)->Bad(k.str(), "must be a text in quotes");
      out.push_back({std::string(k.str()), "", Part::kPart1, *s});
    }
    return out;
  }

  Result<std::vector<std::string>> Strings(std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = t_.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) return Bad(key, "must be a list of texts");
    for (const auto& e : *a) {
      auto s = e.value<std::string>();
      if (!s) return Bad(key, "must be a list of texts");
      out.push_back(*s);
    }
    return out;
  }

  // by = "username", on = date; `on` no later than today and not before `after`.
  Result<DemoAct> Act(Date today, std::optional<Date>& after, std::string_view by_key = "by",
                      std::string_view on_key = "on") const {
    DemoAct act;
    auto by = Text(by_key, true);
    if (!by) return by.error();
    auto on = DateOf(on_key, today);
    if (!on) return on.error();
    if (*on > today) return Bad(on_key, fmt::format("{} is after the load date {}: an act cannot be in the future",
                                                    on->ToIso(), today.ToIso()));
    if (after && *on < *after) {
      return Bad(on_key, fmt::format("{} is before the act it follows ({})", on->ToIso(), after->ToIso()));
    }
    after = *on;
    act.by = *by;
    act.on = *on;
    act.key = path_;
    act.by_key = Key(by_key);
    return act;
  }

  const std::string& path() const { return path_; }

 private:
  const toml::table& t_;
  std::string file_;
  std::string path_;
};

Result<DemoSignature> SignatureOf(const Table& t, Date today, std::optional<Date>& after, bool submission) {
  if (auto r = t.OnlyKeys({"by", "on", "step", "capacity", "advice"}); !r) return r.error();
  DemoSignature s;
  auto act = t.Act(today, after);
  if (!act) return act.error();
  s.act = std::move(*act);
  auto step = t.Text("step", !submission);
  auto capacity = t.Text("capacity", false);
  auto advice = t.Text("advice", false);
  if (!step) return step.error();
  if (!capacity) return capacity.error();
  if (!advice) return advice.error();
  s.step = *step;
  s.capacity = *capacity;
  s.advice = *advice;
  return s;
}

Result<DemoDecide> DecideOf(const Table& t, Date today, std::optional<Date>& after) {
  if (auto r = t.OnlyKeys({"by", "on", "step", "capacity", "outcome", "reasons", "interests"}); !r) return r.error();
  DemoDecide d;
  auto act = t.Act(today, after);
  if (!act) return act.error();
  d.act = std::move(*act);
  auto step = t.Text("step", true);
  auto capacity = t.Text("capacity", false);
  auto outcome = t.Text("outcome", true);
  auto reasons = t.Text("reasons", true);
  auto interests = t.Text("interests", false);
  for (const auto* r : {&step, &capacity, &outcome, &reasons, &interests}) {
    if (!*r) return r->error();
  }
  auto o = decisions::ParseOutcome(*outcome);
  if (!o || *o == decisions::Outcome::kUnknown) return t.Bad("outcome", "must be \"approved\" or \"not_approved\"");
  d.step = *step;
  d.capacity = *capacity;
  d.outcome = *o;
  d.reasons = *reasons;
  d.interests = *interests;
  return d;
}

Result<void> ReadPlan(const Table& p, Date today, std::optional<Date>& after, DemoDecisionFile& out) {
  if (auto r = p.OnlyKeys({"plan", "by", "on", "reason", "until", "ground", "withheld_what", "review_date",
                           "redaction", "event"});
      !r) {
    return r.error();
  }
  auto kind = p.Text("plan", true);
  if (!kind) return kind.error();
  auto k = decisions::ParsePlanKind(*kind);
  if (!k || *k == decisions::PlanKind::kNone) return p.Bad("plan", "must be \"publish\", \"defer\" or \"withhold\"");
  auto act = p.Act(today, after);
  if (!act) return act.error();
  out.plan_set = std::move(*act);
  publication::PlanInput in;
  in.kind = *k;
  auto reason = p.Text("reason", *k == decisions::PlanKind::kDefer);
  auto ground = p.Text("ground", *k == decisions::PlanKind::kWithhold);
  auto what = p.Text("withheld_what", *k == decisions::PlanKind::kWithhold);
  for (const auto* r : {&reason, &ground, &what}) {
    if (!*r) return r->error();
  }
  in.reason = *reason;
  in.ground = *ground;
  in.withheld_what = *what;
  if (*k == decisions::PlanKind::kDefer) {
    auto until = p.DateOf("until", today);
    if (!until) return until.error();
    in.until = *until;
  }
  if (*k == decisions::PlanKind::kWithhold) {
    auto review = p.DateOf("review_date", today);
    if (!review) return review.error();
    in.review_date = *review;
  }
  out.plan = std::move(in);

  auto redactions = p.Tables("redaction");
  if (!redactions) return redactions.error();
  for (const auto& t : *redactions) {
    if (auto r = t.OnlyKeys({"section", "text", "attachment", "reason", "ground", "proposed_by", "proposed_on",
                             "signed_off_by", "signed_off_on"});
        !r) {
      return r.error();
    }
    DemoRedaction red;
    auto section = t.Text("section", false);
    auto text = t.Text("text", false);
    auto attachment = t.Text("attachment", false);
    auto why = t.Text("reason", true);
    auto g = t.Text("ground", true);
    for (const auto* r : {&section, &text, &attachment, &why, &g}) {
      if (!*r) return r->error();
    }
    if (section->empty() == attachment->empty()) {
      return t.Bad("section", "name either a section (with text for a span) or an attachment by name");
    }
    auto& prop = red.proposal;
    if (!attachment->empty()) {
      prop.target = decisions::RedactionTarget::kAttachment;
      prop.attachment_sha256 = *attachment;  // the attachment's name until it is stored
    } else {
      prop.target = text->empty() ? decisions::RedactionTarget::kSection : decisions::RedactionTarget::kSpan;
      prop.section_key = *section;
      prop.text = *text;
    }
    prop.reason = *why;
    prop.ground = *g;
    auto proposed = t.Act(today, after, "proposed_by", "proposed_on");
    if (!proposed) return proposed.error();
    red.proposed = std::move(*proposed);
    if (t.Has("signed_off_by") || t.Has("signed_off_on")) {
      auto s = t.Act(today, after, "signed_off_by", "signed_off_on");
      if (!s) return s.error();
      red.signed_off = std::move(*s);
    }
    out.redactions.push_back(std::move(red));
  }

  auto events = p.Tables("event");
  if (!events) return events.error();
  for (const auto& t : *events) {
    if (auto r = t.OnlyKeys({"action", "by", "on", "note", "title", "sections"}); !r) return r.error();
    DemoEvent e;
    auto action = t.Text("action", true);
    if (!action) return action.error();
    if (*action != "publish" && *action != "correct" && *action != "withdraw") {
      return t.Bad("action", "must be \"publish\", \"correct\" or \"withdraw\"");
    }
    e.action = *action;
    auto event_act = t.Act(today, after);
    if (!event_act) return event_act.error();
    e.act = std::move(*event_act);
    auto note = t.Text("note", e.action != "publish");
    auto title = t.Text("title", false);
    if (!note) return note.error();
    if (!title) return title.error();
    auto sections = t.Texts("sections");
    if (!sections) return sections.error();
    if (e.action != "correct" && (!title->empty() || !sections->empty())) {
      return t.Bad("sections", "only a correction changes the title or sections");
    }
    e.note = *note;
    e.title = *title;
    e.sections = std::move(*sections);
    out.events.push_back(std::move(e));
  }
  return Ok();
}

}  // namespace

std::vector<const DemoAct*> DemoDecisionFile::Acts() const {
  std::vector<const DemoAct*> out = {&drafted, &submitted.act};
  for (const auto& s : signatures) out.push_back(&s.act);
  for (const auto& d : decides) out.push_back(&d.act);
  if (plan) out.push_back(&plan_set);
  for (const auto& r : redactions) {
    out.push_back(&r.proposed);
    if (r.signed_off) out.push_back(&*r.signed_off);
  }
  for (const auto& e : events) out.push_back(&e.act);
  return out;
}

Result<DemoDecisionFile> ParseDemoDecisionFile(std::string_view text, const std::string& file, Date today) {
  auto parsed = ParseToml(text, file);
  if (!parsed) return parsed.error();
  Table root(*parsed, file, "");
  if (auto r = root.OnlyKeys({"body", "title", "category", "amount_pounds", "author", "drafted", "sections",
                              "fields", "background_paper", "persons_consulted", "attachment", "part2_reason",
                              "submit", "sign", "decide", "publication"});
      !r) {
    return r.error();
  }
  DemoDecisionFile out;
  out.file = file;
  auto body = root.Text("body", true);
  auto title = root.Text("title", true);
  auto category = root.Text("category", false);
  auto part2_reason = root.Text("part2_reason", false);
  for (const auto* r : {&body, &title, &category, &part2_reason}) {
    if (!*r) return r->error();
  }
  out.body = *body;
  out.title = *title;
  out.category = *category;
  if (const toml::node* n = (*parsed).get("amount_pounds")) {
    auto a = n->value<std::int64_t>();
    if (!a || *a < 0) return root.Bad("amount_pounds", "must be a whole number of pounds, 0 or more");
    out.amount_pence = *a * 100;
  }
  std::optional<Date> after;
  auto drafted = root.Act(today, after, "author", "drafted");
  if (!drafted) return drafted.error();
  out.drafted = std::move(*drafted);

  auto sections = root.Texts("sections");
  if (!sections) return sections.error();
  if (sections->empty()) return root.Bad("sections", "missing: the [sections] table, text by the form's section key");
  out.sections = std::move(*sections);
  auto fields = root.Texts("fields");
  if (!fields) return fields.error();
  for (auto& f : *fields) out.fields.push_back({f.key, f.text});
  auto consulted = root.Strings("persons_consulted");
  if (!consulted) return consulted.error();
  out.persons_consulted = std::move(*consulted);

  auto papers = root.Tables("background_paper");
  if (!papers) return papers.error();
  for (const auto& t : *papers) {
    if (auto r = t.OnlyKeys({"title", "part"}); !r) return r.error();
    auto pt = t.Text("title", true);
    auto part = t.PartOf("part");
    if (!pt) return pt.error();
    if (!part) return part.error();
    out.background_papers.push_back({*pt, *part});
  }
  auto attachments = root.Tables("attachment");
  if (!attachments) return attachments.error();
  for (const auto& t : *attachments) {
    if (auto r = t.OnlyKeys({"name", "media_type", "part", "text"}); !r) return r.error();
    DemoAttachment a;
    auto name = t.Text("name", true);
    auto media = t.Text("media_type", false);
    auto part = t.PartOf("part");
    auto content = t.Text("text", true);
    if (!name) return name.error();
    if (!media) return media.error();
    if (!part) return part.error();
    if (!content) return content.error();
    a.name = *name;
    a.media_type = media->empty() ? "text/plain" : *media;
    a.part = *part;
    a.text = *content;
    out.attachments.push_back(std::move(a));
  }
  bool part2 = std::any_of(out.background_papers.begin(), out.background_papers.end(),
                           [](const auto& p) { return p.part == Part::kPart2; }) ||
               std::any_of(out.attachments.begin(), out.attachments.end(),
                           [](const auto& a) { return a.part == Part::kPart2; });
  if (!part2_reason->empty()) {
    out.answers.part2_exists = true;
    out.answers.part2_reason = *part2_reason;
  } else if (part2) {
    out.answers.part2_exists = true;
  }

  auto submit = root.Sub("submit");
  if (!submit) return submit.error();
  if (!*submit) return root.Bad("submit", "missing: [submit] with by and on (the author's submission)");
  auto submitted = SignatureOf(**submit, today, after, true);
  if (!submitted) return submitted.error();
  out.submitted = std::move(*submitted);
  auto signs = root.Tables("sign");
  if (!signs) return signs.error();
  for (const auto& t : *signs) {
    auto s = SignatureOf(t, today, after, false);
    if (!s) return s.error();
    out.signatures.push_back(std::move(*s));
  }
  auto decides = root.Tables("decide");
  if (!decides) return decides.error();
  if (decides->empty()) return root.Bad("decide", "missing: at least one [[decide]] (the decision maker's block)");
  for (const auto& t : *decides) {
    auto d = DecideOf(t, today, after);
    if (!d) return d.error();
    out.decides.push_back(std::move(*d));
  }
  auto pub = root.Sub("publication");
  if (!pub) return pub.error();
  if (*pub) {
    if (auto r = ReadPlan(**pub, today, after, out); !r) return r.error();
  }
  return out;
}

}  // namespace assent::services
