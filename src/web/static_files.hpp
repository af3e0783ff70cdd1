#pragma once
// Static assets (GOV.UK Frontend's compiled CSS and JS, Assent's own few files), read
// into memory once at start and served with cache headers from the I/O threads.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "web/http.hpp"

namespace assent::web {

struct StaticMount {
  std::string url_prefix;  // "/assets/app/"
  std::string directory;   // "<share>/static"
};

class StaticFiles {
 public:
  // Loads every regular file under each mount. A missing directory is an error naming it.
  static Result<StaticFiles> Load(const std::vector<StaticMount>& mounts);
  // The asset at this exact URL path, or nullptr.
  const Response* Find(std::string_view path) const;
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, Response, std::less<>> files_;
};

// "text/css; charset=utf-8" for ".css", and so on; application/octet-stream otherwise.
std::string_view ContentTypeFor(std::string_view filename);

}  // namespace assent::web
