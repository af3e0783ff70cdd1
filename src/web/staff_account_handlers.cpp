// Staff handlers for signing in and out, the password, the staff home and the accounts
// list; and the helpers every staff handler shares.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <set>

#include "accounts/secrets.hpp"
#include "core/instant.hpp"
#include "core/text.hpp"
#include "services/workflow.hpp"
#include "web/cookies.hpp"
#include "web/handlers.hpp"
#include "services/compliance.hpp"
#include "services/import_review.hpp"
#include "web/staff_handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";

std::string_view TitleFor(int status) {
  switch (status) {
    case 400: return "There is a problem with the request";
    case 403: return "You cannot do this";
    case 404: return "Page not found";
    case 409: return "This cannot be done now";
    case 503: return "Sorry, the service is unavailable";
    default: return "Sorry, there is a problem with the service";
  }
}

// A pre-session token as NewToken makes it: 43 characters of base64url.
bool LooksLikeToken(std::string_view t) {
  if (t.size() != 43) return false;
  for (char c : t) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

std::string Sentence(std::string_view message) {
  std::string s(message);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::string_view StaffCall::Param(std::string_view name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string_view() : std::string_view(it->second);
}

render::StaffChrome ChromeFor(const services::CurrentSession* current) {
  render::StaffChrome c;
  if (!current) return c;
  c.signed_in = true;
  c.display_name = current->user.display_name;
  c.username = current->user.username;
  c.csrf = current->session.csrf_token;
  c.administrator = current->user.IsAdministrator();
  return c;
}

Response StaffHtml(int status, std::string body, const std::vector<Header>& extra) {
  return MakeResponse(status, kHtml, std::move(body), kStaffCache, extra);
}

Response StaffErrorPage(const Site& site, const services::CurrentSession* current, int status,
                        std::string_view message) {
  render::StaffPages pages(site.html);
  return StaffHtml(status, pages.Error(ChromeFor(current), status, TitleFor(status), message));
}

Response SeeOther(std::string_view location, const std::vector<std::string>& set_cookies) {
  std::vector<Header> extra = {{"Location", std::string(location)}};
  for (const auto& c : set_cookies) extra.push_back({"Set-Cookie", c});
  return MakeResponse(303, "text/plain; charset=utf-8", "See " + std::string(location) + "\n",
                      kStaffCache, extra);
}

std::string SafeNext(std::string_view next) {
  bool ok = !next.empty() && next[0] == '/' && next.substr(0, 2) != "//" && next.substr(0, 2) != "/\\" &&
            next.size() < 2000;
  for (char c : next) ok = ok && static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '\\';
  if (!ok || next.substr(0, 14) == "/staff/sign-in") return "/staff";
  return std::string(next);
}

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

render::FieldError RefusalFor(const Error& e, std::initializer_list<std::string_view> fields) {
  if (e.code == ErrorCode::kInternal) {
    spdlog::error("staff action failed: {}", e.ToString());
    return {"", "Sorry, something went wrong on our side. Nothing was changed. Please try again."};
  }
  if (e.code == ErrorCode::kUnavailable) {
    spdlog::warn("staff action failed: {}", e.ToString());
    return {"", "The register is not available at the moment. Nothing was changed. Please try again later."};
  }
  std::string field;
  std::string where = ToLowerAscii(e.where);
  for (auto f : fields) {
    if (!where.empty() && where.find(f) != std::string::npos) {
      field = std::string(f);
      break;
    }
  }
  return {field, Sentence(e.message)};
}

Response SignInPage(const StaffCall& call, Site& site) {
  std::string next = SafeNext(QueryParam(call.req.query, "next").value_or(""));
  if (call.current) return SeeOther(next);
  std::vector<Header> extra;
  std::string token(call.presession);
  if (!LooksLikeToken(token)) {
    token = accounts::NewToken();
    extra.push_back({"Set-Cookie", SetCookieValue(PresessionCookieName(site.cookie_secure), token,
                                                  {.secure = site.cookie_secure})});
  }
  render::SignInView view;
  view.next = next;
  view.csrf = token;
  view.signed_out = QueryParam(call.req.query, "signed_out").value_or("") == "1";
  return StaffHtml(200, render::StaffPages(site.html).SignIn(view), extra);
}

Response SignInPost(const StaffCall& call, Site& site) {
  render::SignInView view;
  view.username = std::string(Trim(call.form.Get("username")));
  view.next = SafeNext(call.form.Get("next"));
  view.csrf = std::string(call.presession);
  std::string_view password = call.form.Get("password");
  if (view.username.empty()) view.errors.push_back({"username", "Enter your username"});
  if (password.empty()) view.errors.push_back({"password", "Enter your password"});
  if (!view.errors.empty()) return StaffHtml(400, render::StaffPages(site.html).SignIn(view));

  auto signed_in = services::SignIn(site.store, view.username, password, Instant::Now());
  if (!signed_in) {
    view.errors.push_back(RefusalFor(signed_in.error()));
    return StaffHtml(HttpStatus(signed_in.error().code), render::StaffPages(site.html).SignIn(view));
  }
  // Signing in again replaces the session this browser had.
  if (!call.session_token.empty()) (void)services::SignOut(site.store, call.session_token, Instant::Now());
  const bool secure = site.cookie_secure;
  std::vector<std::string> cookies = {
      SetCookieValue(SessionCookieName(secure), signed_in->token,
                     {.secure = secure, .max_age = accounts::kSessionSeconds}),
      SetCookieValue(PresessionCookieName(secure), "", {.secure = secure, .max_age = 0}),
  };
  spdlog::info("{} signed in from {}", signed_in->user.username, call.req.remote);
  if (signed_in->user.must_change_password) return SeeOther("/staff/password", cookies);
  return SeeOther(view.next, cookies);
}

Response SignOutPost(const StaffCall& call, Site& site) {
  auto done = services::SignOut(site.store, call.session_token, Instant::Now());
  if (!done && done.error().code != ErrorCode::kNotFound) {
    return StaffErrorPage(site, call.current, HttpStatus(done.error().code), RefusalFor(done.error()).message);
  }
  return SeeOther("/staff/sign-in?signed_out=1",
                  {SetCookieValue(SessionCookieName(site.cookie_secure), "",
                                  {.secure = site.cookie_secure, .max_age = 0})});
}

Response PasswordPage(const StaffCall& call, Site& site) {
  render::PasswordView view;
  view.must_change = call.current->user.must_change_password;
  return StaffHtml(200, render::StaffPages(site.html).Password(ChromeFor(call.current), view));
}

Response PasswordPost(const StaffCall& call, Site& site) {
  render::PasswordView view;
  view.must_change = call.current->user.must_change_password;
  std::string_view current = call.form.Get("current");
  std::string_view next = call.form.Get("new_password");
  std::string_view confirm = call.form.Get("confirm");
  if (current.empty()) view.errors.push_back({"current", "Enter your current password"});
  if (next.empty()) {
    view.errors.push_back({"new_password", "Enter a new password"});
  } else if (next != confirm) {
    view.errors.push_back({"confirm", "The new passwords do not match"});
  }
  render::StaffPages pages(site.html);
  if (!view.errors.empty()) return StaffHtml(400, pages.Password(ChromeFor(call.current), view));
  auto changed = services::ChangePassword(site.store, call.current->user, current, next, Instant::Now(),
                                         call.session_token);
  if (!changed) {
    auto refusal = RefusalFor(changed.error(), {"current", "new_password", "password"});
    if (refusal.field == "password") refusal.field = "new_password";
    view.errors.push_back(refusal);
    return StaffHtml(HttpStatus(changed.error().code), pages.Password(ChromeFor(call.current), view));
  }
  return SeeOther("/staff?done=password");
}

Response StaffHomePage(const StaffCall& call, Site& site) {
  const auto& user = call.current->user;
  services::WorkflowSetup setup{*site.catalogue, site.base_url};
  auto lists = services::GetWorkLists(site.store, setup, services::ActorFor(user));
  if (!lists) return StaffErrorPage(site, call.current, HttpStatus(lists.error().code), RefusalFor(lists.error()).message);
  auto bodies = site.store.ListBodies();
  if (!bodies) return StaffErrorPage(site, call.current, HttpStatus(bodies.error().code), RefusalFor(bodies.error()).message);
  std::map<std::string, std::string, std::less<>> names;
  render::HomeView view;
  for (const auto& b : *bodies) {
    names[b.slug] = b.name;
    if (user.HasRole(b.slug, "originating_officer") || user.HasRole(b.slug, "governance_officer")) {
      view.may_start.push_back(b);
    }
    if (services::MayViewCompliance(b.slug, services::ActorFor(user))) view.compliance.push_back(b);
  }
  auto row = [&](const services::WorkItem& w) {
    render::WorkRow r;
    r.id = w.decision.id;
    r.reference = w.decision.reference;
    r.title = w.decision.title;
    auto it = names.find(w.decision.body);
    r.body_name = it == names.end() ? w.decision.body : it->second;
    r.status = w.decision.status;
    r.waiting_for = w.waiting_for;
    return r;
  };
  view.may_review_imports = services::MayReviewAnyImports(services::ActorFor(user));
  for (const auto& w : lists->waiting_for_me) view.waiting.push_back(row(w));
  for (const auto& w : lists->my_drafts) view.drafts.push_back(row(w));
  if (QueryParam(call.req.query, "done").value_or("") == "password") {
    view.notice = "Your password has been changed.";
  }
  return StaffHtml(200, render::StaffPages(site.html).Home(ChromeFor(call.current), view));
}

Response UsersPage(const StaffCall& call, Site& site) {
  auto users = services::ListUsersFor(site.store, call.current->user);
  if (!users) return StaffErrorPage(site, call.current, HttpStatus(users.error().code), RefusalFor(users.error()).message);
  render::UsersView view;
  view.users = std::move(*users);  // only the accounts this administrator may see, without hashes
  view.now = Instant::Now().unix_seconds;
  return StaffHtml(200, render::StaffPages(site.html).Users(ChromeFor(call.current), view));
}

}  // namespace assent::web
