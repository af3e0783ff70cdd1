#pragma once
// Posted forms: application/x-www-form-urlencoded and multipart/form-data (RFC 7578)
// bodies parsed into named fields and uploaded files. Pure functions, no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace assent::web {

struct UploadedFile {
  std::string field;         // the form field's name
  std::string filename;      // as the browser sent it, without any directory part
  std::string content_type;  // as the browser sent it; "application/octet-stream" if none
  std::string bytes;
};

struct FormData {
  // Text fields in the order sent. Line breaks are normalised to "\n".
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<UploadedFile> files;

  // The first value of a field, or empty.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Every value of a field (checkboxes, repeated names), in order.
  std::vector<std::string_view> All(std::string_view name) const;
  // The first file sent under this field name, or nullptr.
  const UploadedFile* File(std::string_view name) const;
};

// Limits against hostile bodies.
inline constexpr std::size_t kMaxFormParts = 500;
inline constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

// "a=1&b=x+y%21" -> {a: "1", b: "x y!"}. kInvalidInput for a malformed escape.
Result<FormData> ParseUrlEncoded(std::string_view body);

// The boundary parameter of a multipart/form-data Content-Type, unquoted; nullopt when
// the type is not multipart/form-data or has no valid boundary (1-70 characters).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// A multipart/form-data body with the given boundary. kInvalidInput naming the problem
// ("part 3 has no Content-Disposition name") for a malformed body.
Result<FormData> ParseMultipart(std::string_view body, std::string_view boundary);

// By Content-Type: urlencoded, multipart, or (no body) empty. kInvalidInput for any
// other type, so a form post is never read from a JSON or text body.
Result<FormData> ParseFormBody(std::string_view content_type, std::string_view body);

}  // namespace assent::web
