#include "services/store_copy.hpp"

#include <fmt/format.h>

#include <vector>

namespace assent::services {
namespace {

constexpr int kPage = 1000;
// Blobs go in batches of about this many bytes, each in one transaction.
constexpr std::size_t kBlobBatchBytes = 32u << 20;

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

// Calls `fn` with every audit event in seq order, page by page.
Result<void> ForEachAuditPage(storage::Store& store,
                              const std::function<Result<void>(std::vector<audit::Event>&)>& fn) {
  std::int64_t after = 0;
  for (;;) {
    auto page = store.ListAuditEvents(after, kPage);
    if (!page) return page.error();
    if (page->empty()) return Ok();
    after = page->back().seq;
    const bool last = static_cast<int>(page->size()) < kPage;
    if (auto r = fn(*page); !r) return r;  // may move the page's events away
    if (last) return Ok();
  }
}

constexpr int kReviewBatch = 100;  // import items carry their whole text: fewer per transaction

// Calls `fn` with every import review item, whole (record and text), in id order.
Result<void> ForEachImportReview(storage::Store& store,
                                 const std::function<Result<void>(storage::ImportReview&)>& fn) {
  for (int offset = 0;; offset += kPage) {
    auto page = store.ListImportReviews({.state = std::nullopt, .limit = kPage, .offset = offset});
    if (!page) return page.error();
    for (const auto& listed : *page) {
      auto item = store.FindImportReview(listed.id);
      if (!item) return item.error();
      if (auto r = fn(*item); !r) return r;
    }
    if (static_cast<int>(page->size()) < kPage) return Ok();
  }
}

Error Partly(const Error& e, std::string_view what) {
  return Fail(e.code,
              fmt::format("{} (while copying {}; the target is partly filled: empty it before "
                          "trying again)",
                          e.message, what),
              e.where);
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
  auto target_users = to.ListUsers();
  if (!target_users) return target_users.error();
  if (!target_users->empty()) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the target store already holds {} accounts; copy into an empty store",
                            target_users->size()));
  }
  auto target_events = to.ListAuditEvents(0, 1);
  if (!target_events) return target_events.error();
  if (!target_events->empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "the target store already has an audit log; copy into an empty store");
  }
  auto bodies = from.ListBodies();
  if (!bodies) return bodies.error();
  auto users = from.ListUsers();
  if (!users) return users.error();
  CopyReport report;
  report.bodies = static_cast<int>(bodies->size());
  report.users = static_cast<int>(users->size());
  // Bodies and accounts in one transaction: the first write, so a failure leaves nothing.
  if (auto r = to.Apply({.put_bodies = *bodies, .copy_users = *users}); !r) return r.error();

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
    pending.insert_published_versions.clear();
    if (progress) progress(report.decisions);
    return Ok();
  };
  for (const auto& b : *bodies) {
    auto r = ForEachDecisionId(from, b.slug, [&](std::int64_t id) -> Result<void> {
      auto d = from.FindDecisionById(id);
      if (!d) return d.error();
      pending.copy_decisions.push_back(std::move(*d));
      // Its published versions, byte for byte (they follow the decision in the batch).
      auto versions = from.ListPublishedVersions(id);
      if (!versions) return versions.error();
      for (auto& v : *versions) pending.insert_published_versions.push_back(std::move(v));
      if (static_cast<int>(pending.copy_decisions.size()) >= batch) return flush();
      return Ok();
    });
    if (!r) return r.error();
  }
  if (auto r = flush(); !r) return r.error();

  // The strategy register's stored entries, after the decisions their proposals name: one
  // transaction per body.
  for (const auto& b : *bodies) {
    auto entries = from.ListStrategyProgress(b.slug, "");
    if (!entries) return entries.error();
    auto proposals = from.ListStrategyProposals(b.slug, "");
    if (!proposals) return proposals.error();
    if (entries->empty() && proposals->empty()) continue;
    storage::ChangeSet cs;
    cs.copy_strategy_progress = std::move(*entries);
    cs.copy_strategy_proposals = std::move(*proposals);
    if (auto r = to.Apply(cs); !r) return Partly(r.error(), "the strategy progress of " + b.slug);
    report.strategy_progress += static_cast<std::int64_t>(cs.copy_strategy_progress.size());
    report.strategy_proposals += static_cast<std::int64_t>(cs.copy_strategy_proposals.size());
  }

  auto counters = from.ListReferenceCounters();
  if (!counters) return counters.error();
  report.reference_counters = static_cast<int>(counters->size());
  if (!counters->empty()) {
    if (auto r = to.Apply({.copy_reference_counters = *counters}); !r) {
      return Partly(r.error(), "reference counters");
    }
  }

  // Each body's forward plan (after the decisions its items link to). Items are numbered
  // afresh in the target; everything else is kept.
  for (const auto& b : *bodies) {
    auto items = from.ListForwardPlan(b.slug);
    if (!items) return items.error();
    if (items->empty()) continue;
    storage::ChangeSet cs;
    cs.insert_forward_plan_items = std::move(*items);
    if (auto r = to.Apply(cs); !r) return Partly(r.error(), "the forward plan");
  }

  auto calendars = from.ListCalendarImports();
  if (!calendars) return calendars.error();
  if (!calendars->empty()) {
    storage::ChangeSet cs;
    cs.copy_calendar_imports = *calendars;
    if (auto r = to.Apply(cs); !r) return Partly(r.error(), "calendar imports");
  }

  auto hashes = from.ListBlobHashes();
  if (!hashes) return hashes.error();
  storage::ChangeSet blobs;
  std::size_t bytes = 0;
  const auto flush_blobs = [&]() -> Result<void> {
    if (blobs.put_blobs.empty()) return Ok();
    if (auto r = to.Apply(blobs); !r) return Partly(r.error(), "blobs");
    report.blobs += static_cast<std::int64_t>(blobs.put_blobs.size());
    blobs.put_blobs.clear();
    bytes = 0;
    return Ok();
  };
  for (const auto& h : *hashes) {
    auto b = from.FindBlob(h);
    if (!b) return b.error();
    bytes += b->size();
    blobs.put_blobs.push_back({h, std::move(*b)});
    if (bytes >= kBlobBatchBytes) {
      if (auto r = flush_blobs(); !r) return r.error();
    }
  }
  if (auto r = flush_blobs(); !r) return r.error();

  // The import review queue, after the decisions its confirmed items name and the
  // original files it keeps.
  storage::ChangeSet reviews;
  const auto flush_reviews = [&]() -> Result<void> {
    if (reviews.copy_import_reviews.empty()) return Ok();
    if (auto r = to.Apply(reviews); !r) return Partly(r.error(), "the import review queue");
    report.import_reviews += static_cast<std::int64_t>(reviews.copy_import_reviews.size());
    reviews.copy_import_reviews.clear();
    return Ok();
  };
  auto queue = ForEachImportReview(from, [&](storage::ImportReview& item) -> Result<void> {
    reviews.copy_import_reviews.push_back(std::move(item));
    if (static_cast<int>(reviews.copy_import_reviews.size()) >= kReviewBatch) return flush_reviews();
    return Ok();
  });
  if (!queue) return queue.error();
  if (auto r = flush_reviews(); !r) return r.error();

  // The audit log last: its events name the decisions copied above.
  auto events = ForEachAuditPage(from, [&](std::vector<audit::Event>& page) -> Result<void> {
    storage::ChangeSet cs;
    cs.copy_audit_events = std::move(page);
    if (auto r = to.Apply(cs); !r) return Partly(r.error(), "the audit log");
    report.audit_events += static_cast<std::int64_t>(cs.copy_audit_events.size());
    return Ok();
  });
  if (!events) return events.error();
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
      auto v1 = from.ListPublishedVersions(id);
      auto v2 = to.ListPublishedVersions(id);
      if (!d2 || !(*d1 == *d2) || !v1 || !v2 || *v1 != *v2) {
        return Fail(ErrorCode::kInternal,
                    fmt::format("verification failed: decision {} ({} {}) differs in the target",
                                id, d1->body, d1->reference));
      }
      ++report.decisions;
      return Ok();
    });
    if (!r) return r.error();
  }
  for (const auto& x : *a) {
    const std::string& slug = x.body.slug;
    auto p1 = from.ListStrategyProgress(slug, "");
    auto p2 = to.ListStrategyProgress(slug, "");
    if (!p1) return p1.error();
    if (!p2) return p2.error();
    if (*p1 != *p2) {
      return Fail(ErrorCode::kInternal,
                  fmt::format("verification failed: the strategy progress of {} differs in the target "
                              "({} entries in the source, {} in the target)",
                              slug, p1->size(), p2->size()));
    }
    auto q1 = from.ListStrategyProposals(slug, "");
    auto q2 = to.ListStrategyProposals(slug, "");
    if (!q1) return q1.error();
    if (!q2) return q2.error();
    if (*q1 != *q2) {
      return Fail(ErrorCode::kInternal,
                  fmt::format("verification failed: the version proposals of {} differ in the target "
                              "({} in the source, {} in the target)",
                              slug, q1->size(), q2->size()));
    }
    report.strategy_progress += static_cast<std::int64_t>(p1->size());
    report.strategy_proposals += static_cast<std::int64_t>(q1->size());
  }

  auto c1 = from.ListReferenceCounters();
  auto c2 = to.ListReferenceCounters();
  if (!c1) return c1.error();
  if (!c2) return c2.error();
  if (*c1 != *c2) {
    return Fail(ErrorCode::kInternal, "verification failed: the reference counters differ");
  }
  report.reference_counters = static_cast<int>(c1->size());

  for (const auto& x : *a) {
    auto p1 = from.ListForwardPlan(x.body.slug);
    auto p2 = to.ListForwardPlan(x.body.slug);
    if (!p1) return p1.error();
    if (!p2) return p2.error();
    bool same = p1->size() == p2->size();
    for (std::size_t i = 0; same && i < p1->size(); ++i) {
      auto mine = (*p1)[i];
      mine.id = (*p2)[i].id;  // numbered afresh in the target
      mine.version = (*p2)[i].version;
      same = mine == (*p2)[i];
    }
    if (!same) {
      return Fail(ErrorCode::kInternal,
                  fmt::format("verification failed: the forward plan of {} differs in the target", x.body.slug));
    }
  }

  auto k1 = from.ListCalendarImports();
  auto k2 = to.ListCalendarImports();
  if (!k1) return k1.error();
  if (!k2) return k2.error();
  if (*k1 != *k2) {
    return Fail(ErrorCode::kInternal, "verification failed: the calendar imports differ");
  }

  auto u1 = from.ListUsers();
  auto u2 = to.ListUsers();
  if (!u1) return u1.error();
  if (!u2) return u2.error();
  if (u1->size() != u2->size()) {
    return Fail(ErrorCode::kInternal,
                fmt::format("verification failed: {} accounts in the source, {} in the target",
                            u1->size(), u2->size()));
  }
  for (std::size_t i = 0; i < u1->size(); ++i) {
    if (!((*u1)[i] == (*u2)[i])) {
      return Fail(ErrorCode::kInternal,
                  fmt::format("verification failed: account '{}' differs in the target",
                              (*u1)[i].username));
    }
  }
  report.users = static_cast<int>(u1->size());

  auto h1 = from.ListBlobHashes();
  auto h2 = to.ListBlobHashes();
  if (!h1) return h1.error();
  if (!h2) return h2.error();
  if (*h1 != *h2) {
    return Fail(ErrorCode::kInternal,
                fmt::format("verification failed: {} blobs in the source, {} in the target "
                            "(or they differ)",
                            h1->size(), h2->size()));
  }
  report.blobs = static_cast<std::int64_t>(h1->size());

  auto queue = ForEachImportReview(from, [&](storage::ImportReview& item) -> Result<void> {
    auto theirs = to.FindImportReview(item.id);
    if (!theirs || !(*theirs == item)) {
      return Fail(ErrorCode::kInternal, fmt::format("verification failed: import item {} ({}) differs in the target",
                                                    item.id, item.source_name));
    }
    ++report.import_reviews;
    return Ok();
  });
  if (!queue) return queue.error();
  auto extra = to.ListImportReviews({.state = std::nullopt, .limit = 1, .offset = static_cast<int>(report.import_reviews)});
  if (!extra) return extra.error();
  if (!extra->empty()) {
    return Fail(ErrorCode::kInternal,
                fmt::format("verification failed: the target holds more than the source's {} import items",
                            report.import_reviews));
  }

  std::int64_t after = 0;
  auto events = ForEachAuditPage(from, [&](std::vector<audit::Event>& page) -> Result<void> {
    auto theirs = to.ListAuditEvents(after, static_cast<int>(page.size()));
    after = page.back().seq;
    if (!theirs) return theirs.error();
    if (*theirs != page) {
      return Fail(ErrorCode::kInternal,
                  fmt::format("verification failed: the audit log differs in the target "
                              "between events {} and {}",
                              page.front().seq, page.back().seq));
    }
    report.audit_events += static_cast<std::int64_t>(page.size());
    return Ok();
  });
  if (!events) return events.error();
  auto beyond = to.ListAuditEvents(after, 1);
  if (!beyond) return beyond.error();
  if (!beyond->empty()) {
    return Fail(ErrorCode::kInternal,
                fmt::format("verification failed: the target's audit log goes on after event {}",
                            after));
  }
  return report;
}

}  // namespace assent::services
