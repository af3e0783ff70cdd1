#include "strategy/strategy_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <toml++/toml.h>

#include "core/toml_text.hpp"
#include "decisions/body.hpp"

namespace assent::strategy {
namespace {

// Reads values off TOML tables, keeping the first error ("key x: message").
struct Reader {
  std::string error;

  void Bad(const std::string& key, const std::string& message) {
    if (error.empty()) error = fmt::format("key {}: {}", key, message);
  }

  // Unknown keys are errors, so a misspelt key cannot silently drop what it holds.
  void OnlyKeys(const toml::table& t, const std::string& path,
                std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, node] : t) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        Bad(path + std::string(key.str()), "is not a known key here");
      }
    }
  }

  std::string Str(const toml::table& t, const std::string& path, std::string_view key,
                  bool required) {
    auto node = t.get(key);
    if (!node) {
      if (required) Bad(path + std::string(key), "is missing");
      return {};
    }
    if (auto s = node->value<std::string>()) {
      if (required && s->empty()) Bad(path + std::string(key), "must not be empty");
      return *s;
    }
    Bad(path + std::string(key), "must be a string");
    return {};
  }

  std::string Slug(const toml::table& t, const std::string& path, std::string_view key) {
    std::string s = Str(t, path, key, true);
    if (!s.empty() && !decisions::IsValidSlug(s)) {
      Bad(path + std::string(key),
          fmt::format("'{}' must be lower-case letters, digits and '-', as in ict-2015-2019", s));
    }
    return s;
  }

  std::vector<std::string> StrList(const toml::table& t, const std::string& path,
                                   std::string_view key) {
    std::vector<std::string> out;
    auto node = t.get(key);
    if (!node) return out;
    auto arr = node->as_array();
    if (!arr) {
      Bad(path + std::string(key), "must be a list of strings");
      return out;
    }
    for (auto& el : *arr) {
      if (auto s = el.value<std::string>()) {
        out.push_back(*s);
      } else {
        Bad(path + std::string(key), "must be a list of strings");
      }
    }
    return out;
  }

  std::optional<int> Int(const toml::table& t, const std::string& path, std::string_view key,
                         bool required, int min, int max) {
    auto node = t.get(key);
    if (!node) {
      if (required) Bad(path + std::string(key), "is missing");
      return std::nullopt;
    }
    auto v = node->as_integer();
    if (!v || v->get() < min || v->get() > max) {
      Bad(path + std::string(key), fmt::format("must be a whole number from {} to {}", min, max));
      return std::nullopt;
    }
    return static_cast<int>(v->get());
  }

  std::optional<double> Number(const toml::table& t, const std::string& path,
                               std::string_view key, bool required) {
    auto node = t.get(key);
    if (!node) {
      if (required) Bad(path + std::string(key), "is missing");
      return std::nullopt;
    }
    if (auto i = node->as_integer()) return static_cast<double>(i->get());
    if (auto f = node->as_floating_point()) return f->get();
    Bad(path + std::string(key), "must be a number");
    return std::nullopt;
  }

  bool Bool(const toml::table& t, const std::string& path, std::string_view key) {
    auto node = t.get(key);
    if (!node) return false;
    if (auto b = node->value<bool>()) return *b;
    Bad(path + std::string(key), "must be true or false");
    return false;
  }

  // A full date: a TOML date (2016-02-24) or the same as a string.
  std::optional<Date> FullDate(const toml::table& t, const std::string& path,
                               std::string_view key) {
    auto node = t.get(key);
    if (!node) {
      Bad(path + std::string(key), "is missing");
      return std::nullopt;
    }
    if (auto d = node->value<toml::date>()) {
      auto r = Date::FromYmd(d->year, d->month, d->day);
      if (r) return *r;
      Bad(path + std::string(key), r.error().message);
      return std::nullopt;
    }
    if (auto s = node->value<std::string>()) {
      auto r = Date::ParseIso(*s);
      if (r) return *r;
    }
    Bad(path + std::string(key), "must be a date such as 2016-02-24");
    return std::nullopt;
  }

  std::optional<PartialDate> Partial(const toml::table& t, const std::string& path,
                                     std::string_view key, bool required) {
    auto node = t.get(key);
    if (!node) {
      if (required) Bad(path + std::string(key), "is missing");
      return std::nullopt;
    }
    if (auto d = node->value<toml::date>()) {
      auto r = Date::FromYmd(d->year, d->month, d->day);
      if (r) return PartialDate::Of(*r);
      Bad(path + std::string(key), r.error().message);
      return std::nullopt;
    }
    if (auto s = node->value<std::string>()) {
      auto r = PartialDate::Parse(*s);
      if (r) return *r;
      Bad(path + std::string(key), r.error().message);
      return std::nullopt;
    }
    Bad(path + std::string(key), "must be a string such as \"2015\", \"2015-11\" or a date");
    return std::nullopt;
  }

  template <typename F>
  void Tables(const toml::table& root, const std::string& prefix, std::string_view key, F&& each) {
    auto node = root.get(key);
    if (!node) return;
    auto arr = node->as_array();
    if (!arr) {
      Bad(prefix + std::string(key), "must be an array of tables ([[" + std::string(key) + "]])");
      return;
    }
    size_t i = 0;
    for (auto& el : *arr) {
      std::string path = fmt::format("{}{}[{}].", prefix, key, i++);
      if (auto tbl = el.as_table()) {
        each(*tbl, path);
      } else {
        Bad(path, "must be a table");
      }
    }
  }
};

