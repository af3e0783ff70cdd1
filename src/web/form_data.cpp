#include "web/form_data.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

std::string NormaliseNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

Error Bad(std::string message) { return Fail(ErrorCode::kInvalidInput, std::move(message), "form"); }

// A header parameter's value: `name=value` or `name="va\"lue"`, searched in `params`
// (the text after the header's first ';'). nullopt when absent.
std::optional<std::string> HeaderParam(std::string_view params, std::string_view name) {
  size_t i = 0;
  while (i < params.size()) {
    while (i < params.size() && (params[i] == ' ' || params[i] == '\t' || params[i] == ';')) ++i;
    size_t eq = params.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    std::string key = ToLowerAscii(Trim(params.substr(i, eq - i)));
    size_t v = eq + 1;
    std::string value;
    if (v < params.size() && params[v] == '"') {
      ++v;
      while (v < params.size() && params[v] != '"') {
        if (params[v] == '\\' && v + 1 < params.size()) ++v;
        value.push_back(params[v]);
        ++v;
      }
      ++v;  // closing quote
      size_t semi = params.find(';', v);
      i = semi == std::string_view::npos ? params.size() : semi + 1;
    } else {
      size_t semi = params.find(';', v);
      size_t end = semi == std::string_view::npos ? params.size() : semi;
      value = std::string(Trim(params.substr(v, end - v)));
      i = end == params.size() ? end : end + 1;
    }
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string Basename(std::string_view filename) {
  size_t cut = filename.find_last_of("/\\");
  if (cut != std::string_view::npos) filename.remove_prefix(cut + 1);
  return std::string(filename);
}

}  // namespace

std::string_view FormData::Get(std::string_view name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return {};
}

bool FormData::Has(std::string_view name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return true;
  }
  return false;
}

std::vector<std::string_view> FormData::All(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : fields) {
    if (k == name) out.push_back(v);
  }
  return out;
}

const UploadedFile* FormData::File(std::string_view name) const {
  for (const auto& f : files) {
    if (f.field == name) return &f;
  }
  return nullptr;
}

Result<FormData> ParseUrlEncoded(std::string_view body) {
  FormData form;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    if (!pair.empty()) {
      if (form.fields.size() >= kMaxFormParts) return Bad("too many form fields");
      size_t eq = pair.find('=');
      auto key = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!key || !value) return Bad("a form field is not properly encoded");
      form.fields.emplace_back(std::move(*key), NormaliseNewlines(*value));
    }
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return form;
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  size_t semi = content_type.find(';');
  if (ToLowerAscii(Trim(content_type.substr(0, semi))) != "multipart/form-data") return std::nullopt;
  if (semi == std::string_view::npos) return std::nullopt;
  auto boundary = HeaderParam(content_type.substr(semi + 1), "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

Result<FormData> ParseMultipart(std::string_view body, std::string_view boundary) {
  FormData form;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;
  // The first delimiter: at the very start, or after a preamble ending in CRLF.
  size_t pos;
  if (body.substr(0, delimiter.size()) == delimiter) {
    pos = delimiter.size();
  } else {
    size_t found = body.find(next_delimiter);
    if (found == std::string_view::npos) return Bad("the upload has no parts");
    pos = found + next_delimiter.size();
  }
  for (size_t part = 1;; ++part) {
    if (body.substr(pos, 2) == "--") return form;  // the close delimiter
    // Transport padding, then CRLF.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return Bad(fmt::format("part {} does not start on a new line", part));
    pos += 2;
    if (part > kMaxFormParts) return Bad("too many form fields");
    size_t header_end = body.find("\r\n\r\n", pos);
    std::string_view headers;
    size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {  // no headers at all
      content_start = pos + 2;
    } else {
      if (header_end == std::string_view::npos || header_end - pos > kMaxPartHeaderBytes) {
        return Bad(fmt::format("part {} has no end to its headers", part));
      }
      headers = body.substr(pos, header_end - pos);
      content_start = header_end + 4;
    }
    size_t content_end = body.find(next_delimiter, content_start);
    if (content_end == std::string_view::npos) {
      return Bad(fmt::format("part {} is not closed (the upload was cut short?)", part));
    }
    std::string_view content = body.substr(content_start, content_end - content_start);

    std::optional<std::string> name;
    std::optional<std::string> filename;
    std::string content_type;
    for (auto line : SplitLines(headers)) {
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string key = ToLowerAscii(Trim(line.substr(0, colon)));
      std::string_view value = Trim(line.substr(colon + 1));
      if (key == "content-disposition") {
        size_t semi = value.find(';');
        if (ToLowerAscii(Trim(value.substr(0, semi))) != "form-data" || semi == std::string_view::npos) {
          return Bad(fmt::format("part {} is not form-data", part));
        }
        name = HeaderParam(value.substr(semi + 1), "name");
        filename = HeaderParam(value.substr(semi + 1), "filename");
      } else if (key == "content-type") {
        content_type = std::string(value);
      }
    }
    if (!name) return Bad(fmt::format("part {} has no Content-Disposition name", part));
    if (filename) {
      form.files.push_back({std::move(*name), Basename(*filename),
                            content_type.empty() ? "application/octet-stream" : content_type,
                            std::string(content)});
    } else {
      form.fields.emplace_back(std::move(*name), NormaliseNewlines(content));
    }
    pos = content_end + next_delimiter.size();
  }
}

Result<FormData> ParseFormBody(std::string_view content_type, std::string_view body) {
  std::string type = ToLowerAscii(Trim(content_type.substr(0, content_type.find(';'))));
  if (type == "application/x-www-form-urlencoded") return ParseUrlEncoded(body);
  if (type == "multipart/form-data") {
    auto boundary = MultipartBoundary(content_type);
    if (!boundary) return Bad("the upload has no valid boundary");
    return ParseMultipart(body, *boundary);
  }
  if (type.empty() && body.empty()) return FormData{};
  return Bad("this address only accepts forms");
}

}  // namespace assent::web
