#include "services/store_copy.hpp"

#include <fmt/format.h>

#include <vector>

namespace assent::services {
namespace {

constexpr int kPage = 1000;

// Calls `fn` with every decision id of a body, in register order, page by page.
Result<void> ForEachDecisionId(storage::Store& store, const std::string& body,
                               const std::function<Result<void>(std::int64_t)>& fn) {
  for (int offset = 0;; offset += kPage) {
    auto page = store.ListDecisions({.body = body, .limit = kPage, .offset = offset});
    if (!page) return page.error();
    for (const auto& s : *page) {
      if (auto r = fn(s.id); !r) return r;
    }
    if (static_cast<int>(page->size()) < kPage) return Ok();
  }
}

}  // namespace

Result<std::int64_t> CountAllDecisions(storage::Store& store) {
  auto counts = store.CountDecisionsByBody({});
  if (!counts) return counts.error();
  std::int64_t n = 0;
  for (const auto& c : *counts) n += c.decisions;
  return n;
}

Result<CopyReport> CopyStore(storage::Store& from, storage::Store& to, int batch,
                             const std::function<void(std::int64_t)>& progress) {
  auto existing = CountAllDecisions(to);
  if (!existing) return existing.error();
  if (*existing > 0) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the target store already holds {} decisions; copy into an empty store",
                            *existing));
  }
  auto bodies = from.ListBodies();
  if (!bodies) return bodies.error();
  CopyReport report;
  report.bodies = static_cast<int>(bodies->size());
  if (auto r = to.Apply({.put_bodies = *bodies}); !r) return r.error();

  storage::ChangeSet pending;
  const auto flush = [&]() -> Result<void> {
    if (pending.copy_decisions.empty()) return Ok();
    if (auto r = to.Apply(pending); !r) {
      return Fail(r.error().code,
                  fmt::format("{} (after {} decisions were copied; the target is partly filled: "
                              "empty it before trying again)",
                              r.error().message, report.decisions),
                  r.error().where);
    }
    report.decisions += static_cast<std::int64_t>(pending.copy_decisions.size());
    pending.copy_decisions.clear();
    if (progress) progress(report.decisions);
    return Ok();
  };
  for (const auto& b : *bodies) {
    auto r = ForEachDecisionId(from, b.slug, [&](std::int64_t id) -> Result<void> {
      auto d = from.FindDecisionById(id);
      if (!d) return d.error();
      pending.copy_decisions.push_back(std::move(*d));
      if (static_cast<int>(pending.copy_decisions.size()) >= batch) return flush();
      return Ok();
    });
    if (!r) return r.error();
  }
  if (auto r = flush(); !r) return r.error();

  auto counters = from.ListReferenceCounters();
  if (!counters) return counters.error();
  report.reference_counters = static_cast<int>(counters->size());
  if (!counters->empty()) {
    if (auto r = to.Apply({.copy_reference_counters = *counters}); !r) return r.error();
  }
  return report;
}

Result<CopyReport> VerifyCopy(storage::Store& from, storage::Store& to) {
  auto a = from.CountDecisionsByBody({});
  auto b = to.CountDecisionsByBody({});
  if (!a) return a.error();
  if (!b) return b.error();
  if (a->size() != b->size()) {
    return Fail(ErrorCode::kInternal,
                fmt::format("verification failed: {} bodies in the source, {} in the target",
                            a->size(), b->size()));
  }
  CopyReport report;
  report.bodies = static_cast<int>(a->size());
  for (size_t i = 0; i < a->size(); ++i) {
    const auto& x = (*a)[i];
    const auto& y = (*b)[i];
    if (!(x.body == y.body) || x.decisions != y.decisions) {
      return Fail(ErrorCode::kInternal,
                  fmt::format("verification failed: body {} has {} decisions in the source, "
                              "{} in the target (or differs)",
                              x.body.slug, x.decisions, y.decisions));
    }
    auto r = ForEachDecisionId(from, x.body.slug, [&](std::int64_t id) -> Result<void> {
      auto d1 = from.FindDecisionById(id);
      if (!d1) return d1.error();
      auto d2 = to.FindDecisionById(id);
      if (!d2 || !(*d1 == *d2)) {
        return Fail(ErrorCode::kInternal,
                    fmt::format("verification failed: decision {} ({} {}) differs in the target",
                                id, d1->body, d1->reference));
      }
      ++report.decisions;
      return Ok();
    });
    if (!r) return r.error();
  }
  auto c1 = from.ListReferenceCounters();
  auto c2 = to.ListReferenceCounters();
  if (!c1) return c1.error();
  if (!c2) return c2.error();
  if (*c1 != *c2) {
    return Fail(ErrorCode::kInternal, "verification failed: the reference counters differ");
  }
  report.reference_counters = static_cast<int>(c1->size());
  return report;
}

}  // namespace assent::services
