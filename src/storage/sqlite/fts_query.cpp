#include "storage/sqlite/fts_query.hpp"

namespace assent::storage::sqlite {
namespace {

// Letters and digits of any script (bytes of multi-byte UTF-8 sequences count as letters,
// as in FTS5's unicode61 tokenizer's view of them).
bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string FtsQuery(std::string_view typed) {
  std::string query;
  std::string word;
  const auto flush = [&] {
    if (word.empty()) return;
    if (!query.empty()) query += ' ';
    query += '"';
    query += word;
    query += '"';
    word.clear();
  };
  for (char c : typed) {
    if (IsWordByte(static_cast<unsigned char>(c))) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return query;
}

}  // namespace assent::storage::sqlite
