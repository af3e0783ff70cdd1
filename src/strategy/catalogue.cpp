#include "strategy/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "decisions/decision.hpp"

namespace assent::strategy {
namespace {

enum class Mark { kNew, kOnPath, kDone };

// Depth-first search over "replaces" edges; returns the first cycle found as the list of
// strategy indexes along it (first == last), or empty.
std::vector<size_t> FindCycle(const std::vector<std::vector<size_t>>& edges) {
  std::vector<Mark> mark(edges.size(), Mark::kNew);
  std::vector<size_t> path;
  std::vector<size_t> cycle;
  std::function<bool(size_t)> visit = [&](size_t n) {
    mark[n] = Mark::kOnPath;
    path.push_back(n);
    for (size_t next : edges[n]) {
      if (mark[next] == Mark::kOnPath) {
        auto from = std::find(path.begin(), path.end(), next);
        cycle.assign(from, path.end());
        cycle.push_back(next);
        return true;
      }
      if (mark[next] == Mark::kNew && visit(next)) return true;
    }
    path.pop_back();
    mark[n] = Mark::kDone;
    return false;
  };
  for (size_t i = 0; i < edges.size(); ++i) {
    if (mark[i] == Mark::kNew && visit(i)) return cycle;
  }
  return {};
}

}  // namespace

Result<Catalogue> Catalogue::Build(std::vector<Strategy> strategies,
                                   std::vector<NationalStrategy> national) {
  const auto bad = [](const Strategy& s, const std::string& message) {
    return Fail(ErrorCode::kInvalidInput, message, s.file);
  };
  std::set<std::string> national_ids;
  for (const auto& n : national) {
    if (!national_ids.insert(n.id).second) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("national strategy '{}' is defined twice", n.id));
    }
  }
  std::map<std::string, size_t> index;  // "body/id" -> position
  for (size_t i = 0; i < strategies.size(); ++i) {
    auto [it, fresh] = index.emplace(strategies[i].Key(), i);
    if (!fresh) {
      return bad(strategies[i], fmt::format("key id: '{}' is also the id of {} (in {})",
                                            strategies[i].id, strategies[it->second].title,
                                            strategies[it->second].file));
    }
  }
  std::vector<std::vector<size_t>> edges(strategies.size());
  for (size_t i = 0; i < strategies.size(); ++i) {
    const Strategy& s = strategies[i];
    for (const auto& id : s.replaces) {
      auto it = index.find(s.body + "/" + id);
      if (it == index.end()) {
        return bad(s, fmt::format("key replaces: no strategy '{}' of body '{}'", id, s.body));
      }
      if (it->second == i) return bad(s, "key replaces: a strategy cannot replace itself");
      edges[i].push_back(it->second);
    }
    for (size_t a = 0; a < s.alignments.size(); ++a) {
      const auto& al = s.alignments[a];
      if (al.kind == AlignmentKind::kNational && !national_ids.count(al.national)) {
        return bad(s, fmt::format("key alignment[{}].national: no national strategy '{}' "
                                  "(national.toml)",
                                  a, al.national));
      }
    }
  }
  if (auto cycle = FindCycle(edges); !cycle.empty()) {
    std::string chain;
    for (size_t n : cycle) chain += (chain.empty() ? "" : " -> ") + strategies[n].Key();
    return bad(strategies[cycle.front()], "key replaces: supersession cycle: " + chain);
  }
  Catalogue c;
  c.strategies_ = std::move(strategies);
  c.national_ = std::move(national);
  return c;
}

std::vector<const Strategy*> Catalogue::ForBody(std::string_view body) const {
  std::vector<const Strategy*> out;
  for (const auto& s : strategies_) {
    if (s.body == body) out.push_back(&s);
  }
  std::stable_sort(out.begin(), out.end(), [](const Strategy* a, const Strategy* b) {
    if (a->start_year != b->start_year) return a->start_year < b->start_year;
    return a->versions.front().approved < b->versions.front().approved;
  });
  return out;
}

std::vector<std::string> Catalogue::Bodies() const {
  std::vector<std::string> out;
  for (const auto& s : strategies_) {
    if (std::find(out.begin(), out.end(), s.body) == out.end()) out.push_back(s.body);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const Strategy* Catalogue::Find(std::string_view body, std::string_view id) const {
  for (const auto& s : strategies_) {
    if (s.body == body && s.id == id) return &s;
  }
  return nullptr;
}

const NationalStrategy* Catalogue::FindNational(std::string_view id) const {
  for (const auto& n : national_) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

std::vector<const Strategy*> Catalogue::Replaces(const Strategy& s) const {
  std::vector<const Strategy*> out;
  for (const auto& id : s.replaces) {
    if (const Strategy* p = Find(s.body, id)) out.push_back(p);
  }
  return out;
}

std::vector<const Strategy*> Catalogue::ReplacedBy(const Strategy& s) const {
  std::vector<const Strategy*> out;
  for (const auto& other : strategies_) {
    if (other.body == s.body &&
        std::find(other.replaces.begin(), other.replaces.end(), s.id) != other.replaces.end()) {
      out.push_back(&other);
    }
  }
  return out;
}

std::vector<ApprovedVersion> Catalogue::ApprovedBy(std::string_view body,
                                                   std::string_view reference) const {
  std::vector<ApprovedVersion> out;
  std::string slug = decisions::ReferenceSlug(reference);
  for (const auto& s : strategies_) {
    if (s.body != body) continue;
    for (const auto& v : s.versions) {
      if (!v.decision.empty() && decisions::ReferenceSlug(v.decision) == slug) {
        out.push_back({&s, &v});
      }
    }
  }
  return out;
}

StrategyStatus Catalogue::StatusOn(const Strategy& s, const Date& date) const {
  for (const Strategy* next : ReplacedBy(s)) {
    if (next->versions.front().approved <= date) return StrategyStatus::kSuperseded;
  }
  if (date.year() < s.start_year) return StrategyStatus::kNotStarted;
  if (date.year() > s.end_year) return StrategyStatus::kEnded;
  return StrategyStatus::kCurrent;
}

}  // namespace assent::strategy
