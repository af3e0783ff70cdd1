#pragma once
// Small string helpers shared by every layer. ASCII-only case folding: the texts are
// English, and anything outside ASCII is kept byte for byte.

#include <string>
#include <string_view>
#include <vector>

namespace assent {

std::string_view Trim(std::string_view text);
std::string ToLowerAscii(std::string_view text);
std::string ToUpperAscii(std::string_view text);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);
// Position of `needle` in `text` ignoring ASCII case, or npos.
size_t FindNoCase(std::string_view text, std::string_view needle, size_t from = 0);
std::vector<std::string_view> SplitLines(std::string_view text);
// Collapses runs of white space (space, tab, NBSP) into one space and trims.
std::string CollapseSpaces(std::string_view text);
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to);
// A valid UTF-8 sequence throughout.
bool IsValidUtf8(std::string_view text);

}  // namespace assent
