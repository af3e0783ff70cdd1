#include "publication/calendar_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace assent::publication {
namespace {

using json = nlohmann::json;

bool IsDivision(std::string_view name) {
  return std::find(kDivisions.begin(), kDivisions.end(), name) != kDivisions.end();
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error ..."; keep the part after the position, which we report ourselves.
std::string ParseErrorDetail(const json::parse_error& e) {
  std::string_view what = e.what();
  auto column = what.find("column ");
  auto colon = column == std::string_view::npos ? what.find(": ") : what.find(": ", column);
  if (colon == std::string_view::npos) return std::string(what);
  return std::string(what.substr(colon + 2));
}

class Reader {
 public:
  explicit Reader(std::string_view where) : where_(where) {}

  Error Bad(const std::string& key, const std::string& message) const {
    return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: {}", key, message), where_);
  }

  Result<std::map<Date, BankHoliday>> Division(const json& value, const std::string& key,
                                               std::string_view expected) const {
    if (!value.is_object()) return Bad(key, "must be an object with division and events");
    auto division = value.find("division");
    if (division == value.end() || !division->is_string()) {
      return Bad(key + ".division", "missing (expected the division's name)");
    }
    const auto& name = division->get_ref<const std::string&>();
    if (!IsDivision(name)) return Bad(key + ".division", NotADivision(name));
    if (!expected.empty() && name != expected) {
      return Bad(key + ".division", fmt::format("'{}' does not match the key '{}'", name, expected));
    }
    auto events = value.find("events");
    if (events == value.end() || !events->is_array()) {
      return Bad(key + ".events", "missing (expected a list of bank holidays)");
    }
    if (events->empty()) return Bad(key + ".events", "is empty");
    std::map<Date, BankHoliday> days;
    for (size_t i = 0; i < events->size(); ++i) {
      std::string at = fmt::format("{}.events[{}]", key, i);
      auto day = Event((*events)[i], at);
      if (!day) return day.error();
      if (!days.emplace(day->date, *day).second) {
        return Bad(at + ".date", fmt::format("{} is listed twice", day->date.ToIso()));
      }
    }
    return days;
  }

  static std::string NotADivision(const std::string& name) {
    return fmt::format("'{}' is not a GOV.UK division ({})", name, fmt::join(kDivisions, ", "));
  }

 private:
  Result<BankHoliday> Event(const json& e, const std::string& at) const {
    if (!e.is_object()) return Bad(at, "must be an object with title, date, notes and bunting");
    BankHoliday h;
    auto title = e.find("title");
    if (title == e.end() || !title->is_string() || title->get_ref<const std::string&>().empty()) {
      return Bad(at + ".title", "missing or empty");
    }
    h.title = title->get<std::string>();
    auto date = e.find("date");
    if (date == e.end() || !date->is_string()) return Bad(at + ".date", "missing (expected YYYY-MM-DD)");
    auto parsed = Date::ParseIso(date->get_ref<const std::string&>());
    if (!parsed) return Bad(at + ".date", parsed.error().message);
    h.date = *parsed;
    if (auto notes = e.find("notes"); notes != e.end()) {
      if (!notes->is_string()) return Bad(at + ".notes", "must be a string");
      h.notes = notes->get<std::string>();
    }
    if (auto bunting = e.find("bunting"); bunting != e.end()) {
      if (!bunting->is_boolean()) return Bad(at + ".bunting", "must be true or false");
      h.bunting = bunting->get<bool>();
    }
    return h;
  }

  std::string where_;
};

std::string Lower(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

const char* KindName(CalendarChange::Kind kind) {
  switch (kind) {
    case CalendarChange::Kind::kAdded:
      return "added";
    case CalendarChange::Kind::kChanged:
      return "changed";
    case CalendarChange::Kind::kRemoved:
      return "removed";
  }
  return "?";
}

}  // namespace

std::string DescribeHoliday(const BankHoliday& holiday) {
  if (holiday.notes.empty()) return holiday.title;
  return holiday.title + ", " + Lower(holiday.notes);
}

const BankHoliday* Calendar::Find(std::string_view division, Date date) const {
  auto d = divisions.find(division);
  if (d == divisions.end()) return nullptr;
  auto h = d->second.find(date);
  return h == d->second.end() ? nullptr : &h->second;
}

Result<Calendar> ParseGovUkCalendar(std::string_view json_text, std::string_view where) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based offset of the character that failed.
    size_t end = std::min(e.byte == 0 ? 0 : e.byte - 1, json_text.size());
    auto before = json_text.substr(0, end);
    size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
    auto last_newline = before.rfind('\n');
    size_t column = last_newline == std::string_view::npos ? end + 1 : end - last_newline;
    return Fail(ErrorCode::kInvalidInput, fmt::format("not valid JSON ({})", ParseErrorDetail(e)),
                fmt::format("{} line {} column {}", where, line, column));
  }
  Reader reader(where);
  if (!root.is_object()) {
    return Fail(ErrorCode::kInvalidInput,
                "expected an object keyed by division, as https://www.gov.uk/bank-holidays.json",
                std::string(where));
  }
  Calendar calendar;
  if (root.contains("events")) {  // a per-division file
    auto days = reader.Division(root, "(top level)", "");
    if (!days) return days.error();
    calendar.divisions[root["division"].get<std::string>()] = std::move(*days);
    return calendar;
  }
  if (root.empty()) return reader.Bad("(top level)", "no divisions");
  for (const auto& [key, value] : root.items()) {
    if (!IsDivision(key)) return reader.Bad(key, Reader::NotADivision(key));
    auto days = reader.Division(value, key, key);
    if (!days) return days.error();
    calendar.divisions[key] = std::move(*days);
  }
  return calendar;
}

