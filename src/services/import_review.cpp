#include "services/import_review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.hpp"
#include "import/label_json.hpp"
#include "import/register_reader.hpp"

namespace assent::services {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kKeyFields[] = {"body", "reference", "title", "decision_maker_role", "outcome",
                                           "decision_date"};
constexpr std::string_view kHeaderFields[] = {"classification", "report_by", "report_date", "enquiries_to"};
constexpr std::string_view kReviewRoles[] = {"governance_officer", "chief_executive", "monitoring_officer",
                                             "administrator"};

constexpr std::string_view kNotFound = "there is no such import item, or it belongs to a body you do not review";

bool IsKeyField(std::string_view key) {
  return std::find(std::begin(kKeyFields), std::end(kKeyFields), key) != std::end(kKeyFields);
}

Error NotFound(std::int64_t id) { return Fail(ErrorCode::kNotFound, std::string(kNotFound), fmt::format("import item {}", id)); }

bool MaySee(const Reviewer& r, std::string_view body) { return !r.actor || MayReviewImports(*r.actor, body); }

// The confidence of a label key from the reader's notes (-1 when the reader made none).
double NoteConfidence(const import::ImportedRecord& record, std::string_view key) {
  double found = -1;
  for (const auto& n : record.notes) {
    std::string k = n.field == "form" ? "body" : import::LabelKey(n.field);
    if (k == key) found = n.confidence;
  }
  return found;
}

bool KeyValueKnown(const decisions::Decision& d, std::string_view key) {
  if (key == "body") return !d.body.empty();
  if (key == "reference") return !d.reference.empty();
  if (key == "title") return !d.title.empty();
  if (key == "decision_maker_role") return d.decision_maker_role.has_value();
  if (key == "outcome") return d.outcome != decisions::Outcome::kUnknown;
  if (key == "decision_date") return d.decision_date.has_value();
  return false;
}

std::string Display(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "Yes" : "No";
  if (v.is_number()) return v.dump();
  return "";
}

std::string Shorten(std::string text) {
  constexpr size_t kMax = 160;
  for (auto& c : text) {
    if (c == '\n') c = ' ';
  }
  if (text.size() <= kMax) return text;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return text.substr(0, cut) + "…";
}

// The value a reader's field name stands for in the record JSON, for display.
std::string ValueOf(const Json& j, std::string_view field) {
  std::string key = field == "form" ? "body" : import::LabelKey(field);
  if (j.contains(key) && !j[key].is_array() && !j[key].is_object()) return Display(j[key]);
  auto dot = field.find('.');
  std::string head(field.substr(0, dot == std::string_view::npos ? field.size() : dot));
  std::string tail(dot == std::string_view::npos ? "" : field.substr(dot + 1));
  if (head == "fields" && j.contains("fields") && j["fields"].contains(tail)) return Display(j["fields"][tail]);
  if ((head == "publication" || head == "media") && j.contains(head) && j[head].contains(tail)) {
    return Display(j[head][tail]);
  }
  if (head == "sections" && j.contains("sections")) {
    for (const auto& s : j["sections"]) {
      if (s.value("key", "") == tail) return Shorten(s.value("text", ""));
    }
  }
  if (head.rfind("signoffs[", 0) == 0 && j.contains("signoffs")) {
    std::string step = head.substr(9, head.size() - 10);
    for (const auto& s : j["signoffs"]) {
      if (s.value("step", "") == step && s.contains(tail)) return Display(s[tail]);
    }
  }
  return "";
}

std::string LabelOf(std::string_view field) {
  static const std::map<std::string, std::string, std::less<>> kLabels = {
      {"body", "Body"},
      {"reference", "Reference"},
      {"title", "Title"},
      {"decision_maker_role", "Decision maker"},
      {"outcome", "Outcome"},
      {"decision_date", "Decision date"},
  };
  std::string key = field == "form" ? "body" : import::LabelKey(field);
  if (auto it = kLabels.find(key); it != kLabels.end()) return it->second;
  std::string out(field);
  for (auto& c : out) {
    if (c == '_' || c == '.') c = ' ';
  }
  return out;
}

int TextLine(const storage::ImportReview& item, int page, int line) {
  if (page <= 0 || line <= 0 || static_cast<size_t>(page) > item.page_first_line.size()) return 0;
  return item.page_first_line[static_cast<size_t>(page - 1)] + line - 1;
}

ReviewField FieldFrom(const storage::ImportReview& item, const Json& j, const Json& note) {
  ReviewField f;
  std::string field = note.value("field", "");
  f.key = field == "form" ? "body" : import::LabelKey(field);
  f.label = LabelOf(field);
  f.value = ValueOf(j, field);
  f.confidence = note.value("confidence", 0.0);
  f.note = note.value("note", "");
  if (j.contains("provenance") && j["provenance"].contains(f.key) && j["provenance"][f.key].is_object()) {
    f.page = j["provenance"][f.key].value("page", 0);
    f.line = j["provenance"][f.key].value("line", 0);
  }
  f.text_line = TextLine(item, f.page, f.line);
  f.unknown = f.value.empty() || f.confidence <= 0;
  f.low = !f.unknown && f.confidence < kLowConfidence;
  f.key_field = IsKeyField(f.key);
  return f;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

std::span<const std::string_view> KeyFields() { return kKeyFields; }
std::span<const std::string_view> CorrectableHeaderFields() { return kHeaderFields; }

std::string RowSourceHash(std::string_view file_hash, int row) { return fmt::format("{}#row-{}", file_hash, row); }

int RowOfSourceHash(std::string_view source_hash) {
  auto at = source_hash.rfind("#row-");
  if (at == std::string_view::npos) return 0;
  int row = 0;
  for (char c : source_hash.substr(at + 5)) {
    if (c < '0' || c > '9' || row > 1000000) return 0;
    row = row * 10 + (c - '0');
  }
  return row;
}

ReviewCounts CountKeyFields(const import::ImportedRecord& record) {
  ReviewCounts c;
  for (auto key : kKeyFields) {
    double conf = NoteConfidence(record, key);
    if (!KeyValueKnown(record.decision, key) || conf == 0) {
      ++c.unknown;
    } else if (conf > 0 && conf < kLowConfidence) {
      ++c.low_confidence;
    }
  }
  return c;
}

bool IsClean(const import::ImportedRecord& record) {
  auto c = CountKeyFields(record);
  return c.unknown == 0 && c.low_confidence == 0 && record.review_reasons.empty();
}

bool MayReviewImports(const workflow::Actor& actor, std::string_view body) {
  if (body.empty()) return actor.Has("*", "administrator");
  return std::any_of(std::begin(kReviewRoles), std::end(kReviewRoles),
                     [&](std::string_view role) { return actor.Has(body, role); });
}

bool MayReviewAnyImports(const workflow::Actor& actor) {
  return std::any_of(actor.roles.begin(), actor.roles.end(), [](const accounts::RoleGrant& g) {
    return std::find(std::begin(kReviewRoles), std::end(kReviewRoles), g.role) != std::end(kReviewRoles);
  });
}

Result<std::vector<ImportQueueRow>> ListImportQueue(storage::Store& store, const Reviewer& reviewer, bool all) {
  storage::ImportReviewQuery q;
  if (!all) q.state = storage::ReviewState::kAwaiting;
  q.limit = 1000;
  auto items = store.ListImportReviews(q);
  if (!items) return items.error();
  auto bodies = store.ListBodies();
  if (!bodies) return bodies.error();
  std::vector<ImportQueueRow> out;
  for (auto& item : *items) {
    if (!MaySee(reviewer, item.body)) continue;
    ImportQueueRow row;
    row.body_name = item.body;
    for (const auto& b : *bodies) {
      if (b.slug == item.body) row.body_name = b.name;
    }
    row.item = std::move(item);
    out.push_back(std::move(row));
  }
  return out;
}

Result<ImportReviewPage> GetImportReview(storage::Store& store, std::int64_t id, const Reviewer& reviewer) {
  auto item = store.FindImportReview(id);
  if (!item) return item.error().code == ErrorCode::kNotFound ? NotFound(id) : item.error();
  if (!MaySee(reviewer, item->body)) return NotFound(id);
  ImportReviewPage page;
  page.item = std::move(*item);
  const auto& it = page.item;
  auto bodies = store.ListBodies();
  if (!bodies) return bodies.error();
  page.body_name = it.body;
  for (const auto& b : *bodies) {
    if (b.slug == it.body) page.body_name = b.name;
    if (MaySee(reviewer, b.slug)) page.bodies.push_back(b);
  }
  Json j = Json::parse(it.record_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) j = Json::object();
  std::set<std::string> seen;
  std::set<int> cited;
  for (const auto& note : j.value("notes", Json::array())) {
    auto f = FieldFrom(it, j, note);
    if (!seen.insert(f.key).second) continue;
    if (f.text_line > 0) cited.insert(f.text_line);
    (f.key_field ? page.key_fields : page.other_fields).push_back(std::move(f));
  }
  // Every key field has a row, in the order of KeyFields, read or not.
  std::vector<ReviewField> ordered;
  for (auto key : kKeyFields) {
    auto found = std::find_if(page.key_fields.begin(), page.key_fields.end(),
                              [&](const ReviewField& f) { return f.key == key; });
    if (found != page.key_fields.end()) {
      ordered.push_back(std::move(*found));
      continue;
    }
    ReviewField f;
    f.key = std::string(key);
    f.label = LabelOf(key);
    f.value = ValueOf(j, key);
    f.unknown = true;
    f.key_field = true;
    f.note = "not read";
    ordered.push_back(std::move(f));
  }
  page.key_fields = std::move(ordered);
  for (const auto& r : j.value("needs_review", Json::array())) {
    if (r.is_string()) page.needs_review.push_back(r.get<std::string>());
  }
  // The numbered source text.
  int number = 0;
  size_t page_index = 0;
  size_t start = 0;
  const std::string& text = it.source_text;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++number;
    while (page_index + 1 < it.page_first_line.size() && it.page_first_line[page_index + 1] <= number) ++page_index;
    SourceLine line;
    line.number = number;
    line.page = static_cast<int>(page_index) + 1;
    line.page_line = number - it.page_first_line[page_index] + 1;
    line.text = text.substr(start, end - start);
    line.cited = cited.count(number) > 0;
    page.lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return page;
}

ReviewCorrections CorrectionsAsRead(const import::ImportedRecord& record) {
  const auto& d = record.decision;
  ReviewCorrections c;
  c.body = d.body;
  c.reference = d.reference;
  c.title = d.title;
  c.decision_maker_role = d.decision_maker_role;
  c.outcome = d.outcome;
  c.decision_date = d.decision_date;
  return c;
}

namespace {

std::optional<bool> BoolOrNull(const Json& j, std::string_view key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

std::optional<Date> DateOrNull(const Json& j, std::string_view key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  auto d = Date::ParseIso(it->get<std::string>());
  if (!d) return std::nullopt;
  return *d;
}

}  // namespace

OtherCorrections OtherAsRead(const storage::ImportReview& item) {
  OtherCorrections o;
  Json j = Json::parse(item.record_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return o;
  Json fields = j.value("fields", Json::object());
  for (auto key : kHeaderFields) {
    std::string k(key);
    o.fields.push_back({k, fields.contains(k) && fields[k].is_string() ? fields[k].get<std::string>() : ""});
  }
  o.for_publication = BoolOrNull(j, "for_publication");
  o.part2_exists = BoolOrNull(j, "part2_exists");
  o.deferred = BoolOrNull(j, "publication_deferred");
  if (j.contains("deferral_reason") && j["deferral_reason"].is_string()) o.deferral_reason = j["deferral_reason"];
  o.deferred_until = DateOrNull(j, "deferred_until");
  o.press_release_required = BoolOrNull(j, "press_release_required");
  for (const auto& s : j.value("signoffs", Json::array())) {
    if (!s.is_object()) continue;
    SignOffCorrection c;
    c.step = s.value("step", "");
    c.label = "Sign-off " + c.step;
    if (s.contains("role") && s["role"].is_string()) c.label = s["role"].get<std::string>() + " (" + c.step + ")";
    if (s.contains("name") && s["name"].is_string()) c.name = s["name"].get<std::string>();
    c.date = DateOrNull(s, "date");
    o.signoffs.push_back(std::move(c));
  }
  return o;
}

namespace {

// The rest of the record as the reviewer corrected it.
void ApplyOther(const OtherCorrections& o, decisions::Decision& d) {
  for (const auto& [key, value] : o.fields) {
    std::string v(Trim(value));
    auto it = std::find_if(d.fields.begin(), d.fields.end(), [&](const decisions::FieldValue& f) { return f.key == key; });
    if (v.empty()) {
      if (it != d.fields.end()) d.fields.erase(it);
    } else if (it != d.fields.end()) {
      it->value = v;
    } else {
      d.fields.push_back({key, v});
    }
  }
  d.publication.for_publication = o.for_publication;
  d.publication.part2_exists = o.part2_exists;
  d.publication.deferred = o.deferred;
  d.publication.deferral_reason = std::string(Trim(o.deferral_reason));
  d.publication.deferred_until = o.deferred_until;
  d.media.press_release_required = o.press_release_required;
  for (const auto& c : o.signoffs) {
    for (auto& s : d.signoffs) {
      if (s.step != c.step) continue;
      s.name = c.name && !Trim(*c.name).empty() ? std::optional<std::string>(std::string(Trim(*c.name))) : std::nullopt;
      s.date = c.date;
    }
  }
}

// The item the reviewer may act on now, read at `version`.
Result<storage::ImportReview> Awaiting(storage::Store& store, std::int64_t id, std::int64_t version,
                                       const Reviewer& reviewer) {
  auto item = store.FindImportReview(id);
  if (!item) return item.error().code == ErrorCode::kNotFound ? NotFound(id) : item.error();
  if (!MaySee(reviewer, item->body)) return NotFound(id);
  if (item->state != storage::ReviewState::kAwaiting) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("this import has already been {}", storage::ReviewStateName(item->state)));
  }
  if (item->version != version) {
    return Fail(ErrorCode::kConflict, "someone else changed this import a moment ago; reload the page and try again");
  }
  return item;
}

std::string Changed(const decisions::Decision& read, const decisions::Decision& now) {
  std::vector<std::string> changed;
  if (read.body != now.body) changed.push_back("body");
  if (read.reference != now.reference) changed.push_back("reference");
  if (read.title != now.title) changed.push_back("title");
  if (read.decision_maker_role != now.decision_maker_role) changed.push_back("decision maker");
  if (read.outcome != now.outcome) changed.push_back("outcome");
  if (read.decision_date != now.decision_date) changed.push_back("decision date");
  for (auto key : kHeaderFields) {
    if (read.Field(key) != now.Field(key)) changed.push_back(std::string(key));
  }
  if (read.publication != now.publication) changed.push_back("publication answers");
  if (read.media != now.media) changed.push_back("media answers");
  if (read.signoffs != now.signoffs) changed.push_back("sign-offs");
  return changed.empty() ? "as read" : "corrected: " + Joined(changed);
}

}  // namespace

Result<std::int64_t> ConfirmImport(storage::Store& store, const std::vector<decisions::Form>& forms,
                                   std::int64_t id, std::int64_t version, const ReviewCorrections& corrections,
                                   const Reviewer& reviewer, Instant now) {
  auto item = Awaiting(store, id, version, reviewer);
  if (!item) return item.error();
  std::string body(Trim(corrections.body));
  if (body.empty()) return Fail(ErrorCode::kInvalidInput, "choose the body this decision belongs to", "field body");
  if (!MaySee(reviewer, body)) {
    return Fail(ErrorCode::kForbidden, fmt::format("you do not review imports for '{}'", body), "field body");
  }
  if (auto known = store.FindBody(body); !known) {
    if (known.error().code != ErrorCode::kNotFound) return known.error();
    return Fail(ErrorCode::kInvalidInput, fmt::format("there is no body '{}' in this register", body), "field body");
  }
  // The record again, from the stored text and the form it was read with.
  std::vector<decisions::Form> form;
  for (const auto& f : forms) {
    if (f.id == item->form) form.push_back(f);
  }
  if (form.empty()) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("the form '{}' this document was read with is not loaded here", item->form));
  }
  int row = RowOfSourceHash(item->source_hash);
  auto record = row > 0 ? import::ReadRegisterRow(item->source_text, item->source_name, form.front(), row)
                        : import::ReadDecisionText(item->source_text, item->source_name, form);
  if (!record) return record.error();
  decisions::Decision d = record->decision;
  const decisions::Decision as_read = d;
  d.body = body;
  d.reference = std::string(Trim(corrections.reference));
  d.title = std::string(Trim(corrections.title));
  d.decision_maker_role = corrections.decision_maker_role;
  if (d.decision_maker_role && Trim(*d.decision_maker_role).empty()) d.decision_maker_role.reset();
  d.outcome = corrections.outcome;
  d.decision_date = corrections.decision_date;
  if (corrections.other) ApplyOther(*corrections.other, d);
  d.status = decisions::Status::kPublished;
  d.source = item->source_name;
  d.source_hash = item->source_hash;
  if (d.reference.empty()) {
    return Fail(ErrorCode::kInvalidInput, "enter the decision's reference number", "field reference");
  }
  if (auto v = decisions::Validate(d); !v) return v.error();

