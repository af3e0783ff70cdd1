#pragma once
// The request pipeline, independent of the HTTP library: the fast path answers static
// assets and cached public pages on the I/O thread; everything else goes through the
// route table on a worker thread, where access is checked before any handler runs.

#include <atomic>
#include <condition_variable>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "web/page_cache.hpp"
#include "web/routes.hpp"
#include "web/static_files.hpp"

namespace assent::web {

class Service {
 public:
  Service(Site site, const StaticFiles& files, PageCache& cache)
      : site_(site), files_(files), cache_(cache) {}

  // Answers from memory without blocking, or nullopt when the request needs Handle().
  std::optional<Response> TryFast(const Request& req) const;
  // Full handling; may block on the store. Never throws.
  Response Handle(const Request& req);

 private:
  Response Dispatch(const Request& req);
  Site site_;
  const StaticFiles& files_;
  PageCache& cache_;
};

// Polls the store's change token and invalidates the page cache when another writer
// (another process, such as `assent import`) has committed; then calls `on_change`, if
// given, on the watcher's thread (e.g. to take up a calendar imported meanwhile).
class ChangeWatcher {
 public:
  ChangeWatcher(storage::Store& store, PageCache& cache, std::chrono::milliseconds interval,
                std::function<void()> on_change = {});
  ~ChangeWatcher();
  ChangeWatcher(const ChangeWatcher&) = delete;
  ChangeWatcher& operator=(const ChangeWatcher&) = delete;

 private:
  void Run();
  storage::Store& store_;
  PageCache& cache_;
  std::chrono::milliseconds interval_;
  std::function<void()> on_change_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace assent::web
