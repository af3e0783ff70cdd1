#include "web/service.hpp"

#include <spdlog/spdlog.h>

#include <exception>

#include "web/handlers.hpp"
#include "web/staff_gate.hpp"

namespace assent::web {
namespace {

bool IsReadMethod(Method m) { return m == Method::kGet || m == Method::kHead; }

Response Conditional(const Request& req, const Response& r) {
  if (auto not_modified = NotModifiedIfMatches(r, req.Header("if-none-match"))) return *not_modified;
  return r;
}

}  // namespace

std::optional<Response> Service::TryFast(const Request& req) const {
  if (!IsReadMethod(req.method)) return std::nullopt;
  if (const Response* asset = files_.Find(req.path)) return Conditional(req, *asset);
  if (auto cached = cache_.Find(req.target)) return Conditional(req, *cached);
  return std::nullopt;
}

Response Service::Handle(const Request& req) {
  try {
    return Dispatch(req);
  } catch (const std::exception& e) {
    // Foreign exceptions stop here: a generic page for the reader, detail for the log.
    spdlog::error("internal error on {}: {}", req.path, e.what());
  } catch (...) {
    spdlog::error("internal error on {}: unknown exception", req.path);
  }
  return ErrorPage(site_, 500, "Sorry, something went wrong on our side. Please try again later.");
}

Response Service::Dispatch(const Request& req) {
  if (auto fast = TryFast(req)) return *fast;
  if (req.path.size() > 1 && req.path.back() == '/') {
    std::string to = req.path.substr(0, req.path.size() - 1);
    if (to.find("//") == std::string::npos) {
      return MakeResponse(301, "text/plain; charset=utf-8", "Moved to " + to + "\n", "no-cache",
                          {{"Location", to}});
    }
  }
  RouteParams params;
  std::string allow;  // the methods the path answers, for a 405
  for (const Route& route : Routes()) {
    if (!MatchRoute(route.pattern, req.path, params)) continue;
    std::string_view name = route.method == Method::kPost ? "POST" : "GET, HEAD";
    if (allow.find(name) == std::string::npos) {
      if (!allow.empty()) allow += ", ";
      allow += name;
    }
    bool method_ok = route.method == req.method ||
                     (route.method == Method::kGet && req.method == Method::kHead);
    if (!method_ok) continue;
    if (route.access != Access::kPublic) {
      // Sign-in, role and CSRF are checked there, before the handler; never cached.
      return StaffDispatch(route, req, params, site_);
    }
    std::uint64_t generation = cache_.generation();
    Response r = route.handler(req, params, site_);
    if (r.status >= 500) spdlog::warn("{} {} -> {}", req.remote, req.path, r.status);
    if (route.cacheable && r.status == 200) cache_.Put(req.target, r, generation);
    return Conditional(req, r);
  }
  if (!allow.empty()) {
    return MakeResponse(405, "text/plain; charset=utf-8", "Method not allowed\n", "no-store",
                        {{"Allow", allow}});
  }
  if (req.path.starts_with("/api/")) return ApiNotFound();
  return ErrorPage(site_, 404,
                   "If you typed the web address, check it is correct. If you followed a link, "
                   "the decision may not have been published yet.");
}

ChangeWatcher::ChangeWatcher(storage::Store& store, PageCache& cache,
                             std::chrono::milliseconds interval, std::function<void()> on_change)
    : store_(store),
      cache_(cache),
      interval_(interval),
      on_change_(std::move(on_change)),
      thread_([this] { Run(); }) {}

ChangeWatcher::~ChangeWatcher() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ChangeWatcher::Run() {
  std::optional<std::uint64_t> last;
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    auto token = store_.ChangeToken();
    if (token && last && *token != *last) {
      cache_.Invalidate();
      if (on_change_) on_change_();
    }
    if (token) last = *token;
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stop_; });
  }
}

}  // namespace assent::web