template <typename T>
bool Lookup(std::string_view name, std::initializer_list<std::pair<std::string_view, T>> table,
            T& out) {
  for (const auto& [n, v] : table) {
    if (n == name) {
      out = v;
      return true;
    }
  }
  return false;
}

DeliverableStatus ReadStatus(Reader& r, const toml::table& t, const std::string& path) {
  std::string s = r.Str(t, path, "status", true);
  DeliverableStatus out = DeliverableStatus::kNotStated;
  if (!s.empty() && !Lookup<DeliverableStatus>(s,
                                                {{"planned", DeliverableStatus::kPlanned},
                                                 {"in_progress", DeliverableStatus::kInProgress},
                                                 {"delivered", DeliverableStatus::kDelivered},
                                                 {"ongoing", DeliverableStatus::kOngoing},
                                                 {"not_stated", DeliverableStatus::kNotStated}},
                                                out)) {
    r.Bad(path + "status",
          fmt::format("'{}' is not one of planned, in_progress, delivered, ongoing, not_stated", s));
  }
  return out;
}

Version ReadVersion(Reader& r, const toml::table& t, const std::string& path) {
  r.OnlyKeys(t, path, {"label", "approved", "decision", "decision_not_on_register", "changes"});
  Version v;
  v.label = r.Str(t, path, "label", true);
  if (auto d = r.FullDate(t, path, "approved")) v.approved = *d;
  v.decision = r.Str(t, path, "decision", false);
  v.decision_not_on_register = r.Str(t, path, "decision_not_on_register", false);
  if (v.decision.empty() == v.decision_not_on_register.empty()) {
    r.Bad(path + "decision",
          "a version names its approving decision: give either decision (its reference on the "
          "register) or decision_not_on_register (why there is none), not both");
  }
  v.changes = r.Str(t, path, "changes", false);
  return v;
}

Deliverable ReadDeliverable(Reader& r, const toml::table& t, const std::string& path) {
  r.OnlyKeys(t, path, {"id", "title", "description", "status", "due", "source", "progress"});
  Deliverable d;
  d.id = r.Slug(t, path, "id");
  d.title = r.Str(t, path, "title", true);
  d.description = r.Str(t, path, "description", false);
  d.status = ReadStatus(r, t, path);
  d.due = r.Partial(t, path, "due", false);
  d.source = r.Str(t, path, "source", false);
  r.Tables(t, path, "progress", [&](const toml::table& pt, const std::string& pp) {
    r.OnlyKeys(pt, pp, {"when", "text", "source"});
    ProgressEntry e;
    if (auto w = r.Partial(pt, pp, "when", true)) e.when = *w;
    e.text = r.Str(pt, pp, "text", true);
    e.source = r.Str(pt, pp, "source", false);
    if (e.source.empty()) e.source = d.source;
    d.progress.push_back(std::move(e));
  });
  std::stable_sort(d.progress.begin(), d.progress.end(),
                   [](const auto& a, const auto& b) { return a.when < b.when; });
  return d;
}

