#include "web/page_cache.hpp"

#include <mutex>

namespace assent::web {

std::optional<Response> PageCache::Find(std::string_view key) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation()) return std::nullopt;
  return it->second.response;
}

void PageCache::Put(std::string key, const Response& response, std::uint64_t generation) {
  if (generation != this->generation()) return;  // rendered from data that has since changed
  std::unique_lock lock(mu_);
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.insert_or_assign(std::move(key), Entry{response, generation});
}

}  // namespace assent::web
