#include "services/audit_log.hpp"

#include <fmt/format.h>

#include <array>
#include <unordered_map>

#include "audit/event.hpp"

namespace assent::services {
namespace {

constexpr int kEventPage = 1000;
constexpr int kDecisionPage = 1000;

// The decision hash an event recorded, kept as 32 bytes rather than 64 hex characters
// (one entry per decision, so a register of a million decisions stays small).
struct LastWrite {
  std::array<unsigned char, 32> hash{};
  bool hex_ok = false;
  std::int64_t seq = 0;
  bool seen = false;  // the decision row was found
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool FromHex(std::string_view hex, std::array<unsigned char, 32>& out) {
  if (hex.size() != 64) return false;
  for (size_t i = 0; i < 32; ++i) {
    int hi = HexDigit(hex[2 * i]);
    int lo = HexDigit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

std::string Describe(const decisions::Decision& d) {
  if (d.reference.empty()) return fmt::format("decision {} ({}, no reference yet)", d.id, d.body);
  return fmt::format("decision {} ({} {})", d.id, d.body, d.reference);
}

}  // namespace

Result<AuditReport> VerifyAudit(storage::Store& store) {
  AuditReport report;
  std::unordered_map<std::int64_t, LastWrite> last;
  std::int64_t prev_seq = 0;
  std::string prev_hash = audit::kGenesisHash;

  // Reads the events after prev_seq, verifying the chain; false when it breaks (the
  // problem is then in the report).
  auto read_events = [&]() -> Result<bool> {
    for (;;) {
      auto page = store.ListAuditEvents(prev_seq, kEventPage);
      if (!page) return page.error();
      if (page->empty()) return true;
      if (auto broken = audit::VerifyChain(*page, prev_seq, prev_hash)) {
        for (const auto& e : *page) {  // the events before the broken one verified
          if (e.seq >= broken->seq) break;
          ++report.events;
        }
        report.first_problem = fmt::format("event {}: {}", broken->seq, broken->problem);
        report.first_broken_seq = broken->seq;
        return false;
      }
      for (const auto& e : *page) {
        if (e.decision_id != 0 && !e.decision_hash.empty()) {
          LastWrite& w = last[e.decision_id];
          w.hex_ok = FromHex(e.decision_hash, w.hash);
          w.seq = e.seq;
        }
      }
      report.events += static_cast<std::int64_t>(page->size());
      prev_seq = page->back().seq;
      prev_hash = page->back().hash;
      if (static_cast<int>(page->size()) < kEventPage) return true;
    }
  };
  auto chain_ok = read_events();
  if (!chain_ok) return chain_ok.error();
  if (!*chain_ok) return report;

  auto bodies = store.ListBodies();
  if (!bodies) return bodies.error();
  for (const auto& body : *bodies) {
    for (int offset = 0;; offset += kDecisionPage) {
      auto page = store.ListDecisions({.body = body.slug, .limit = kDecisionPage, .offset = offset});
      if (!page) return page.error();
      for (const auto& summary : *page) {
        auto d = store.FindDecisionById(summary.id);
        if (!d) {
          if (d.error().code == ErrorCode::kNotFound) continue;  // deleted while we read
          return d.error();
        }
        ++report.decisions;
        auto it = last.find(d->id);
        if (it == last.end()) {
          ++report.uncovered;
          continue;
        }
        it->second.seen = true;
        auto matches = [&](const decisions::Decision& row) {
          std::array<unsigned char, 32> now{};
          const LastWrite& w = last[row.id];
          return w.hex_ok && FromHex(audit::DecisionRowHash(row), now) && now == w.hash;
        };
        bool same = matches(*d);
        if (!same) {
          // On a running server the decision may have been written after the log was
          // read: read the newer events (verifying them too) and the row again.
          auto more = read_events();
          if (!more) return more.error();
          if (!*more) return report;
          auto again = store.FindDecisionById(summary.id);
          if (!again) return again.error();
          *d = std::move(*again);
          same = matches(*d);
          it = last.find(d->id);
        }
        if (!same) {
          report.first_problem = fmt::format("{}: row changed outside Assent since event {}",
                                             Describe(*d), it->second.seq);
          return report;
        }
      }
      if (static_cast<int>(page->size()) < kDecisionPage) break;
    }
  }
  // A decision the log wrote that is no longer in the store was deleted outside Assent.
  std::int64_t missing = 0;
  std::int64_t missing_seq = 0;
  for (const auto& [id, w] : last) {
    if (!w.seen && (missing == 0 || id < missing)) {
      missing = id;
      missing_seq = w.seq;
    }
  }
  if (missing != 0) {
    // Not listed under any body: check directly before calling it deleted.
    auto d = store.FindDecisionById(missing);
    if (!d && d.error().code != ErrorCode::kNotFound) return d.error();
    if (!d) {
      report.first_problem = fmt::format(
          "decision {}: written by event {}, no longer in the store (deleted outside Assent)",
          missing, missing_seq);
    } else {
      report.first_problem = fmt::format("{}: its body '{}' is not in the store", Describe(*d), d->body);
    }
  }
  return report;
}

}  // namespace assent::services