Target ReadTarget(Reader& r, const toml::table& t, const std::string& path) {
  r.OnlyKeys(t, path, {"id", "name", "unit", "baseline", "baseline_label", "target", "target_by",
                       "achieved", "achieved_on", "note", "source"});
  Target g;
  g.id = r.Slug(t, path, "id");
  g.name = r.Str(t, path, "name", true);
  std::string unit = r.Str(t, path, "unit", true);
  if (!unit.empty() &&
      !Lookup<Unit>(unit, {{"gbp", Unit::kGbp}, {"percent", Unit::kPercent}, {"count", Unit::kCount}},
                    g.unit)) {
    r.Bad(path + "unit", fmt::format("'{}' is not one of gbp, percent, count", unit));
  }
  g.baseline = r.Number(t, path, "baseline", true).value_or(0);
  g.baseline_label = r.Str(t, path, "baseline_label", false);
  g.target = r.Number(t, path, "target", true).value_or(0);
  if (g.target == g.baseline && r.error.empty()) {
    r.Bad(path + "target", "equals the baseline, so attainment cannot be measured");
  }
  g.target_by = r.Partial(t, path, "target_by", false);
  g.achieved = r.Number(t, path, "achieved", false);
  g.achieved_on = r.Partial(t, path, "achieved_on", false);
  if (g.achieved && !g.achieved_on) r.Bad(path + "achieved_on", "is missing (when was it achieved?)");
  g.note = r.Str(t, path, "note", false);
  g.source = r.Str(t, path, "source", false);
  return g;
}

Alignment ReadAlignment(Reader& r, const toml::table& t, const std::string& path) {
  r.OnlyKeys(t, path, {"kind", "name", "national", "priorities", "stated_priority_count", "text",
                       "source"});
  Alignment a;
  std::string kind = r.Str(t, path, "kind", true);
  if (!kind.empty() && !Lookup<AlignmentKind>(kind,
                                              {{"police_and_crime_plan", AlignmentKind::kPoliceAndCrimePlan},
                                               {"national", AlignmentKind::kNational},
                                               {"local", AlignmentKind::kLocal}},
                                              a.kind)) {
    r.Bad(path + "kind", fmt::format("'{}' is not one of police_and_crime_plan, national, local", kind));
  }
  if (a.kind == AlignmentKind::kNational) {
    a.national = r.Slug(t, path, "national");
    a.name = r.Str(t, path, "name", false);
  } else {
    a.name = r.Str(t, path, "name", true);
  }
  a.priorities = r.StrList(t, path, "priorities");
  a.stated_priority_count = r.Int(t, path, "stated_priority_count", false, 1, 100);
  a.text = r.Str(t, path, "text", false);
  a.source = r.Str(t, path, "source", false);
  return a;
}

template <typename T>
void UniqueIds(Reader& r, const std::vector<T>& items, const std::string& path) {
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].id.empty() && !seen.insert(items[i].id).second) {
      r.Bad(fmt::format("{}[{}].id", path, i), fmt::format("'{}' is used twice", items[i].id));
    }
  }
}


}  // namespace

