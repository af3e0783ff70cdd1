#pragma once
// Rendered public pages, kept until the store changes. Every entry is tagged with the
// generation it was rendered at; Invalidate() moves the generation on, so a stale entry
// is never served. Bounded: when full, it starts again empty.
//
// Thread-safe.

#include <atomic>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "web/http.hpp"

namespace assent::web {

class PageCache {
 public:
  explicit PageCache(size_t max_entries = 20000) : max_entries_(max_entries) {}

  std::optional<Response> Find(std::string_view key) const;
  // Stores a response rendered at `generation` (read before rendering began).
  void Put(std::string key, const Response& response, std::uint64_t generation);
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  void Invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  struct Entry {
    Response response;
    std::uint64_t generation;
  };
  // Lets find() take a string_view without making a std::string on the hot path.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  size_t max_entries_;
  std::atomic<std::uint64_t> generation_{1};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>> entries_;
};

}  // namespace assent::web
