#pragma once
// Use cases of the open register: the public search (the /search page, its Atom feed
// and /api/v1/search), a register page by page for the API, and the latest decisions of
// a register for its feed. Everything returned is public: hits come from the public
// index (publication::MakeSearchDocument), decisions from MakePublicDecision.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "publication/public_decision.hpp"
#include "services/register.hpp"
#include "storage/store.hpp"

namespace assent::services {

// What a person asked for, as typed; checked by Search. Empty strings mean "any".
struct SearchForm {
  std::string text;            // q
  std::string body;            // a body's slug
  std::optional<int> year;     // year of decision
  std::string decision_maker;  // as recorded, e.g. "Police & Crime Commissioner"
  std::string status;          // "published" or "withdrawn"
  std::string classification;  // e.g. "OFFICIAL" (any case)
  int limit = 20;              // 1..kMaxSearchLimit
  int offset = 0;              // 0..kMaxSearchOffset
};

inline constexpr int kMaxSearchLimit = 100;
inline constexpr int kMaxSearchOffset = 10000;
inline constexpr std::size_t kMaxSearchText = 200;

struct SearchRow {
  publication::PublicBody body;
  RegisterRow decision;
  std::vector<storage::SnippetPart> snippet;  // public text; `match` marks the words found
};

struct SearchPage {
  SearchForm form;
  std::vector<SearchRow> hits;  // best first
  // Matches before limit and offset, counted up to storage::kSearchCandidates: exact when
  // `capped` is false, else "more than `total`" (only the newest that many are ranked).
  int total = 0;
  bool capped = false;
  // Choices for the filters: every body on the register, every public status.
  std::vector<publication::PublicBody> bodies;
};

// The statuses a person may filter on: those a public record can have.
const std::vector<std::string_view>& PublicStatusNames();

// kInvalidInput, naming the parameter, for a text over kMaxSearchText characters, an
// unknown body or status, or a limit or offset out of range. An empty text finds nothing.
Result<SearchPage> Search(storage::Store& store, const SearchForm& form);

// A body's public register, a page at a time (the JSON API).
struct RegisterFilter {
  std::optional<int> year;
  std::string status;  // "published", "withdrawn" or empty (any public status)
  int limit = 50;      // 1..kMaxSearchLimit
  int offset = 0;      // 0..; ignored when `after` is given
  // Keyset paging: the rows after this place (RegisterCursorText of a previous slice's
  // `next_after`), at the cost of a first page however deep.
  std::optional<storage::RegisterCursor> after;
};
struct RegisterSlice {
  publication::PublicBody body;
  RegisterFilter filter;
  std::vector<RegisterRow> rows;
  bool more = false;  // a next page exists
  std::optional<storage::RegisterCursor> next_after;  // where it starts, when `more`
};

// A register cursor as the API writes it: "DATE~ID~REFERENCE" (DATE empty for an undated
// record), e.g. "2017-02-22~41~006/2017". Opaque to clients: they pass back the `next` link.
std::string RegisterCursorText(const storage::RegisterCursor& cursor);
// kInvalidInput naming `after` when the text is not such a cursor.
Result<storage::RegisterCursor> ParseRegisterCursor(std::string_view text);
// kNotFound for an unknown body; kInvalidInput for a bad status, limit or offset.
Result<RegisterSlice> ListRegister(storage::Store& store, std::string_view body,
                                   const RegisterFilter& filter);

// The newest `count` public decisions of a body, in full (for its Atom feed and CSV).
struct RegisterDecisions {
  publication::PublicBody body;
  std::vector<publication::PublicDecision> decisions;  // newest first
};
// kNotFound for an unknown body. `count` 0: every public decision.
Result<RegisterDecisions> LatestDecisions(storage::Store& store, std::string_view body,
                                          int count);

}  // namespace assent::services
