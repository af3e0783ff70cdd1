#pragma once
// Both backends ask their engine to mark matched words with control characters
// (\x02 before, \x03 after), which never occur in stored text; this splits such a
// string into SnippetParts so that no markup ever comes out of the store.

#include <string>
#include <string_view>
#include <vector>

#include "storage/store.hpp"

namespace assent::storage {

inline constexpr char kMatchStart = '\x02';
inline constexpr char kMatchEnd = '\x03';

std::vector<SnippetPart> SplitSnippet(std::string_view marked);

}  // namespace assent::storage
