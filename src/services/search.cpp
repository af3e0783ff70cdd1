#include "services/search.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

namespace assent::services {
namespace {

// The statuses whose records are listed and searched today. Withdrawn records are
// public only as a tombstone at their own address (publication work, issue 5); when
// the register lists them, add kWithdrawn here and every open-data surface follows.
const std::vector<decisions::Status>& ListedStatuses() {
  static const std::vector<decisions::Status> kListed = {decisions::Status::kPublished};
  return kListed;
}

// The listed statuses a status filter leaves ("" = all of them). May be empty: a
// public status that is not listed yet (withdrawn) matches nothing.
Result<std::vector<decisions::Status>> StatusFilter(std::string_view name) {
  if (name.empty()) return ListedStatuses();
  const auto& names = PublicStatusNames();
  auto status = decisions::ParseStatus(name);
  if (!status || std::find(names.begin(), names.end(), name) == names.end()) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("status must be one of: {}", fmt::join(names, ", ")), "status");
  }
  std::vector<decisions::Status> out;
  for (auto s : ListedStatuses()) {
    if (s == *status) out.push_back(s);
  }
  return out;
}

Result<void> CheckPaging(int limit, int offset) {
  if (limit < 1 || limit > kMaxSearchLimit) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("limit must be a whole number from 1 to {}", kMaxSearchLimit), "limit");
  }
  if (offset < 0 || offset > kMaxSearchOffset) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("offset must be a whole number from 0 to {}", kMaxSearchOffset),
                "offset");
  }
  return {};
}

RegisterRow RowOf(const storage::DecisionSummary& s) {
  RegisterRow row{s.reference, decisions::ReferenceSlug(s.reference), s.title,
                  s.decision_maker_role, s.decision_date, s.status, s.outcome};
  row.state = publication::PublicStateOfName(s.public_state);
  if (s.status == decisions::Status::kWithdrawn) row.state = publication::PublicState::kWithdrawn;
  // A stub or tombstone shows no more than its public stub does: not the outcome.
  if (row.state != publication::PublicState::kPublished) row.outcome = decisions::Outcome::kUnknown;
  return row;
}

}  // namespace

const std::vector<std::string_view>& PublicStatusNames() {
  static const std::vector<std::string_view> kNames = {"published", "withdrawn"};
  return kNames;
}

Result<SearchPage> Search(storage::Store& store, const SearchForm& form) {
  SearchPage page;
  page.form = form;
  if (form.text.size() > kMaxSearchText) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("q (the words to search for) must be at most {} characters",
                            kMaxSearchText),
                "q");
  }
  if (auto ok = CheckPaging(form.limit, form.offset); !ok) return ok.error();
  auto statuses = StatusFilter(form.status);
  if (!statuses) return statuses.error();
  auto bodies = store.ListBodies();
  if (!bodies) return bodies.error();
  for (const auto& b : *bodies) page.bodies.push_back(publication::MakePublicBody(b));
  if (!form.body.empty() &&
      std::none_of(page.bodies.begin(), page.bodies.end(),
                   [&](const auto& b) { return b.slug == form.body; })) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("body '{}' is not on this register", form.body), "body");
  }
  if (statuses->empty()) return page;

  storage::SearchQuery q;
  q.text = form.text;
  if (!form.body.empty()) q.body = form.body;
  q.year = form.year;
  if (!form.decision_maker.empty()) q.decision_maker = form.decision_maker;
  if (!form.classification.empty()) q.classification = form.classification;
  q.statuses = *statuses;
  q.limit = form.limit;
  q.offset = form.offset;
  auto result = store.Search(q);
  if (!result) return result.error();
  page.total = result->total;
  page.capped = result->capped;
  for (auto& hit : result->hits) {
    auto body = std::find_if(page.bodies.begin(), page.bodies.end(),
                             [&](const auto& b) { return b.slug == hit.decision.body; });
    if (body == page.bodies.end()) continue;  // cannot happen: decisions name a stored body
    page.hits.push_back({*body, RowOf(hit.decision), std::move(hit.snippet)});
  }
  return page;
}

std::string RegisterCursorText(const storage::RegisterCursor& cursor) {
  return fmt::format("{}~{}~{}", cursor.decision_date ? cursor.decision_date->ToIso() : "",
                     cursor.id, cursor.reference);
}

Result<storage::RegisterCursor> ParseRegisterCursor(std::string_view text) {
  const auto bad = [&] {
    return Fail(ErrorCode::kInvalidInput,
                "after must be a cursor from a `next` link, such as 2017-02-22~41~006/2017",
                "after");
  };
  const auto first = text.find('~');
  if (first == std::string_view::npos) return bad();
  const auto second = text.find('~', first + 1);
  if (second == std::string_view::npos) return bad();
  storage::RegisterCursor cursor;
  if (first > 0) {
    auto date = Date::ParseIso(text.substr(0, first));
    if (!date) return bad();
    cursor.decision_date = *date;
  }
  const auto id = text.substr(first + 1, second - first - 1);
  auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), cursor.id);
  if (id.empty() || ec != std::errc() || ptr != id.data() + id.size() || cursor.id < 1) return bad();
  cursor.reference = std::string(text.substr(second + 1));
  return cursor;
}

Result<RegisterSlice> ListRegister(storage::Store& store, std::string_view body,
                                   const RegisterFilter& filter) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  if (filter.limit < 1 || filter.limit > kMaxSearchLimit || filter.offset < 0) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("limit must be a whole number from 1 to {}, and offset 0 or more",
                            kMaxSearchLimit),
                "limit");
  }
  // Every public record of the register, as its HTML page lists them: published
  // decisions, deferred and withheld stubs, withdrawal tombstones (issue 5). A status
  // filter narrows to one status ("withdrawn": the tombstones).
  const auto& names = PublicStatusNames();
  if (!filter.status.empty() && std::find(names.begin(), names.end(), filter.status) == names.end()) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("status must be one of: {}", fmt::join(names, ", ")),
                "status");
  }
  RegisterSlice slice;
  slice.body = publication::MakePublicBody(*b);
  slice.filter = filter;
  storage::RegisterQuery q;
  q.body = std::string(body);
  q.year = filter.year;
  q.public_only = true;
  if (!filter.status.empty()) q.statuses = {*decisions::ParseStatus(filter.status)};
  q.limit = filter.limit + 1;  // one more tells whether a next page exists
  q.offset = filter.offset;
  q.after = filter.after;
  auto rows = store.ListDecisions(q);
  if (!rows) return rows.error();
  slice.more = static_cast<int>(rows->size()) > filter.limit;
  if (slice.more) {
    rows->pop_back();
    const auto& last = rows->back();
    slice.next_after = storage::RegisterCursor{last.decision_date, last.reference, last.id};
  }
  for (const auto& s : *rows) slice.rows.push_back(RowOf(s));
  return slice;
}

Result<RegisterDecisions> LatestDecisions(storage::Store& store, std::string_view body,
                                          int count) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  RegisterDecisions out;
  out.body = publication::MakePublicBody(*b);
  storage::RegisterQuery q;
  q.body = std::string(body);
  q.statuses = ListedStatuses();
  q.limit = count > 0 ? count : 100000;
  auto rows = store.ListDecisions(q);
  if (!rows) return rows.error();
  for (const auto& s : *rows) {
    auto d = store.FindDecisionById(s.id);
    if (!d) return d.error();
    auto p = publication::MakePublicDecision(*d, *b);
    if (!p) continue;  // changed since listed: no longer public
    out.decisions.push_back(std::move(*p));
  }
  return out;
}

}  // namespace assent::services