Result<Strategy> ParseStrategy(std::string_view toml_text, std::string_view where) {
  auto parsed = ParseToml(toml_text, where);
  if (!parsed) return parsed.error();
  const toml::table& root = *parsed;
  Reader r;
  r.OnlyKeys(root, "", {"id", "body", "title", "start_year", "end_year", "period_note", "owner",
                        "summary", "version", "replaces", "replaces_other", "review", "theme",
                        "stated_theme_count", "principles", "stated_principle_count",
                        "alignment", "influence"});
  Strategy s;
  s.file = std::string(where);
  s.id = r.Slug(root, "", "id");
  s.body = r.Slug(root, "", "body");
  s.title = r.Str(root, "", "title", true);
  s.start_year = r.Int(root, "", "start_year", true, 1900, 2999).value_or(0);
  s.end_year = r.Int(root, "", "end_year", true, 1900, 2999).value_or(0);
  if (s.end_year < s.start_year && r.error.empty()) {
    r.Bad("end_year", fmt::format("{} is before start_year {}", s.end_year, s.start_year));
  }
  s.period_note = r.Str(root, "", "period_note", false);
  s.owner = r.Str(root, "", "owner", true);
  s.summary = r.Str(root, "", "summary", false);

  r.Tables(root, "", "version", [&](const toml::table& t, const std::string& path) {
    s.versions.push_back(ReadVersion(r, t, path));
  });
  if (s.versions.empty()) r.Bad("version", "a strategy needs at least one [[version]]");
  for (size_t i = 1; i < s.versions.size(); ++i) {
    if (s.versions[i].approved < s.versions[i - 1].approved) {
      r.Bad(fmt::format("version[{}].approved", i),
            "versions must be listed oldest first (this one is older than the one before)");
    }
  }

  s.replaces = r.StrList(root, "", "replaces");
  r.Tables(root, "", "replaces_other", [&](const toml::table& t, const std::string& path) {
    r.OnlyKeys(t, path, {"title", "start_year", "end_year", "note", "source"});
    OtherPredecessor p;
    p.title = r.Str(t, path, "title", true);
    p.start_year = r.Int(t, path, "start_year", false, 1900, 2999);
    p.end_year = r.Int(t, path, "end_year", false, 1900, 2999);
    p.note = r.Str(t, path, "note", false);
    p.source = r.Str(t, path, "source", false);
    s.replaces_other.push_back(std::move(p));
  });

  if (auto node = root.get("review")) {
    if (auto t = node->as_table()) {
      r.OnlyKeys(*t, "review.", {"annual_update", "refresh_years", "live_document", "note", "source"});
      s.review.annual_update = r.Bool(*t, "review.", "annual_update");
      s.review.refresh_years = r.Int(*t, "review.", "refresh_years", false, 1, 50).value_or(0);
      s.review.live_document = r.Bool(*t, "review.", "live_document");
      s.review.note = r.Str(*t, "review.", "note", false);
      s.review.source = r.Str(*t, "review.", "source", false);
    } else {
      r.Bad("review", "must be a table ([review])");
    }
  }

  r.Tables(root, "", "theme", [&](const toml::table& t, const std::string& path) {
    r.OnlyKeys(t, path, {"id", "title", "summary", "deliverable", "target"});
    Theme th;
    th.id = r.Slug(t, path, "id");
    th.title = r.Str(t, path, "title", true);
    th.summary = r.Str(t, path, "summary", false);
    r.Tables(t, path, "deliverable", [&](const toml::table& dt, const std::string& dp) {
      th.deliverables.push_back(ReadDeliverable(r, dt, dp));
    });
    r.Tables(t, path, "target", [&](const toml::table& gt, const std::string& gp) {
      th.targets.push_back(ReadTarget(r, gt, gp));
    });
    s.themes.push_back(std::move(th));
  });
  UniqueIds(r, s.themes, "theme");
  std::vector<Deliverable> all_deliverables;
  std::vector<Target> all_targets;
  for (const auto& th : s.themes) {
    all_deliverables.insert(all_deliverables.end(), th.deliverables.begin(), th.deliverables.end());
    all_targets.insert(all_targets.end(), th.targets.begin(), th.targets.end());
  }
  UniqueIds(r, all_deliverables, "deliverable");
  UniqueIds(r, all_targets, "target");
  s.stated_theme_count = r.Int(root, "", "stated_theme_count", false, 1, 100);
  s.principles = r.StrList(root, "", "principles");
  s.stated_principle_count = r.Int(root, "", "stated_principle_count", false, 1, 100);

  r.Tables(root, "", "alignment", [&](const toml::table& t, const std::string& path) {
    s.alignments.push_back(ReadAlignment(r, t, path));
  });
  r.Tables(root, "", "influence", [&](const toml::table& t, const std::string& path) {
    r.OnlyKeys(t, path, {"title", "text"});
    s.influences.push_back({r.Str(t, path, "title", true), r.Str(t, path, "text", false)});
  });

  if (!r.error.empty()) return Fail(ErrorCode::kInvalidInput, r.error, std::string(where));
  return s;
}

Result<std::vector<NationalStrategy>> ParseNationalStrategies(std::string_view toml_text,
                                                              std::string_view where) {
  auto parsed = ParseToml(toml_text, where);
  if (!parsed) return parsed.error();
  Reader r;
  r.OnlyKeys(*parsed, "", {"national"});
  std::vector<NationalStrategy> out;
  r.Tables(*parsed, "", "national", [&](const toml::table& t, const std::string& path) {
    r.OnlyKeys(t, path, {"id", "title", "by", "start_year", "end_year", "note"});
    NationalStrategy n;
    n.id = r.Slug(t, path, "id");
    n.title = r.Str(t, path, "title", true);
    n.by = r.Str(t, path, "by", false);
    n.start_year = r.Int(t, path, "start_year", false, 1900, 2999);
    n.end_year = r.Int(t, path, "end_year", false, 1900, 2999);
    n.note = r.Str(t, path, "note", false);
    out.push_back(std::move(n));
  });
  UniqueIds(r, out, "national");
  if (!r.error.empty()) return Fail(ErrorCode::kInvalidInput, r.error, std::string(where));
  return out;
}

}  // namespace assent::strategy
