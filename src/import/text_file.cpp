#include "import/text_file.hpp"

#include "import/document_file.hpp"
#include "import/text_encoding.hpp"

namespace assent::import {

Result<std::string> ReadTextFile(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes) return bytes.error();
  return DecodeText(*bytes, path);
}

}  // namespace assent::import
