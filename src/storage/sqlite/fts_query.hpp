#pragma once
// Turns words as a person typed them into an FTS5 query that cannot be a syntax error:
// each word becomes a quoted string, all must match ("ict strategy" -> "ict" "strategy").
// Punctuation separates words; FTS5 operators and quotes typed by the user are just text.

#include <string>
#include <string_view>

namespace assent::storage::sqlite {

// Empty when the text holds no words.
std::string FtsQuery(std::string_view typed);

}  // namespace assent::storage::sqlite