  storage::ImportReview updated = *item;
  updated.body = d.body;
  updated.reference = d.reference;
  updated.title = d.title;
  updated.state = storage::ReviewState::kConfirmed;
  updated.reason.clear();
  updated.reviewer_id = reviewer.id;
  updated.reviewed_by = reviewer.name;
  updated.reviewed_at = now.ToIso();
  updated.inserted_decision = 0;
  storage::ChangeSet cs;
  cs.insert_decisions.push_back(d);
  cs.update_import_reviews.push_back(updated);
  audit::NewEvent e;
  e.at = now.ToIso();
  e.actor_id = reviewer.id;
  e.actor = reviewer.name;
  e.action = std::string(audit::action::kImportConfirm);
  e.detail = fmt::format("confirmed import {} ({}) as {} {}, {}", id, item->source_name, d.body, d.reference,
                         Changed(as_read, d));
  e.inserted_decision = 0;
  cs.audit.push_back(std::move(e));
  auto applied = store.Apply(cs);
  if (!applied) return applied.error();
  return applied->inserted_ids.front();
}

Result<void> RejectImport(storage::Store& store, std::int64_t id, std::int64_t version, std::string_view reason,
                          const Reviewer& reviewer, Instant now) {
  auto item = Awaiting(store, id, version, reviewer);
  if (!item) return item.error();
  std::string why(Trim(reason));
  if (why.empty()) return Fail(ErrorCode::kInvalidInput, "give the reason for rejecting this import", "field reason");
  storage::ImportReview updated = *item;
  updated.state = storage::ReviewState::kRejected;
  updated.reason = why;
  updated.reviewer_id = reviewer.id;
  updated.reviewed_by = reviewer.name;
  updated.reviewed_at = now.ToIso();
  storage::ChangeSet cs;
  cs.update_import_reviews.push_back(updated);
  audit::NewEvent e;
  e.at = now.ToIso();
  e.actor_id = reviewer.id;
  e.actor = reviewer.name;
  e.action = std::string(audit::action::kImportReject);
  e.detail = fmt::format("rejected import {} ({}): {}", id, item->source_name, why);
  cs.audit.push_back(std::move(e));
  auto applied = store.Apply(cs);
  if (!applied) return applied.error();
  return Ok();
}

Result<OriginalFile> GetOriginalFile(storage::Store& store, std::int64_t id, const Reviewer& reviewer) {
  auto item = store.FindImportReview(id);
  if (!item) return item.error().code == ErrorCode::kNotFound ? NotFound(id) : item.error();
  if (!MaySee(reviewer, item->body)) return NotFound(id);
  auto bytes = store.FindBlob(item->file_sha256);
  if (!bytes) return bytes.error();
  return OriginalFile{item->source_name, std::move(*bytes)};
}

}  // namespace assent::services
