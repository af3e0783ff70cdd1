#include "import/document_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "import/document_bytes.hpp"

namespace assent::import {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

Error CannotRead(const std::string& path, int err) {
  return Fail(ErrorCode::kInvalidInput, fmt::format("cannot read file ({})", std::strerror(err)), path);
}

}  // namespace

Result<std::string> ReadFileBytes(const std::string& path) {
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return CannotRead(path, errno);
  std::string bytes;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) bytes.append(buffer, n);
  // Reading a directory "succeeds" at fopen on Linux and fails here with EISDIR.
  if (std::ferror(file.get())) return CannotRead(path, errno != 0 ? errno : EIO);
  return bytes;
}

Result<DocumentFile> ReadDocumentFile(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes) return bytes.error();
  auto source = ReadDocumentBytes(*bytes, path);
  if (!source) return source.error();
  return DocumentFile{std::move(*bytes), std::move(*source)};
}

}  // namespace assent::import
