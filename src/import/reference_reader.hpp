#pragma once
// The record's own reference number, read from its header: "(N° 006 / 2017)",
// "DECISION 2018/37", "Report reference number: 097-21". Spaces around separators are
// dropped ("006 / 2017" -> "006/2017"). References quoted in the body ("as agreed in
// Decision Notice 01/2012") are outside the header and never read.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "import/field_read.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

// Looks in lines [begin, end), skipping line `skip` (the title) and long sentences.
FieldRead<std::string> FindReference(const Document& doc, size_t begin, size_t end, size_t skip);

// A reference token at text[pos] ("006 / 2017", "PCC/D/2019/07", "PCD 0123"), normalised;
// empty when there is none.
std::string ReadReferenceToken(std::string_view text, size_t pos);

// The four-digit year in a reference ("2018/37" -> 2018), if it has one.
std::optional<int> ReferenceYear(std::string_view reference);

}  // namespace assent::import
