#include "web/staff_forms.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/text.hpp"

namespace assent::web {
namespace {

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  for (auto line : SplitLines(text)) {
    auto t = Trim(line);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

constexpr std::string_view kFieldPrefix = "field.";
constexpr std::string_view kSectionPrefix = "section.";
constexpr std::string_view kAnswerPrefix = "answer.";

bool IsDateQuestion(const decisions::Form& form, std::string_view key) {
  for (const auto* list : {&form.publication, &form.media}) {
    for (const auto& q : *list) {
      if (q.key == key) return q.type == decisions::FieldType::kDate;
    }
  }
  return false;
}

}  // namespace

std::optional<std::int64_t> ParseId(std::string_view text) {
  if (!AllDigits(text) || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

Result<std::optional<std::int64_t>> ParsePounds(std::string_view text) {
  std::string s;
  for (char c : Trim(text)) {
    if (c == ',' || c == ' ') continue;
    s.push_back(c);
  }
  std::string_view v = s;
  if (v.substr(0, 2) == "\xC2\xA3") v.remove_prefix(2);  // £
  if (v.empty()) return std::optional<std::int64_t>();
  const auto bad = [] {
    return Fail(ErrorCode::kInvalidInput, "Enter the amount in pounds, for example 25,000 or 1250.50",
                "amount");
  };
  size_t dot = v.find('.');
  std::string_view whole = v.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
  if (!AllDigits(whole) || whole.size() > 13) return bad();
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > 2 || !AllDigits(frac))) return bad();
  std::int64_t pounds = *ParseId(whole);
  std::int64_t pence = 0;
  if (!frac.empty()) pence = *ParseId(frac) * (frac.size() == 1 ? 10 : 1);
  return std::optional<std::int64_t>(pounds * 100 + pence);
}

std::string PoundsInput(std::optional<std::int64_t> pence) {
  if (!pence) return {};
  if (*pence % 100 == 0) return std::to_string(*pence / 100);
  return fmt::format("{}.{:02}", *pence / 100, *pence % 100);
}

Result<Date> ParseUserDate(std::string_view text) {
  text = Trim(text);
  if (auto iso = Date::ParseIso(text)) return *iso;
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/' || text[i] == '-' || text[i] == '.') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() == 3 && AllDigits(parts[0]) && AllDigits(parts[1]) && AllDigits(parts[2]) &&
      parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4) {
    auto d = Date::FromYmd(static_cast<int>(*ParseId(parts[2])), static_cast<unsigned>(*ParseId(parts[1])),
                           static_cast<unsigned>(*ParseId(parts[0])));
    if (d) return *d;
  }
  return Fail(ErrorCode::kInvalidInput, "Enter a real date, for example 27/3/2026");
}

std::string DateInput(std::string_view iso) {
  auto d = Date::ParseIso(iso);
  if (!d) return std::string(iso);
  return fmt::format("{}/{}/{}", d->day(), d->month(), d->year());
}

render::EditForm EditFormFrom(const decisions::Decision& d, const decisions::Form& form) {
  render::EditForm f;
  f.version = d.version;
  f.title = d.title;
  f.category = d.category;
  f.amount = PoundsInput(d.amount_pence);
  for (const auto& s : d.sections) f.sections[s.key] = s.text;
  for (const auto& field : form.fields) {
    std::string value(d.Field(field.key));
    f.fields[field.key] = field.type == decisions::FieldType::kDate ? DateInput(value) : value;
  }
  f.consultees = JoinLines(d.persons_consulted);
  std::vector<std::string> boards;
  for (const auto& b : d.boards) {
    boards.push_back(b.date ? b.name + " | " + DateInput(b.date->ToIso()) : b.name);
  }
  f.boards = JoinLines(boards);
  std::vector<std::string> p1, p2;
  for (const auto& p : d.background_papers) (p.part == decisions::Part::kPart2 ? p2 : p1).push_back(p.title);
  f.papers_part1 = JoinLines(p1);
  f.papers_part2 = JoinLines(p2);
  for (const auto* list : {&form.publication, &form.media}) {
    for (const auto& q : *list) {
      std::string value = render::AnswerValue(d.publication, d.media, q.key);
      f.answers[q.key] = q.type == decisions::FieldType::kDate ? DateInput(value) : value;
    }
  }
  f.answers[std::string(render::kPart2ReasonKey)] = d.publication.part2_reason;
  f.attachments = d.attachments;
  return f;
}

render::EditForm EditFormFrom(const FormData& posted, const decisions::Form& form,
                              const decisions::Decision& current) {
  // What the post does not name stays as stored; what it names is taken as typed.
  render::EditForm f = EditFormFrom(current, form);
  f.version = ParseId(posted.Get("version")).value_or(-1);
  const auto take = [&](std::string_view name, std::string& into) {
    if (posted.Has(name)) into = std::string(posted.Get(name));
  };
  take("title", f.title);
  take("category", f.category);
  take("amount", f.amount);
  take("consultees", f.consultees);
  take("boards", f.boards);
  take("papers_part1", f.papers_part1);
  take("papers_part2", f.papers_part2);
  for (const auto& [name, value] : posted.fields) {
    std::string_view n = name;
    if (n.substr(0, kSectionPrefix.size()) == kSectionPrefix) {
      f.sections[std::string(n.substr(kSectionPrefix.size()))] = value;
    } else if (n.substr(0, kFieldPrefix.size()) == kFieldPrefix) {
      f.fields[std::string(n.substr(kFieldPrefix.size()))] = value;
    } else if (n.substr(0, kAnswerPrefix.size()) == kAnswerPrefix) {
      f.answers[std::string(n.substr(kAnswerPrefix.size()))] = value;
    }
  }
  for (auto sha : posted.All("remove_attachment")) f.remove_attachments.emplace_back(sha);
  return f;
}

ParsedEdit ToDraftEdit(const render::EditForm& f, const decisions::Form& form,
                       const decisions::Decision& current) {
  ParsedEdit out;
  auto& e = out.edit;
  e.title = std::string(Trim(f.title));
  e.category = std::string(Trim(f.category));
  if (auto amount = ParsePounds(f.amount)) {
    e.amount_pence = *amount;
  } else {
    out.errors.push_back({"amount", amount.error().message});
  }
  for (const auto& s : form.sections) {
    auto it = f.sections.find(s.key);
    e.sections.push_back({s.key, s.heading, s.part, it == f.sections.end() ? "" : it->second});
  }
  for (const auto& field : form.fields) {
    auto it = f.fields.find(field.key);
    std::string value(it == f.fields.end() ? "" : Trim(it->second));
    if (field.type == decisions::FieldType::kDate && !value.empty()) {
      if (auto d = ParseUserDate(value)) {
        value = d->ToIso();
      } else {
        out.errors.push_back({"field-" + field.key, field.label + ": " + d.error().message});
        continue;
      }
    }
    e.fields.push_back({field.key, value});
  }
  int line_number = 0;
  for (const auto& line : Lines(f.boards)) {
    ++line_number;
    // "name | date": the date after the last bar, optional.
    size_t bar = line.rfind('|');
    decisions::GovernanceBoard board{std::string(Trim(line.substr(0, bar))), std::nullopt};
    if (bar != std::string::npos) {
      std::string_view when = Trim(std::string_view(line).substr(bar + 1));
      if (!when.empty()) {
        if (auto d = ParseUserDate(when)) {
          board.date = *d;
        } else {
          out.errors.push_back({"boards", fmt::format("Governance boards, line {}: {}", line_number,
                                                      d.error().message)});
          continue;
        }
      }
    }
    if (board.name.empty()) {
      out.errors.push_back({"boards", fmt::format("Governance boards, line {}: enter the board's name "
                                                  "before the date",
                                                  line_number)});
      continue;
    }
    e.boards.push_back(std::move(board));
  }
  for (auto& line : Lines(f.papers_part1)) e.background_papers.push_back({line, decisions::Part::kPart1});
  for (auto& line : Lines(f.papers_part2)) e.background_papers.push_back({line, decisions::Part::kPart2});
  e.persons_consulted = Lines(f.consultees);
  for (const auto& a : f.attachments) {
    bool removed = false;
    for (const auto& r : f.remove_attachments) removed = removed || r == a.sha256;
    if (!removed) e.attachments.push_back(a);
  }
  e.publication = current.publication;
  e.media = current.media;
  std::vector<std::string> keys;
  for (const auto* list : {&form.publication, &form.media}) {
    for (const auto& q : *list) keys.push_back(q.key);
  }
  if (f.answers.count(render::kPart2ReasonKey)) keys.emplace_back(render::kPart2ReasonKey);
  for (const auto& key : keys) {
    auto it = f.answers.find(key);
    std::string value = it == f.answers.end() ? "" : std::string(Trim(it->second));
    bool media = false;
    for (const auto& q : form.media) media = media || q.key == key;
    std::string id = std::string(media ? "media-" : "publication-") + key;
    if (IsDateQuestion(form, key) && !value.empty()) {
      auto d = ParseUserDate(value);
      if (!d) {
        out.errors.push_back({id, d.error().message});
        continue;
      }
      value = d->ToIso();
    }
    if (auto set = render::SetAnswer(e.publication, e.media, key, value); !set) {
      out.errors.push_back({id, set.error().message});
    }
  }
  return out;
}

}  // namespace assent::web