std::string ToGovUkJson(const Calendar& calendar) {
  std::string out = "{\n";
  bool first_division = true;
  // GOV.UK's division order, then any others in name order.
  std::vector<std::string> order(kDivisions.begin(), kDivisions.end());
  for (const auto& [name, days] : calendar.divisions) {
    if (!IsDivision(name)) order.push_back(name);
  }
  for (const auto& name : order) {
    auto d = calendar.divisions.find(name);
    if (d == calendar.divisions.end()) continue;
    if (!first_division) out += ",\n";
    first_division = false;
    out += fmt::format("  {}:{{\"division\":{},\"events\":[\n", json(name).dump(), json(name).dump());
    bool first_event = true;
    for (const auto& [date, h] : d->second) {
      if (!first_event) out += ",\n";
      first_event = false;
      nlohmann::ordered_json e;
      e["title"] = h.title;
      e["date"] = date.ToIso();
      e["notes"] = h.notes;
      e["bunting"] = h.bunting;
      out += "    " + e.dump();
    }
    out += "\n  ]}";
  }
  out += "\n}\n";
  return out;
}

std::string CalendarChange::ToString() const {
  switch (kind) {
    case Kind::kAdded:
      return fmt::format("added {} {} {}", division, date.ToIso(), after);
    case Kind::kChanged:
      return fmt::format("changed {} {} '{}' -> '{}'", division, date.ToIso(), before, after);
    case Kind::kRemoved:
      return fmt::format("removed {} {} {}", division, date.ToIso(), before);
  }
  return KindName(kind);
}

std::vector<CalendarChange> MergeCalendar(Calendar& base, const Calendar& newer) {
  std::vector<CalendarChange> changes;
  for (const auto& [name, new_days] : newer.divisions) {
    auto& old_days = base.divisions[name];
    std::set<int> years;
    for (const auto& [date, h] : new_days) years.insert(date.year());
    // One walk over both maps in date order, restricted to the years the newer file covers.
    std::map<Date, BankHoliday> merged;
    for (const auto& [date, h] : old_days) {
      if (!years.count(date.year())) {
        merged.emplace(date, h);
      } else if (!new_days.count(date)) {
        changes.push_back({CalendarChange::Kind::kRemoved, name, date, DescribeHoliday(h), ""});
      }
    }
    for (const auto& [date, h] : new_days) {
      auto old = old_days.find(date);
      if (old == old_days.end()) {
        changes.push_back({CalendarChange::Kind::kAdded, name, date, "", DescribeHoliday(h)});
      } else if (!(old->second == h)) {
        changes.push_back(
            {CalendarChange::Kind::kChanged, name, date, DescribeHoliday(old->second), DescribeHoliday(h)});
      }
      merged.emplace(date, h);
    }
    old_days = std::move(merged);
  }
  std::sort(changes.begin(), changes.end(), [](const CalendarChange& a, const CalendarChange& b) {
    return std::tie(a.division, a.date) < std::tie(b.division, b.date);
  });
  return changes;
}

}  // namespace assent::publication
