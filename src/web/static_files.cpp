#include "web/static_files.hpp"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace assent::web {

std::string_view ContentTypeFor(std::string_view filename) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
  }};
  for (const auto& [ext, type] : kTypes) {
    if (filename.size() >= ext.size() && filename.substr(filename.size() - ext.size()) == ext) {
      return type;
    }
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const std::vector<StaticMount>& mounts) {
  namespace fs = std::filesystem;
  StaticFiles out;
  for (const auto& m : mounts) {
    std::error_code ec;
    if (!fs::is_directory(m.directory, ec)) {
      return Fail(ErrorCode::kUnavailable,
                  fmt::format("static asset directory is missing (run the README's first command "
                              "to build the front-end assets)"),
                  m.directory);
    }
    for (auto it = fs::recursive_directory_iterator(m.directory, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      std::string rel = fs::relative(it->path(), m.directory).generic_string();
      std::string url = m.url_prefix + rel;
      out.files_.insert_or_assign(
          url, MakeResponse(200, ContentTypeFor(rel), ss.str(), "public, max-age=86400"));
    }
    if (ec) return Fail(ErrorCode::kUnavailable, ec.message(), m.directory);
  }
  return out;
}

const Response* StaticFiles::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace assent::web
