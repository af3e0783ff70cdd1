#include "import/document_bytes.hpp"

#include <array>
#include <string>

#include "core/text.hpp"
#include "import/pdf_reader.hpp"
#include "import/text_encoding.hpp"

namespace assent::import {
namespace {

struct Magic {
  std::string_view start;
  std::string_view what;
};

constexpr std::array<Magic, 8> kNotDocuments = {{
    {"PK\x03\x04", "a ZIP archive (a .docx or .odt? save it as PDF or text)"},
    {"\xD0\xCF\x11\xE0", "an old Word or Office file (.doc): save it as PDF or text"},
    {"\x89PNG", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF8", "a GIF image"},
    {"II*\x00", "a TIFF image"},
    {"MM\x00*", "a TIFF image"},
    {"{\\rtf", "an RTF file: save it as PDF or text"},
}};

}  // namespace

Result<SourceText> ReadDocumentBytes(std::string_view bytes, std::string_view source_name) {
  if (Trim(bytes).empty()) return Fail(ErrorCode::kInvalidInput, "file is empty", std::string(source_name));
  if (LooksLikePdf(bytes)) return ReadPdf(bytes, source_name);
  for (const auto& m : kNotDocuments) {
    if (bytes.substr(0, m.start.size()) == m.start) {
      return Fail(ErrorCode::kInvalidInput, std::string("not a decision document: ") + std::string(m.what),
                  std::string(source_name));
    }
  }
  auto text = DecodeText(bytes, source_name);
  if (!text) return text.error();
  return PlainSource(std::move(*text));
}

}  // namespace assent::import
