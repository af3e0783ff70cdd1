// The staff side over HTTP: the real server on a loopback port, a SQLite store with the
// demo bodies and their real forms, accounts made with services::AddUser, decisions
// moved along with the workflow services. The permission matrix asks every staff route
// as every role (and signed out) and checks each answer; the CSRF, sign-in, session,
// cache and Part 2 rules are checked on the wire.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <functional>
#include <map>

#include "accounts/secrets.hpp"
#include "core/instant.hpp"
#include "services/accounts.hpp"
#include "services/compliance.hpp"
#include "services/import_records.hpp"
#include "services/publication.hpp"
#include "services/strategy_files.hpp"
#include "services/workflow.hpp"
#include "tests/support/files.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/web_site.hpp"
#include "web/routes.hpp"
#include "workflow/chain.hpp"

namespace assent::web {
namespace {

using testing_support::HttpReply;

constexpr const char* kMarker = "PART2-STAFF-SECRET-4e1d";
constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kStrategy = "/staff/strategies/cumbria/ict-2015-2019";
constexpr const char* kWan = "/staff/strategies/cumbria/ict-2015-2019/deliverables/wan-replacement";
constexpr const char* kSessionCookie = "__Host-assent_session";
constexpr const char* kPresessionCookie = "__Host-assent_presession";

// The columns of the permission matrix.
enum Col { kOut, kOO, kGO, kCE, kDCE, kCFO, kPCC, kDPCC, kLaCC, kAdmin, kCols };
constexpr std::array<const char*, kCols> kColNames = {
    "signed out", "cu_oo", "cu_go", "cu_ce", "cu_dce", "cu_cfo", "cu_pcc", "cu_dpcc", "la_cc", "admin"};

struct Account {
  const char* username;
  const char* name;
  const char* roles;
};
constexpr Account kAccounts[] = {
    {"cu_oo", "Olive Originator", "cumbria:originating_officer"},
    {"cu_go", "Gareth Governance", "cumbria:governance_officer"},
    {"cu_ce", "Chris Executive", "cumbria:chief_executive"},
    {"cu_dce", "Dana Deputy", "cumbria:deputy_chief_executive"},
    {"cu_cfo", "Frances Finance", "cumbria:chief_finance_officer"},
    {"cu_pcc", "Peter Commissioner", "cumbria:commissioner"},
    {"cu_dpcc", "Debbie Deputy", "cumbria:deputy_commissioner"},
    {"la_cc", "Carl Constable", "lancashire:chief_constable"},
    {"admin", "Ada Admin", "*:administrator"},
    {"la_oo", "Laura Originator", "lancashire:originating_officer"},
    {"la_mo", "Mo Monitoring", "lancashire:monitoring_officer"},
    {"la_pcc", "Lancashire Commissioner", "lancashire:commissioner"},
    {"locky", "Lock Out", "cumbria:originating_officer"},
    {"changer", "Must Change", "cumbria:originating_officer"},
};

// A browser: its cookies and the CSRF token of its session.
struct Agent {
  std::string cookie;  // "name=value; name=value"
  std::string csrf;
};

std::string Encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Form(std::initializer_list<std::pair<std::string, std::string>> fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += Encode(k) + "=" + Encode(v);
  }
  return out;
}

// Every Set-Cookie header of a reply (the reply's map keeps only one per name).
std::vector<std::string> SetCookies(const HttpReply& r) {
  std::vector<std::string> out;
  size_t end = r.raw.find("\r\n\r\n");
  size_t pos = 0;
  while ((pos = r.raw.find("\r\nSet-Cookie: ", pos)) != std::string::npos && pos < end) {
    pos += 14;
    out.push_back(r.raw.substr(pos, r.raw.find("\r\n", pos) - pos));
  }
  return out;
}

// The value a Set-Cookie gives `name`, or nullopt.
std::optional<std::string> CookieSet(const HttpReply& r, const std::string& name) {
  for (const auto& c : SetCookies(r)) {
    if (c.rfind(name + "=", 0) == 0) return c.substr(name.size() + 1, c.find(';') - name.size() - 1);
  }
  return std::nullopt;
}

// The first hidden csrf field of a page.
std::string CsrfOf(const std::string& body) {
  const std::string key = "name=\"csrf\" value=\"";
  size_t at = body.find(key);
  if (at == std::string::npos) return {};
  at += key.size();
  return body.substr(at, body.find('"', at) - at);
}

class StaffHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    env_ = new Env();
    env_->Start();
  }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }

  struct Env {
    testing_support::WebSite site;
    std::map<std::string, accounts::User> users;
    std::map<std::string, Agent> agents;  // signed in once for the suite
    strategy::Catalogue strategies;       // the demo's, for the strategy register's staff pages
    std::uint16_t port = 0;

    void Start() {
      site.Open("staff.db");
      for (const auto& a : kAccounts) {
        auto roles = accounts::ParseRoleGrants(a.roles);
        ASSERT_TRUE(roles) << roles.error().ToString();
        services::NewUser u{a.username, a.name, std::string(a.username) + "@example.org", kPassword, *roles};
        auto added = services::AddUser(site.store(), u, services::AuditActor{}, Instant::Now());
        ASSERT_TRUE(added) << a.username << ": " << added.error().ToString();
        users[a.username] = *added;
      }
      auto loaded = services::LoadStrategies(testing_support::SourceDir() + "/demo/strategies");
      ASSERT_TRUE(loaded) << loaded.error().ToString();
      strategies = std::move(*loaded);
      testing_support::WebSite::Serving serving;
      serving.server.io_threads = 2;
      serving.server.worker_threads = 2;
      serving.server.body_limit = 64 * 1024;
      serving.strategies = &strategies;
      site.Start(serving);
      port = site.port();
    }
  };
  static Env* env_;

  static storage::Store& store() { return env_->site.store(); }
  static services::WorkflowSetup Workflow() { return {env_->site.catalogue(), "http://127.0.0.1"}; }
  static workflow::Actor ActorOf(const std::string& username) {
    return services::ActorFor(env_->users.at(username));
  }
  static std::string Host() { return "127.0.0.1:" + std::to_string(env_->port); }

  static HttpReply Send(const std::string& method, const std::string& target, const Agent* agent,
                        const std::string& body = "",
                        const std::string& content_type = "application/x-www-form-urlencoded",
                        const std::string& extra_headers = "") {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: " + Host() + "\r\n";
    if (agent && !agent->cookie.empty()) req += "Cookie: " + agent->cookie + "\r\n";
    if (method == "POST") {
      if (extra_headers.find("Origin:") == std::string::npos) req += "Origin: http://" + Host() + "\r\n";
      req += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    req += extra_headers + "Connection: close\r\n\r\n" + body;
    return testing_support::SendRaw(env_->port, req);
  }
  static HttpReply Get(const std::string& target, const Agent* agent = nullptr) {
    return Send("GET", target, agent);
  }
  static HttpReply Post(const std::string& target, const Agent& agent, std::string body) {
    if (!agent.csrf.empty()) body = "csrf=" + Encode(agent.csrf) + (body.empty() ? "" : "&" + body);
    return Send("POST", target, &agent, body);
  }

  // Signs in through the pages, as a browser does.
  static Agent SignIn(const std::string& username, const std::string& password = kPassword) {
    auto page = Get("/staff/sign-in");
    EXPECT_EQ(page.status, 200);
    auto pre = CookieSet(page, kPresessionCookie);
    EXPECT_TRUE(pre.has_value());
    Agent tmp{std::string(kPresessionCookie) + "=" + pre.value_or(""), CsrfOf(page.body)};
    EXPECT_EQ(tmp.csrf, pre.value_or("?"));
    auto r = Post("/staff/sign-in", tmp, Form({{"username", username}, {"password", password}}));
    EXPECT_EQ(r.status, 303) << username << ": " << r.body.substr(0, 2000);
    auto token = CookieSet(r, kSessionCookie);
    Agent a{std::string(kSessionCookie) + "=" + token.value_or(""), ""};
    auto home = Get("/staff", &a);
    a.csrf = CsrfOf(home.body);
    return a;
  }

  // A fresh session made in process (no page round trip), for cells that end sessions.
  static Agent FreshSession(const std::string& username) {
    auto s = services::SignIn(store(), username, kPassword, Instant::Now());
    EXPECT_TRUE(s) << s.error().ToString();
    return Agent{std::string(kSessionCookie) + "=" + s->token, s->session.csrf_token};
  }

  static const Agent& AgentFor(const std::string& username) {
    auto it = env_->agents.find(username);
    if (it == env_->agents.end()) it = env_->agents.emplace(username, SignIn(username)).first;
    return it->second;
  }

  // Decisions moved along with the workflow services, as the named people.
  static decisions::Decision Load(std::int64_t id) {
    auto d = store().FindDecisionById(id);
    EXPECT_TRUE(d) << d.error().ToString();
    return *d;
  }
  static std::int64_t NewDraft(const std::string& body = "cumbria", const std::string& author = "cu_oo",
                               const std::string& title = "Custody CCTV replacement") {
    auto id = services::CreateDraft(store(), Workflow(), body, title, ActorOf(author), Instant::Now());
    EXPECT_TRUE(id) << id.error().ToString();
    workflow::DraftEdit e;
    e.title = title;
    e.category = "general";  // not reserved, no amount: the commissioner or deputy decides
    e.sections = {{"executive_summary", "", decisions::Part::kPart1, "Replace the custody suite cameras."},
                  {"recommendation", "", decisions::Part::kPart1, "Approve the purchase."},
                  {"part2", "", decisions::Part::kPart2, std::string("Tender prices: ") + kMarker}};
    auto edited = services::EditDraft(store(), Workflow(), *id, Load(*id).version, e, ActorOf(author), Instant::Now());
    EXPECT_TRUE(edited) << edited.error().ToString();
    return *id;
  }
  static std::int64_t Submitted(const std::string& body = "cumbria", const std::string& author = "cu_oo",
                                const std::string& title = "Custody CCTV replacement") {
    std::int64_t id = NewDraft(body, author, title);
    workflow::SignInput in;
    in.declaration_confirmed = true;
    in.content_hash = workflow::ContentHash(Load(id));
    auto done = services::Submit(store(), Workflow(), id, in, ActorOf(author), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }
  static std::int64_t CeSigned(const std::string& title = "Custody CCTV replacement") {
    std::int64_t id = Submitted("cumbria", "cu_oo", title);
    workflow::SignInput in;
    in.step = "opcc_officer";
    in.capacity = "Chief Executive";
    in.advice = "Content to proceed.";
    in.declaration_confirmed = true;
    in.content_hash = workflow::ContentHash(Load(id));
    auto done = services::Sign(store(), Workflow(), id, in, ActorOf("cu_ce"), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }
  static std::int64_t Decided(const std::string& title = "Custody CCTV replacement") {
    std::int64_t id = CeSigned(title);
    workflow::DecideInput in;
    in.step = "commissioner";
    in.outcome = decisions::Outcome::kApproved;
    in.reasons = "Value for money.";
    in.no_interests = true;
    in.declaration_confirmed = true;
    in.content_hash = workflow::ContentHash(Load(id));
    auto done = services::Decide(store(), Workflow(), id, in, ActorOf("cu_pcc"), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }
  // Decided, with a plan set by the chief executive (publish, or a plan given).
  static std::int64_t Planned(const std::string& title = "Custody CCTV replacement",
                              publication::PlanInput plan = {decisions::PlanKind::kPublish}) {
    std::int64_t id = Decided(title);
    auto done = services::SetPublicationPlan(store(), Workflow(), id, plan, ActorOf("cu_ce"), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }
  static std::int64_t Published(const std::string& title = "Custody CCTV replacement") {
    std::int64_t id = Planned(title);
    auto done = services::Publish(store(), Workflow(), id, ActorOf("cu_ce"), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }
  static std::int64_t WithProposedRedaction() {
    std::int64_t id = Planned();
    publication::RedactionProposal p{decisions::RedactionTarget::kSpan, "executive_summary", "", "custody suite",
                                     "identifies the site", "s31"};
    auto done = services::ProposeRedaction(store(), Workflow(), id, p, ActorOf("cu_go"), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }
  static std::int64_t WithAttachment() {
    std::int64_t id = NewDraft();
    auto done = services::AddAttachment(store(), Workflow(), id, Load(id).version, "Business case.pdf",
                                        "application/pdf", decisions::Part::kPart1, "%PDF-1.4 business case",
                                        ActorOf("cu_oo"), Instant::Now());
    EXPECT_TRUE(done) << done.error().ToString();
    return id;
  }

  static std::string D(std::int64_t id) { return "/staff/decisions/" + std::to_string(id); }

  // A Cumbria forward plan item added by the chief executive.
  static std::int64_t PlanItem(const std::string& title = "Estates strategy refresh",
                               const std::string& planned = "2026-06-01") {
    publication::ForwardPlanInput in{title, "Refresh the estates strategy for 2027-2031.",
                                     "Police & Crime Commissioner", planned, false};
    auto id = services::AddForwardPlanItem(store(), "cumbria", in, ActorOf("cu_ce"), Instant::Now());
    EXPECT_TRUE(id) << id.error().ToString();
    return *id;
  }
  static std::string Fp(std::int64_t id) { return "/staff/cumbria/forward-plan/" + std::to_string(id); }
  static std::string PlanForm(const std::string& title = "Fleet replacement", const std::string& extra = "") {
    std::string form = Form({{"title", title},
                             {"summary", "Replace 40 response vehicles."},
                             {"decision_maker", "Police & Crime Commissioner"},
                             {"planned_date", "2026-09-01"}});
    return extra.empty() ? form : form + "&" + extra;
  }

  // A Cumbria document queued for review (its outcome unknown), with a reference of its own.
  static std::int64_t Queued() {
    static int next = 100;
    int n = next++;
    std::string text = testing_support::ReadSourceFile("tests/data/import/cumbria_unmarked_outcome.txt");
    text.replace(text.find("011/2018"), 8, fmt::format("{:03}/2018", n));
    std::string path = env_->site.dir().File(fmt::format("queued_{}.txt", n));
    std::ofstream(path) << text;
    auto r = services::ImportFiles(&store(), env_->site.catalogue().forms, {path});
    EXPECT_TRUE(r) << r.error().ToString();
    EXPECT_EQ((*r)[0].status, services::ImportStatus::kQueued) << (*r)[0].message;
    return (*r)[0].review_id;
  }
  static std::string I(std::int64_t id) { return "/staff/imports/" + std::to_string(id); }
  static std::string ConfirmForm(std::int64_t id) {
    auto item = store().FindImportReview(id);
    EXPECT_TRUE(item);
    return Form({{"version", "1"},
                 {"body", "cumbria"},
                 {"reference", item->reference},
                 {"title", "Custody suite CCTV replacement"},
                 {"decision_maker_role", "Police & Crime Commissioner"},
                 {"outcome", "approved"},
                 {"decision_date", "7/3/2018"}});
  }
};

StaffHttpTest::Env* StaffHttpTest::env_ = nullptr;

// ---------------------------------------------------------------- the permission matrix

// One request of a cell: what to send as whom.
struct Cell {
  std::string path;
  std::string body;  // form fields after csrf
  std::string content_type = "application/x-www-form-urlencoded";
  std::optional<Agent> agent;  // replaces the column's suite session (fresh sessions, sign-in)
};

struct Row {
  Method method;
  std::string_view pattern;
  std::function<Cell(Col)> make;
  std::array<int, kCols> expect;  // by Col
};

std::string Multipart(const std::string& boundary, const std::string& csrf, const std::string& version) {
  return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n" +
         "--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" + version + "\r\n" +
         "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nScores\r\n" +
         "--" + boundary + "\r\nContent-Disposition: form-data; name=\"part\"\r\n\r\n2\r\n" +
         "--" + boundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scores.csv\"\r\n"
         "Content-Type: text/csv\r\n\r\nsupplier,score\r\nA,71\r\n" +
         "--" + boundary + "--\r\n";
}

TEST_F(StaffHttpTest, PermissionMatrixCoversEveryStaffRouteAndRole) {
  // Shared decisions for the read-only rows; every changing row gets a fresh decision
  // per cell, so the cells do not depend on each other.
  const std::int64_t draft = NewDraft();
  const std::int64_t submitted = Submitted();
  const std::int64_t attached = WithAttachment();
  const std::int64_t decided = Decided();
  const std::string attached_sha = Load(attached).attachments.at(0).sha256;
  const std::int64_t queued = Queued();
  const std::int64_t plan_item = PlanItem();
  std::string signed_hash;
  for (const auto& s : Load(submitted).signoffs) signed_hash = s.content_hash;
  ASSERT_FALSE(signed_hash.empty());

  const auto edit_form = [](std::int64_t id) {
    auto d = Load(id);
    return Form({{"version", std::to_string(d.version)},
                 {"title", "Custody CCTV replacement (revised)"},
                 {"category", "procurement"},
                 {"amount", "18,500"},
                 {"section.executive_summary", "Replace the cameras."},
                 {"section.recommendation", "Approve."},
                 {"section.part2", kMarker}});
  };
  const auto sign_form = [](std::int64_t id, const std::string& step, const std::string& capacity) {
    return Form({{"step", step},
                 {"capacity", capacity},
                 {"advice", "Fine."},
                 {"declaration", "yes"},
                 {"content_hash", workflow::ContentHash(Load(id))}});
  };
  const auto decide_form = [](std::int64_t id) {
    return Form({{"step", "commissioner"},
                 {"outcome", "approved"},
                 {"reasons", "Value for money."},
                 {"no_interests", "yes"},
                 {"declaration", "yes"},
                 {"content_hash", workflow::ContentHash(Load(id))}});
  };
  const auto same = [](std::string path) { return [path](Col) { return Cell{path}; }; };

  //                  O    OO   GO   CE   DCE  CFO  PCC  DPCC LaCC ADM
  const std::vector<Row> rows = {
      {Method::kGet, "/staff/sign-in", same("/staff/sign-in"),
       {200, 303, 303, 303, 303, 303, 303, 303, 303, 303}},
      {Method::kPost, "/staff/sign-in",
       [](Col c) {
         // Signed out: a stranger's name; signed in: signing in again as oneself.
         std::string pre = accounts::NewToken();
         Cell cell{"/staff/sign-in",
                   Form({{"username", c == kOut ? "nobody" : kColNames[c]}, {"password", kPassword}})};
         std::string cookie = std::string(kPresessionCookie) + "=" + pre;
         if (c != kOut) cookie += "; " + FreshSession(kColNames[c]).cookie;  // ended by signing in again
         cell.agent = Agent{cookie, pre};
         return cell;
       },
       {403, 303, 303, 303, 303, 303, 303, 303, 303, 303}},
      {Method::kPost, "/staff/sign-out",
       [](Col c) {
         Cell cell{"/staff/sign-out"};
         if (c != kOut) cell.agent = FreshSession(kColNames[c]);
         return cell;
       },
       {403, 303, 303, 303, 303, 303, 303, 303, 303, 303}},
      {Method::kGet, "/staff/password", same("/staff/password"),
       {303, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::kPost, "/staff/password",
       [](Col) {
         return Cell{"/staff/password",
                     Form({{"current", kPassword}, {"new_password", "x"}, {"confirm", "y"}})};
       },
       {403, 400, 400, 400, 400, 400, 400, 400, 400, 400}},
      {Method::kGet, "/staff", same("/staff"), {303, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::kGet, "/staff/users", same("/staff/users"),
       {303, 403, 403, 403, 403, 403, 403, 403, 403, 200}},
      {Method::kGet, "/staff/{body}/decisions/new", same("/staff/cumbria/decisions/new"),
       {303, 200, 200, 403, 403, 403, 403, 403, 403, 403}},
      {Method::kPost, "/staff/{body}/decisions/new",
       [](Col) { return Cell{"/staff/cumbria/decisions/new", Form({{"title", "Matrix draft"}})}; },
       {403, 303, 303, 403, 403, 403, 403, 403, 403, 403}},
      {Method::kGet, "/staff/decisions/{id}", same(D(draft)),
       {303, 200, 200, 200, 200, 200, 200, 200, 404, 200}},
      {Method::kGet, "/staff/decisions/{id}/edit", same(D(draft) + "/edit"),
       {303, 200, 200, 403, 403, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/edit",
       [&](Col) {
         std::int64_t id = NewDraft();
         return Cell{D(id) + "/edit", edit_form(id)};
       },
       {403, 303, 303, 403, 403, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/attachments",
       [](Col c) {
         std::int64_t id = NewDraft();
         Cell cell{D(id) + "/attachments"};
         cell.content_type = "multipart/form-data; boundary=MatrixBoundary";
         std::string csrf = c == kOut ? "" : AgentFor(kColNames[c]).csrf;
         cell.body = Multipart("MatrixBoundary", csrf, std::to_string(Load(id).version));
         return cell;
       },
       {403, 303, 303, 403, 403, 403, 403, 403, 404, 403}},
      {Method::kGet, "/staff/decisions/{id}/attachments/{sha256}",
       same(D(attached) + "/attachments/" + attached_sha),
       {303, 200, 200, 200, 200, 200, 200, 200, 404, 200}},
      {Method::kGet, "/staff/decisions/{id}/sign", same(D(draft) + "/sign"),
       {303, 200, 403, 403, 403, 403, 403, 403, 404, 403}},
      {Method::kGet, "/staff/decisions/{id}/sign", same(D(submitted) + "/sign"),
       {303, 403, 403, 200, 200, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/sign",
       [&](Col) {
         std::int64_t id = NewDraft();
         return Cell{D(id) + "/sign", sign_form(id, "originating_officer", "")};
       },
       {403, 303, 403, 403, 403, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/sign",
       [&](Col) {
         std::int64_t id = Submitted();
         return Cell{D(id) + "/sign", sign_form(id, "opcc_officer", "")};
       },
       {403, 403, 403, 303, 303, 403, 403, 403, 404, 403}},
      {Method::kGet, "/staff/decisions/{id}/decide", same(D(submitted) + "/decide"),
       {303, 403, 403, 403, 403, 403, 409, 409, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/decide",
       [&](Col) {
         std::int64_t id = CeSigned();
         return Cell{D(id) + "/decide", decide_form(id)};
       },
       {403, 403, 403, 403, 403, 403, 303, 303, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/return",
       [&](Col) { return Cell{D(Submitted()) + "/return", Form({{"reason", "Add the tender scores."}})}; },
       {403, 403, 403, 303, 303, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/withdraw",
       [&](Col) { return Cell{D(Submitted()) + "/withdraw", Form({{"reason", "No longer needed."}})}; },
       {403, 303, 303, 303, 303, 403, 303, 403, 404, 403}},
      {Method::kGet, "/staff/decisions/{id}/signed/{content_hash}",
       same(D(submitted) + "/signed/" + signed_hash),
       {303, 200, 200, 200, 200, 200, 200, 200, 404, 200}},
      // The import review queue: governance officer, chief executive, monitoring officer,
      // administrator; a Cumbria item is not found for anyone else.
      {Method::kGet, "/staff/imports", same("/staff/imports"),
       {303, 403, 200, 200, 403, 403, 403, 403, 403, 200}},
      {Method::kGet, "/staff/imports/{id}", same(I(queued)),
       {303, 404, 200, 200, 404, 404, 404, 404, 404, 200}},
      {Method::kGet, "/staff/imports/{id}/original", same(I(queued) + "/original"),
       {303, 404, 200, 200, 404, 404, 404, 404, 404, 200}},
      {Method::kPost, "/staff/imports/{id}/confirm",
       [](Col) {
         std::int64_t id = Queued();
         return Cell{I(id) + "/confirm", ConfirmForm(id)};
       },
       {403, 404, 303, 303, 404, 404, 404, 404, 404, 303}},
      {Method::kPost, "/staff/imports/{id}/reject",
       [](Col) { return Cell{I(Queued()) + "/reject", Form({{"version", "1"}, {"reason", "Not a record."}})}; },
       {403, 404, 303, 303, 404, 404, 404, 404, 404, 303}},
      // publication
      {Method::kGet, "/staff/decisions/{id}/publication", same(D(decided) + "/publication"),
       {303, 200, 200, 200, 200, 200, 200, 200, 404, 200}},
      {Method::kPost, "/staff/decisions/{id}/publication/plan",
       [&](Col) { return Cell{D(Decided()) + "/publication/plan", Form({{"plan", "publish"}})}; },
       {403, 403, 403, 303, 303, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/publication/redactions",
       [&](Col) {
         return Cell{D(Decided()) + "/publication/redactions",
                     Form({{"section", "executive_summary"}, {"text", "custody suite"}, {"ground", "s31"},
                           {"reason", "identifies the site"}})};
       },
       {403, 403, 303, 303, 303, 303, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/publication/redactions/{n}/sign-off",
       [&](Col) { return Cell{D(WithProposedRedaction()) + "/publication/redactions/1/sign-off"}; },
       {403, 403, 403, 303, 403, 303, 403, 403, 404, 403}},
      // Cancelled by its proposer (the governance officer), the chief executive or the treasurer.
      {Method::kPost, "/staff/decisions/{id}/publication/redactions/{n}/cancel",
       [&](Col) {
         return Cell{D(WithProposedRedaction()) + "/publication/redactions/1/cancel",
                     Form({{"cancel_reason", "The site is already public."}})};
       },
       {403, 403, 303, 303, 403, 303, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/publication/publish",
       [&](Col) { return Cell{D(Planned()) + "/publication/publish"}; },
       {403, 403, 303, 303, 303, 403, 403, 403, 404, 403}},
      {Method::kPost, "/staff/decisions/{id}/publication/correct",
       [&](Col) {
         return Cell{D(Published()) + "/publication/correct",
                     Form({{"change_note", "Corrected the wording"},
                           {"section.executive_summary", "Replace the custody suite cameras this year."}})};
       },
       {403, 403, 403, 303, 403, 403, 403, 403, 404, 403}},
      // Compliance: chief executive / deputy, monitoring officer, governance officer,
      // treasurer, commissioner, administrator. The forward plan: the chief executive,
      // deputy or governance officer edit it; the compliance roles may read it.
      {Method::kGet, "/staff/{body}/compliance", same("/staff/cumbria/compliance"),
       {303, 403, 200, 200, 200, 200, 200, 403, 403, 200}},
      {Method::kGet, "/staff/{body}/compliance.csv", same("/staff/cumbria/compliance.csv"),
       {303, 403, 200, 200, 200, 200, 200, 403, 403, 200}},
      {Method::kGet, "/staff/{body}/forward-plan", same("/staff/cumbria/forward-plan"),
       {303, 403, 200, 200, 200, 200, 200, 403, 403, 200}},
      {Method::kPost, "/staff/{body}/forward-plan",
       [](Col) { return Cell{"/staff/cumbria/forward-plan", PlanForm()}; },
       {403, 403, 303, 303, 303, 403, 403, 403, 403, 403}},
      {Method::kGet, "/staff/{body}/forward-plan/{id}", same(Fp(plan_item)),
       {303, 403, 200, 200, 200, 403, 403, 403, 403, 403}},
      {Method::kPost, "/staff/{body}/forward-plan/{id}",
       [](Col) { return Cell{Fp(PlanItem()), PlanForm("Estates strategy (revised)", "version=1")}; },
       {403, 403, 303, 303, 303, 403, 403, 403, 403, 403}},
      // The strategy register: only the body's strategy lead or chief executive may edit.
      {Method::kGet, "/staff/strategies", same("/staff/strategies"),
       {303, 200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {Method::kGet, "/staff/strategies/{body}/{id}", same(kStrategy),
       {303, 403, 403, 200, 403, 403, 403, 403, 403, 403}},
      {Method::kGet, "/staff/strategies/{body}/{id}/deliverables/{deliverable}", same(kWan),
       {303, 403, 403, 200, 403, 403, 403, 403, 403, 403}},
      {Method::kPost, "/staff/strategies/{body}/{id}/deliverables/{deliverable}/progress",
       [](Col) { return Cell{kWan + std::string("/progress"), Form({{"when", "2026-03"}, {"text", "Live"}})}; },
       {403, 403, 403, 303, 403, 403, 403, 403, 403, 403}},
      {Method::kPost, "/staff/strategies/{body}/{id}/deliverables/{deliverable}/status",
       [](Col) { return Cell{kWan + std::string("/status"), Form({{"when", "2026"}, {"status", "delivered"}})}; },
       {403, 403, 403, 303, 403, 403, 403, 403, 403, 403}},
      {Method::kGet, "/staff/strategies/{body}/{id}/versions/new", same(kStrategy + std::string("/versions/new")),
       {303, 403, 403, 200, 403, 403, 403, 403, 403, 403}},
      // Starting the draft decision needs originating_officer or governance_officer as well.
      {Method::kPost, "/staff/strategies/{body}/{id}/versions/new",
       [](Col) { return Cell{kStrategy + std::string("/versions/new"), Form({{"label", "V2"}})}; },
       {403, 403, 403, 403, 403, 403, 403, 403, 403, 403}},
  };

  // A staff route without a row fails here: add its row when adding the route.
  for (const Route& route : Routes()) {
    if (route.access == Access::kPublic) continue;
    bool covered = false;
    for (const auto& row : rows) covered = covered || (row.method == route.method && row.pattern == route.pattern);
    EXPECT_TRUE(covered) << (route.method == Method::kPost ? "POST " : "GET ") << route.pattern
                         << " has no row in the permission matrix";
  }
  for (const auto& row : rows) {
    bool known = false;
    for (const Route& route : Routes()) known = known || (row.method == route.method && row.pattern == route.pattern);
    EXPECT_TRUE(known) << row.pattern << ": a matrix row for a route that does not exist";
  }

  for (const auto& row : rows) {
    for (int c = 0; c < kCols; ++c) {
      Col col = static_cast<Col>(c);
      Cell cell = row.make(col);
      Agent agent;
      if (cell.agent) {
        agent = *cell.agent;
      } else if (col != kOut) {
        agent = AgentFor(kColNames[c]);
      }
      HttpReply r;
      if (row.method == Method::kGet) {
        r = Send("GET", cell.path, &agent);
      } else if (cell.content_type.rfind("multipart/", 0) == 0) {
        r = Send("POST", cell.path, &agent, cell.body, cell.content_type);
      } else {
        std::string body = "csrf=" + Encode(agent.csrf) + (cell.body.empty() ? "" : "&" + cell.body);
        r = Send("POST", cell.path, &agent, body);
      }
      const std::string where = std::string(row.method == Method::kPost ? "POST " : "GET ") + cell.path +
                                " as " + kColNames[c];
      EXPECT_EQ(r.status, row.expect[c]) << where << "\n" << r.body.substr(0, 3000);
      // Every staff answer, refusals included, is kept out of every cache.
      EXPECT_EQ(r.headers["cache-control"], "no-store") << where;
      if (r.status == 303) {
        const std::string& to = r.headers["location"];
        EXPECT_EQ(to.rfind("/", 0), 0u) << where << " redirects off site: " << to;
        if (col == kOut && row.method == Method::kGet) {
          EXPECT_EQ(to, "/staff/sign-in?next=" + Encode(cell.path)) << where;
        }
      }
    }
  }
}

// ---------------------------------------------------------------- CSRF

TEST_F(StaffHttpTest, FormPostsWithoutTheRightTokenOrFromAnotherSiteChangeNothing) {
  std::int64_t id = NewDraft();
  auto before = Load(id);
  const Agent& oo = AgentFor("cu_oo");
  std::string fields = Form({{"version", std::to_string(before.version)},
                             {"title", "Hijacked"},
                             {"section.executive_summary", "x"}});
  struct Attempt {
    const char* what;
    std::string body;
    std::string headers;
  } attempts[] = {
      {"no token", fields, ""},
      {"a wrong token", "csrf=" + Encode(accounts::NewToken()) + "&" + fields, ""},
      {"an empty token", "csrf=&" + fields, ""},
      {"another session's token", "csrf=" + Encode(AgentFor("cu_go").csrf) + "&" + fields, ""},
      {"a cross-site Origin", "csrf=" + Encode(oo.csrf) + "&" + fields, "Origin: https://evil.example\r\n"},
      {"an opaque Origin", "csrf=" + Encode(oo.csrf) + "&" + fields, "Origin: null\r\n"},
  };
  for (const auto& a : attempts) {
    auto r = Send("POST", D(id) + "/edit", &oo, a.body, "application/x-www-form-urlencoded", a.headers);
    EXPECT_EQ(r.status, 403) << a.what;
    EXPECT_NE(r.body.find("This form has expired or did not come from this site"), std::string::npos) << a.what;
    EXPECT_EQ(Load(id), before) << a.what << " changed the store";
  }
  // A cross-site Referer (no Origin) is refused too; a same-site one passes.
  std::string raw = "POST " + D(id) + "/withdraw HTTP/1.1\r\nHost: " + Host() + "\r\nCookie: " + oo.cookie +
                    "\r\nReferer: https://evil.example/form\r\nContent-Type: application/x-www-form-urlencoded\r\n";
  std::string body = "csrf=" + Encode(oo.csrf) + "&reason=x";
  raw += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  auto referer = testing_support::SendRaw(env_->port, raw);
  EXPECT_EQ(referer.status, 403);
  EXPECT_EQ(Load(id).status, decisions::Status::kDraft);
  // Nor may a form post arrive as JSON.
  auto json = Send("POST", D(id) + "/edit", &oo, "{\"csrf\": \"" + oo.csrf + "\"}", "application/json");
  EXPECT_EQ(json.status, 400);
  EXPECT_EQ(Load(id), before);
  // With its token, the same post goes through.
  auto ok = Post(D(id) + "/edit", oo, fields);
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_EQ(Load(id).title, "Hijacked");
}

TEST_F(StaffHttpTest, SignInNeedsThePresessionPair) {
  auto page = Get("/staff/sign-in");
  auto pre = CookieSet(page, kPresessionCookie);
  ASSERT_TRUE(pre);
  std::string fields = Form({{"username", "cu_oo"}, {"password", kPassword}});
  // No cookie, or a token that is not the cookie's: refused before any password check.
  Agent no_cookie{"", *pre};
  EXPECT_EQ(Post("/staff/sign-in", no_cookie, fields).status, 403);
  Agent mismatch{std::string(kPresessionCookie) + "=" + *pre, accounts::NewToken()};
  auto r = Post("/staff/sign-in", mismatch, fields);
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(CookieSet(r, kSessionCookie));
}

// ---------------------------------------------------------------- sign-in and sessions

TEST_F(StaffHttpTest, SignInSetsAStrictSecureHostOnlyCookie) {
  auto page = Get("/staff/sign-in?next=" + Encode("/staff/users"));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"next\" value=\"/staff/users\""), std::string::npos);
  auto pre = CookieSet(page, kPresessionCookie);
  ASSERT_TRUE(pre);
  Agent tmp{std::string(kPresessionCookie) + "=" + *pre, *pre};
  auto r = Post("/staff/sign-in", tmp,
                Form({{"username", "admin"}, {"password", kPassword}, {"next", "/staff/users"}}));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], "/staff/users");
  std::string session;
  for (const auto& c : SetCookies(r)) {
    if (c.rfind(std::string(kSessionCookie) + "=", 0) == 0) session = c;
  }
  ASSERT_FALSE(session.empty());
  for (const char* attr : {"; Path=/", "; HttpOnly", "; SameSite=Strict", "; Secure"}) {
    EXPECT_NE(session.find(attr), std::string::npos) << attr << " missing in " << session;
  }
  EXPECT_EQ(session.find("Domain"), std::string::npos);
  // The pre-session cookie is cleared.
  EXPECT_EQ(CookieSet(r, kPresessionCookie), "");
  // An off-site next is ignored.
  auto again = Post("/staff/sign-in", tmp,
                    Form({{"username", "admin"}, {"password", kPassword}, {"next", "//evil.example/"}}));
  EXPECT_EQ(again.headers["location"], "/staff");
}

TEST_F(StaffHttpTest, WrongPasswordAndLockOut) {
  auto page = Get("/staff/sign-in");
  auto pre = CookieSet(page, kPresessionCookie).value_or("");
  Agent tmp{std::string(kPresessionCookie) + "=" + pre, pre};
  auto wrong = Post("/staff/sign-in", tmp, Form({{"username", "locky"}, {"password", "not the password"}}));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_NE(wrong.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(wrong.body.find("Username or password is wrong"), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"locky\""), std::string::npos) << "the username is kept";
  EXPECT_FALSE(CookieSet(wrong, kSessionCookie));
  auto unknown = Post("/staff/sign-in", tmp, Form({{"username", "nobody"}, {"password", "whatever it is"}}));
  EXPECT_NE(unknown.body.find("Username or password is wrong"), std::string::npos) << "the same answer";
  auto empty = Post("/staff/sign-in", tmp, Form({{"username", ""}, {"password", ""}}));
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("href=\"#username\""), std::string::npos);
  // Five more failures (six in all) lock the account: even the right password is refused.
  for (int i = 0; i < 5; ++i) {
    Post("/staff/sign-in", tmp, Form({{"username", "locky"}, {"password", "still not it"}}));
  }
  auto locked = Post("/staff/sign-in", tmp, Form({{"username", "locky"}, {"password", kPassword}}));
  EXPECT_EQ(locked.status, 403);
  EXPECT_NE(locked.body.find("Too many failed sign-ins: try again after"), std::string::npos)
      << locked.body.substr(0, 3000);
  EXPECT_FALSE(CookieSet(locked, kSessionCookie));
}

TEST_F(StaffHttpTest, SignOutEndsTheSessionOnTheServer) {
  Agent a = SignIn("cu_cfo");
  ASSERT_EQ(Get("/staff", &a).status, 200);
  auto out = Post("/staff/sign-out", a, "");
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.headers["location"], "/staff/sign-in?signed_out=1");
  EXPECT_EQ(CookieSet(out, kSessionCookie), "");
  // The old cookie, replayed, no longer signs anyone in.
  auto replay = Get("/staff", &a);
  EXPECT_EQ(replay.status, 303);
  EXPECT_EQ(replay.headers["location"], "/staff/sign-in?next=%2Fstaff");
  EXPECT_EQ(Post("/staff/cumbria/decisions/new", a, Form({{"title", "x"}})).status, 403);
  auto signed_out = Get("/staff/sign-in?signed_out=1");
  EXPECT_NE(signed_out.body.find("You have signed out"), std::string::npos);
}

TEST_F(StaffHttpTest, AResetPasswordMustBeChangedFirst) {
  auto reset = services::ResetPassword(store(), "changer", "temporary password 1", services::AuditActor{},
                                       Instant::Now());
  ASSERT_TRUE(reset) << reset.error().ToString();
  Agent a = SignIn("changer", "temporary password 1");
  EXPECT_EQ(Get("/staff", &a).headers["location"], "/staff/password");
  EXPECT_EQ(Get("/staff/cumbria/decisions/new", &a).headers["location"], "/staff/password");
  auto page = Get("/staff/password", &a);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("You need to choose a new password"), std::string::npos);
  a.csrf = CsrfOf(page.body);
  EXPECT_EQ(Post("/staff/cumbria/decisions/new", a, Form({{"title", "x"}})).status, 403);
  auto mismatch = Post("/staff/password", a,
                       Form({{"current", "temporary password 1"}, {"new_password", "a brand new password"},
                             {"confirm", "another one entirely"}}));
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_NE(mismatch.body.find("The new passwords do not match"), std::string::npos);
  auto wrong = Post("/staff/password", a,
                    Form({{"current", "not my password"}, {"new_password", "a brand new password"},
                          {"confirm", "a brand new password"}}));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_NE(wrong.body.find("The current password is wrong"), std::string::npos);
  auto ok = Post("/staff/password", a,
                 Form({{"current", "temporary password 1"}, {"new_password", "a brand new password"},
                       {"confirm", "a brand new password"}}));
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_EQ(ok.headers["location"], "/staff?done=password");
  auto home = Get("/staff?done=password", &a);
  EXPECT_EQ(home.status, 200) << "the session the change was made in goes on";
  EXPECT_NE(home.body.find("Your password has been changed"), std::string::npos);
}

// ---------------------------------------------------------------- caching and confidentiality

TEST_F(StaffHttpTest, StaffPagesAreNeverCachedAndPublicPagesAreTheSameForEveryone) {
  const Agent& oo = AgentFor("cu_oo");
  for (const char* target : {"/staff", "/staff/sign-in", "/staff/password", "/staff/cumbria/decisions/new"}) {
    auto r = Get(target, &oo);
    EXPECT_EQ(r.headers["cache-control"], "no-store") << target;
  }
  // A public page asked with a staff cookie is the public page: no name, no token.
  auto anonymous = Get("/cumbria/decisions");
  auto staff = Get("/cumbria/decisions", &oo);
  EXPECT_EQ(anonymous.body, staff.body);
  EXPECT_EQ(staff.body.find("Olive Originator"), std::string::npos);
  EXPECT_EQ(staff.body.find("csrf"), std::string::npos);
  EXPECT_TRUE(SetCookies(staff).empty());
  EXPECT_NE(staff.headers["cache-control"], "no-store");
}

TEST_F(StaffHttpTest, Part2OfUnpublishedDecisionsNeverReachesAPublicUrl) {
  // Titles of their own: withdrawn records (other tests make some) are public tombstones.
  const std::string title = "Unpublished fleet telematics";
  std::int64_t draft = NewDraft("cumbria", "cu_oo", title);
  std::int64_t submitted = Submitted("cumbria", "cu_oo", title);
  std::int64_t signed_by_ce = CeSigned(title);
  // A decided one, the whole Cumbria chain through the pages.
  std::int64_t decided = CeSigned(title);
  const Agent& pcc = AgentFor("cu_pcc");
  auto decide_page = Get(D(decided) + "/decide", &pcc);
  ASSERT_EQ(decide_page.status, 200) << decide_page.body.substr(0, 3000);
  auto hash_at = decide_page.body.find("name=\"content_hash\" value=\"");
  ASSERT_NE(hash_at, std::string::npos);
  std::string hash = decide_page.body.substr(hash_at + 27, 64);
  auto decide = Post(D(decided) + "/decide", pcc,
                     Form({{"step", "commissioner"}, {"outcome", "approved"}, {"reasons", "Good value."},
                           {"no_interests", "yes"}, {"declaration", "yes"}, {"content_hash", hash}}));
  ASSERT_EQ(decide.status, 303) << decide.body.substr(0, 3000);
  ASSERT_EQ(Load(decided).status, decisions::Status::kDecided);

  std::vector<std::string> targets = {"/", "/bodies.json", "/cumbria/decisions", "/cumbria/decisions.json",
                                      "/cumbria/decisions?year=2026", "/strategies", "/healthz"};
  for (std::int64_t id : {draft, submitted, signed_by_ce, decided}) {
    auto d = Load(id);
    if (d.reference.empty()) continue;
    std::string slug = decisions::ReferenceSlug(d.reference);
    auto page = Get("/cumbria/decisions/" + slug);
    EXPECT_EQ(page.status, 404) << d.reference << " is not public yet";
    targets.push_back("/cumbria/decisions/" + slug);
    targets.push_back("/cumbria/decisions/" + slug + ".json");
  }
  for (const auto& target : targets) {
    auto r = Get(target);
    EXPECT_EQ(r.raw.find(kMarker), std::string::npos) << target;
    EXPECT_EQ(r.raw.find(title), std::string::npos) << target;
  }
  // Staff in the body see it, marked as Part 2, and the viewing is in the history.
  auto staff = Get(D(decided), &AgentFor("cu_cfo"));
  ASSERT_EQ(staff.status, 200);
  EXPECT_NE(staff.body.find(kMarker), std::string::npos);
  EXPECT_NE(staff.body.find("Part 2 – confidential"), std::string::npos);
  bool audited = false;
  auto history = store().DecisionHistory(decided);  // not a range-for over a temporary
  ASSERT_TRUE(history);
  for (const auto& e : *history) {
    audited = audited || (e.action == "part2.view" && e.actor == "cu_cfo");
  }
  EXPECT_TRUE(audited);
  EXPECT_NE(staff.body.find("Decided"), std::string::npos);
  EXPECT_NE(staff.body.find("Approved"), std::string::npos);
  // Outside the body: not found, and no Part 2.
  auto outsider = Get(D(decided), &AgentFor("la_cc"));
  EXPECT_EQ(outsider.status, 404);
  EXPECT_EQ(outsider.raw.find(kMarker), std::string::npos);
}

TEST_F(StaffHttpTest, DeferredStubsAndWithdrawalTombstonesAreOnTheRegisterWithoutText) {
  publication::PlanInput defer{decisions::PlanKind::kDefer, "The contract is not yet signed",
                               *Date::ParseIso("2099-01-04")};
  std::int64_t deferred = Planned("Deferred fleet contract", defer);
  std::int64_t withdrawn = Published("Withdrawn estates decision");
  ASSERT_TRUE(services::Withdraw(store(), Workflow(), withdrawn, "Superseded by a later decision",
                                 ActorOf("cu_ce"), Instant::Now()));
  env_->site.cache().Invalidate();  // no change watcher in the test site
  auto reg = Get("/cumbria/decisions");
  ASSERT_EQ(reg.status, 200);
  EXPECT_NE(reg.body.find("Deferred fleet contract"), std::string::npos);
  EXPECT_NE(reg.body.find("Deferred until 4 January 2099"), std::string::npos);
  EXPECT_NE(reg.body.find("Withdrawn estates decision"), std::string::npos);

  auto stub = Get("/cumbria/decisions/" + decisions::ReferenceSlug(Load(deferred).reference));
  ASSERT_EQ(stub.status, 200) << stub.body.substr(0, 2000);
  EXPECT_NE(stub.body.find("Publication deferred"), std::string::npos);
  EXPECT_NE(stub.body.find("The contract is not yet signed"), std::string::npos);
  EXPECT_EQ(stub.body.find("Replace the custody suite cameras."), std::string::npos) << "a stub has no text";
  EXPECT_EQ(stub.raw.find(kMarker), std::string::npos);

  auto tomb = Get("/cumbria/decisions/" + decisions::ReferenceSlug(Load(withdrawn).reference));
  ASSERT_EQ(tomb.status, 200) << tomb.body.substr(0, 2000);
  EXPECT_NE(tomb.body.find("Superseded by a later decision"), std::string::npos);
  EXPECT_EQ(tomb.body.find("Replace the custody suite cameras."), std::string::npos);
  auto json = Get("/cumbria/decisions/" + decisions::ReferenceSlug(Load(withdrawn).reference) + ".json");
  ASSERT_EQ(json.status, 200);
  EXPECT_NE(json.body.find("\"state\": \"withdrawn\""), std::string::npos) << json.body;
  EXPECT_EQ(json.raw.find(kMarker), std::string::npos);
}

// ---------------------------------------------------------------- pages and refusals

TEST_F(StaffHttpTest, RefusalsAreShownOnThePageTheyCameFrom) {
  const Agent& pcc = AgentFor("cu_pcc");
  std::int64_t id = Submitted();
  // Deciding before the chief executive has signed.
  auto early = Get(D(id) + "/decide", &pcc);
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_EQ(early.body.find("id=\"decide-form\""), std::string::npos);
  auto post = Post(D(id) + "/decide", pcc,
                   Form({{"step", "commissioner"}, {"outcome", "approved"}, {"reasons", "r"},
                         {"no_interests", "yes"}, {"declaration", "yes"},
                         {"content_hash", workflow::ContentHash(Load(id))}}));
  EXPECT_EQ(post.status, 409);
  EXPECT_NE(post.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_EQ(Load(id).status, decisions::Status::kSubmitted);

  // Bad input keeps what was typed.
  std::int64_t ready = CeSigned();
  auto missing = Post(D(ready) + "/decide", pcc,
                      Form({{"step", "commissioner"}, {"outcome", "approved"}, {"reasons", ""},
                            {"interests", "I chair the supplier's charity"}, {"declaration", "yes"},
                            {"content_hash", workflow::ContentHash(Load(ready))}}));
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("href=\"#reasons\""), std::string::npos) << missing.body.substr(0, 3000);
  EXPECT_NE(missing.body.find("I chair the supplier&apos;s charity"), std::string::npos);

  // A stale content hash: the page says the content changed.
  auto stale = Post(D(ready) + "/decide", pcc,
                    Form({{"step", "commissioner"}, {"outcome", "approved"}, {"reasons", "r"},
                          {"no_interests", "yes"}, {"declaration", "yes"}, {"content_hash", std::string(64, 'a')}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("changed while you were reading it"), std::string::npos);

  // Withdraw without a reason.
  std::int64_t draft = NewDraft();
  auto no_reason = Post(D(draft) + "/withdraw", AgentFor("cu_oo"), Form({{"reason", ""}}));
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("href=\"#withdraw-reason\""), std::string::npos);

  // An edit against a version that moved keeps the person's text.
  auto d = Load(draft);
  auto first = Post(D(draft) + "/edit", AgentFor("cu_go"),
                    Form({{"version", std::to_string(d.version)}, {"title", "Changed by Gareth"}}));
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 2000);
  auto conflict = Post(D(draft) + "/edit", AgentFor("cu_oo"),
                       Form({{"version", std::to_string(d.version)}, {"title", "Olive's own title"},
                             {"section.executive_summary", "Olive's unsaved summary"}}));
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Someone else changed this draft"), std::string::npos);
  EXPECT_NE(conflict.body.find("Olive&apos;s unsaved summary"), std::string::npos);
  EXPECT_EQ(Load(draft).title, "Changed by Gareth");
  // A bad amount is the person's to fix.
  auto amount = Post(D(draft) + "/edit", AgentFor("cu_oo"),
                     Form({{"version", std::to_string(Load(draft).version)}, {"title", "t"}, {"amount", "lots"}}));
  EXPECT_EQ(amount.status, 400);
  EXPECT_NE(amount.body.find("href=\"#amount\""), std::string::npos);
}

TEST_F(StaffHttpTest, AProposedRedactionIsCancelledFromThePublicationPage) {
  std::int64_t id = WithProposedRedaction();
  const Agent& go = AgentFor("cu_go");
  auto page = Get(D(id) + "/publication", &go);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"cancel-1\""), std::string::npos) << "the proposer has the button";
  EXPECT_EQ(Get(D(id) + "/publication", &AgentFor("cu_pcc")).body.find("id=\"cancel-1\""), std::string::npos)
      << "the commissioner has none";
  // Publishing is blocked while it waits.
  EXPECT_EQ(Post(D(id) + "/publication/publish", AgentFor("cu_ce"), "").status, 409);
  // No reason: refused on the page, next to the form; nothing changes.
  auto no_reason = Post(D(id) + "/publication/redactions/1/cancel", go, Form({{"cancel_reason", " "}}));
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("href=\"#cancel-reason-1\""), std::string::npos) << no_reason.body.substr(0, 3000);
  EXPECT_NE(no_reason.body.find("ay why the redaction is cancelled"), std::string::npos);
  EXPECT_FALSE(Load(id).redactions[0].cancelled());
  // Without the CSRF token: refused.
  Agent no_csrf{go.cookie, ""};
  EXPECT_EQ(Post(D(id) + "/publication/redactions/1/cancel", no_csrf, Form({{"cancel_reason", "x"}})).status, 403);
  EXPECT_FALSE(Load(id).redactions[0].cancelled());

  auto done = Post(D(id) + "/publication/redactions/1/cancel", go, Form({{"cancel_reason", "The site is public."}}));
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 2000);
  auto after = Get(D(id) + "/publication?done=cancelled", &go);
  EXPECT_NE(after.body.find("The redaction was cancelled"), std::string::npos);
  EXPECT_NE(after.body.find("The site is public."), std::string::npos);
  EXPECT_EQ(after.body.find("id=\"cancel-1\""), std::string::npos) << "no second cancel";
  EXPECT_TRUE(Load(id).redactions[0].cancelled());
  // Now it publishes, with the words it no longer redacts.
  EXPECT_EQ(Post(D(id) + "/publication/publish", AgentFor("cu_ce"), "").status, 303);
  EXPECT_EQ(Load(id).status, decisions::Status::kPublished);
}

TEST_F(StaffHttpTest, TheDecisionPageShowsChainHistoryAndActions) {
  std::int64_t id = CeSigned();
  auto page = Get(D(id), &AgentFor("cu_pcc"));
  ASSERT_EQ(page.status, 200);
  auto d = Load(id);
  EXPECT_NE(page.body.find(d.reference), std::string::npos);
  EXPECT_NE(page.body.find("Chris Executive"), std::string::npos);
  EXPECT_NE(page.body.find("as Chief Executive"), std::string::npos);
  EXPECT_NE(page.body.find("Advice: Content to proceed."), std::string::npos);
  EXPECT_NE(page.body.find("/signed/"), std::string::npos) << "a link to what was signed";
  EXPECT_NE(page.body.find(D(id) + "/decide"), std::string::npos) << "the decide button";
  EXPECT_NE(page.body.find("id=\"history\""), std::string::npos);
  for (const char* what : {"Draft started", "Edited", "Submitted", "Signed"}) {
    EXPECT_NE(page.body.find(what), std::string::npos) << what;
  }
  // The originating officer has nothing to sign here, but may withdraw.
  auto oo = Get(D(id), &AgentFor("cu_oo"));
  EXPECT_EQ(oo.body.find(D(id) + "/decide\""), std::string::npos);
  EXPECT_NE(oo.body.find(D(id) + "/withdraw"), std::string::npos);
  // What was signed, readable.
  std::string hash = d.signoffs.back().content_hash;
  auto snapshot = Get(D(id) + "/signed/" + hash, &AgentFor("cu_cfo"));
  ASSERT_EQ(snapshot.status, 200);
  EXPECT_NE(snapshot.body.find("Replace the custody suite cameras."), std::string::npos);
  EXPECT_NE(snapshot.body.find(kMarker), std::string::npos);
  EXPECT_EQ(Get(D(id) + "/signed/" + std::string(64, '0'), &AgentFor("cu_cfo")).status, 404);
  EXPECT_EQ(Get("/staff/decisions/999999", &AgentFor("cu_cfo")).status, 404);
  EXPECT_EQ(Get("/staff/decisions/abc", &AgentFor("cu_cfo")).status, 404);
}

TEST_F(StaffHttpTest, AttachmentsUploadWithinTheirLimitAndDownloadAsFiles) {
  std::int64_t id = NewDraft();
  const Agent& oo = AgentFor("cu_oo");
  // Bigger than the ordinary body limit (64 KiB here), well within the upload limit.
  std::string big(300 * 1024, 'x');
  std::string boundary = "UploadBoundary7";
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + oo.csrf +
                     "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" +
                     std::to_string(Load(id).version) + "\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"part\"\r\n\r\n1\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\r\n--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Big \\\"report\\\".txt\"\r\n"
                     "Content-Type: text/plain\r\n\r\n" + big + "\r\n--" + boundary + "--\r\n";
  auto up = Send("POST", D(id) + "/attachments", &oo, body, "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(up.status, 303) << up.body.substr(0, 2000);
  auto d = Load(id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].size, static_cast<std::int64_t>(big.size()));
  auto down = Get(D(id) + "/attachments/" + d.attachments[0].sha256, &AgentFor("cu_cfo"));
  EXPECT_EQ(down.status, 200);
  EXPECT_EQ(down.body, big);
  EXPECT_EQ(down.headers["content-type"], "text/plain");
  EXPECT_EQ(down.headers["content-disposition"].rfind("attachment; filename=\"Big _report_.txt\"", 0), 0u)
      << down.headers["content-disposition"];
  EXPECT_EQ(down.headers["cache-control"], "no-store");
  // The same size to an ordinary form is too large.
  auto edit = Send("POST", D(id) + "/edit", &oo, "csrf=" + oo.csrf + "&title=" + big);
  EXPECT_EQ(edit.status, 413);
  // Past the upload limit, refused before it is read.
  std::string head = "POST " + D(id) + "/attachments HTTP/1.1\r\nHost: " + Host() + "\r\nCookie: " + oo.cookie +
                     "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " +
                     std::to_string(kUploadBodyLimit + 1) + "\r\nConnection: close\r\n\r\n";
  auto huge = testing_support::SendRaw(env_->port, head);
  EXPECT_EQ(huge.status, 413);
  // Empty file: a message on the editor.
  std::string empty = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + oo.csrf +
                      "\r\n--b\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n" +
                      std::to_string(Load(id).version) +
                      "\r\n--b\r\nContent-Disposition: form-data; name=\"part\"\r\n\r\n1\r\n"
                      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--b--\r\n";
  auto none = Send("POST", D(id) + "/attachments", &oo, empty, "multipart/form-data; boundary=b");
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("Choose a file to upload"), std::string::npos);
}

TEST_F(StaffHttpTest, TheLancashireJointDecisionNeedsBothDecisionMakers) {
  std::int64_t id = services::CreateDraft(store(), Workflow(), "lancashire", "Joint estates review",
                                          ActorOf("la_oo"), Instant::Now())
                        .value();
  workflow::DraftEdit e;
  e.title = "Joint estates review";
  e.sections = {{"executive_summary", "", decisions::Part::kPart1, "Review the estate."},
                {"recommendation", "", decisions::Part::kPart1, "Agree the review."}};
  ASSERT_TRUE(services::EditDraft(store(), Workflow(), id, Load(id).version, e, ActorOf("la_oo"), Instant::Now()));
  // The author submits: on this form that signs nothing, and the chain starts with the
  // monitoring officer.
  const Agent& oo = AgentFor("la_oo");
  auto submit_page = Get(D(id) + "/sign", &oo);
  ASSERT_EQ(submit_page.status, 200) << submit_page.body.substr(0, 3000);
  EXPECT_NE(submit_page.body.find("you do not sign it"), std::string::npos);
  EXPECT_EQ(submit_page.body.find("id=\"declaration\""), std::string::npos);
  auto hash_at = submit_page.body.find("name=\"content_hash\" value=\"");
  auto submitted = Post(D(id) + "/sign", oo, Form({{"content_hash", submit_page.body.substr(hash_at + 27, 64)}}));
  ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 3000);
  EXPECT_EQ(Load(id).status, decisions::Status::kSubmitted);
  EXPECT_FALSE(Load(id).reference.empty());
  auto mo = SignIn("la_mo");
  auto sign = Get(D(id) + "/sign", &mo);
  ASSERT_EQ(sign.status, 200) << sign.body.substr(0, 3000);
  hash_at = sign.body.find("name=\"content_hash\" value=\"");
  auto signed_by_mo = Post(D(id) + "/sign", mo,
                           Form({{"step", "monitoring_officer"}, {"declaration", "yes"},
                                 {"content_hash", sign.body.substr(hash_at + 27, 64)}}));
  ASSERT_EQ(signed_by_mo.status, 303) << signed_by_mo.body.substr(0, 3000);
  const auto decide = [&](const Agent& a, const std::string& step) {
    return Post(D(id) + "/decide", a,
                Form({{"step", step}, {"outcome", "approved"}, {"reasons", "Agreed at the board."},
                      {"no_interests", "yes"}, {"declaration", "yes"},
                      {"content_hash", workflow::ContentHash(Load(id))}}));
  };
  auto pcc = SignIn("la_pcc");
  ASSERT_EQ(decide(pcc, "commissioner").status, 303);
  EXPECT_EQ(Load(id).status, decisions::Status::kSubmitted) << "still waiting for the chief constable";
  auto waiting = Get("/staff", &AgentFor("la_cc"));
  EXPECT_NE(waiting.body.find("Joint estates review"), std::string::npos);
  ASSERT_EQ(decide(AgentFor("la_cc"), "chief_constable").status, 303);
  auto done = Load(id);
  EXPECT_EQ(done.status, decisions::Status::kDecided);
  EXPECT_EQ(done.outcome, decisions::Outcome::kApproved);
}

// ------------------------------------------------------- a new strategy version, end to end

// A strategy lead starts a new version on the staff pages; its draft decision is written,
// signed, decided and published through the staff forms. The version reaches the public
// strategy page, the body's list, the timeline (picture and table), the JSON and the
// body's strategy feed only once that decision is published as approved; one decided
// "not approved" (and published) never does.
TEST_F(StaffHttpTest, ANewStrategyVersionIsPublicOnlyOnceItsDecisionIsPublishedAsApproved) {
  auto roles = accounts::ParseRoleGrants("cumbria:strategy_lead, cumbria:originating_officer");
  ASSERT_TRUE(roles);
  auto lead_user = services::AddUser(store(), {"cu_lead", "Lee Lead", "cu_lead@example.org", kPassword, *roles},
                                     services::AuditActor{}, Instant::Now());
  ASSERT_TRUE(lead_user) << lead_user.error().ToString();
  Agent lead = SignIn("cu_lead");
  const std::string strategy = "/cumbria/strategies/ict-2015-2019";

  // Starts a version on the staff form; the answer sends the lead to the new draft.
  const auto start = [&](const std::string& label) -> std::int64_t {
    auto form = Get(std::string(kStrategy) + "/versions/new", &lead);
    EXPECT_EQ(form.status, 200) << form.body.substr(0, 2000);
    auto r = Post(std::string(kStrategy) + "/versions/new", lead,
                  Form({{"label", label}, {"changes", "Adds the cloud hosting theme."}}));
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    const std::string& to = r.headers["location"];
    const std::string prefix = "/staff/decisions/";
    EXPECT_EQ(to.rfind(prefix, 0), 0u) << to;
    return std::stoll(to.substr(prefix.size(), to.find('/', prefix.size()) - prefix.size()));
  };
  // The chain on the staff forms: edit, submit, the chief executive signs, the commissioner
  // decides, the chief executive plans publication and publishes.
  const auto through_chain = [&](std::int64_t id, const std::string& outcome) {
    auto edited = Post(D(id) + "/edit", lead,
                       Form({{"version", std::to_string(Load(id).version)}, {"category", "general"},
                             {"section.executive_summary", "Refresh the ICT strategy for 2026."},
                             {"section.recommendation", "Approve the refreshed strategy."}}));
    ASSERT_EQ(edited.status, 303) << edited.body.substr(0, 3000);
    auto submitted = Post(D(id) + "/sign", lead,
                          Form({{"declaration", "yes"}, {"content_hash", workflow::ContentHash(Load(id))}}));
    ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 3000);
    auto signed_by_ce = Post(D(id) + "/sign", AgentFor("cu_ce"),
                             Form({{"step", "opcc_officer"}, {"capacity", "Chief Executive"},
                                   {"advice", "Content to proceed."}, {"declaration", "yes"},
                                   {"content_hash", workflow::ContentHash(Load(id))}}));
    ASSERT_EQ(signed_by_ce.status, 303) << signed_by_ce.body.substr(0, 3000);
    auto decided = Post(D(id) + "/decide", AgentFor("cu_pcc"),
                        Form({{"step", "commissioner"}, {"outcome", outcome}, {"reasons", "Considered at the board."},
                              {"no_interests", "yes"}, {"declaration", "yes"},
                              {"content_hash", workflow::ContentHash(Load(id))}}));
    ASSERT_EQ(decided.status, 303) << decided.body.substr(0, 3000);
    ASSERT_EQ(Load(id).status, decisions::Status::kDecided);
    auto planned = Post(D(id) + "/publication/plan", AgentFor("cu_ce"), Form({{"plan", "publish"}}));
    ASSERT_EQ(planned.status, 303) << planned.body.substr(0, 3000);
    auto published = Post(D(id) + "/publication/publish", AgentFor("cu_ce"), "");
    ASSERT_EQ(published.status, 303) << published.body.substr(0, 3000);
    ASSERT_EQ(Load(id).status, decisions::Status::kPublished);
    env_->site.cache().Invalidate();  // what the change watcher does within a second
  };
  // Every public surface that shows a strategy's versions.
  const std::vector<std::string> surfaces = {strategy, strategy + ".json", "/cumbria/strategies",
                                             "/cumbria/strategies.json", "/strategies", "/strategies.json",
                                             "/cumbria/strategies.atom",
                                             "/api/v1/bodies/cumbria/strategies/ict-2015-2019"};
  const auto nowhere = [&](const std::string& label) {
    for (const auto& target : surfaces) {
      auto r = Get(target);
      EXPECT_EQ(r.status, 200) << target;
      EXPECT_EQ(r.body.find(label), std::string::npos) << label << " is on " << target;
    }
  };

  const std::string approved_label = "2026 refresh (V2.0)";
  std::int64_t id = start(approved_label);
  auto proposals = store().ListStrategyProposals("cumbria", "ict-2015-2019");
  ASSERT_TRUE(proposals);
  ASSERT_FALSE(proposals->empty());
  EXPECT_EQ(proposals->back().decision_id, id);
  EXPECT_EQ(proposals->back().label, approved_label);
  EXPECT_EQ(Load(id).title, "Cumbria Constabulary ICT Strategy 2015–2019: " + approved_label);
  nowhere(approved_label);  // a draft adds nothing
  through_chain(id, "approved");

  const auto d = Load(id);
  ASSERT_TRUE(d.decision_date);
  const std::string url = "/cumbria/decisions/" + decisions::ReferenceSlug(d.reference);
  auto page = Get(strategy);
  EXPECT_NE(page.body.find(approved_label), std::string::npos) << "the strategy page";
  EXPECT_NE(page.body.find("href=\"" + url + "\""), std::string::npos) << "links the approving decision";
  auto list = Get("/cumbria/strategies");
  EXPECT_NE(list.body.find(approved_label + ", approved " + d.decision_date->ToLong()), std::string::npos)
      << "the list's latest version";
  EXPECT_NE(list.body.find(d.decision_date->ToLong() + ": decision " + d.reference + " approved " + approved_label),
            std::string::npos)
      << "a mark on the timeline at the decision's date";
  auto all = Get("/strategies");
  EXPECT_NE(all.body.find("decision " + d.reference + " approved " + approved_label), std::string::npos)
      << "the timeline of every body";
  EXPECT_NE(all.body.find("datetime=\"" + d.decision_date->ToIso() + "\""), std::string::npos)
      << "the timeline's table";
  auto json = nlohmann::json::parse(Get(strategy + ".json").body);
  const auto& v = json["versions"].back();
  EXPECT_EQ(v["label"], approved_label);
  EXPECT_EQ(v["approved"], d.decision_date->ToIso());
  EXPECT_EQ(v["decision"]["reference"], d.reference);
  EXPECT_EQ(v["decision"]["url"], url);
  EXPECT_EQ(v["changes"], "Adds the cloud hosting theme.");
  auto listed = nlohmann::json::parse(Get("/cumbria/strategies.json").body);
  bool latest = false;
  for (const auto& row : listed["strategies"]) {
    if (row["id"] == "ict-2015-2019") latest = row["latest_version"]["label"] == approved_label;
  }
  EXPECT_TRUE(latest) << listed.dump(1);
  auto feed = Get("/cumbria/strategies.atom");
  EXPECT_NE(feed.body.find("<title>Cumbria Constabulary ICT Strategy 2015–2019 – version approved: " +
                           approved_label + "</title>"),
            std::string::npos)
      << feed.body.substr(0, 3000);

  // The decision's own page and JSON name the version it approves.
  EXPECT_NE(Get(url).body.find("href=\"/cumbria/strategies/ict-2015-2019\">Cumbria Constabulary ICT Strategy "
                               "2015–2019</a>: " + approved_label),
            std::string::npos);
  auto decision_json = nlohmann::json::parse(Get(url + ".json").body);
  ASSERT_EQ(decision_json["strategy_versions"].size(), 1u) << decision_json.dump(1);
  EXPECT_EQ(decision_json["strategy_versions"][0]["version"], approved_label);

  // Not approved, though published: nothing anywhere.
  const std::string refused_label = "2027 rewrite (V3.0)";
  std::int64_t refused = start(refused_label);
  through_chain(refused, "not_approved");
  EXPECT_EQ(Load(refused).outcome, decisions::Outcome::kNotApproved);
  nowhere(refused_label);
  const std::string refused_url = "/cumbria/decisions/" + decisions::ReferenceSlug(Load(refused).reference);
  auto refused_page = Get(refused_url);
  EXPECT_EQ(refused_page.status, 200) << "the decision itself is public";
  EXPECT_EQ(refused_page.body.find("id=\"approves-strategy\""), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(Get(refused_url + ".json").body)["strategy_versions"].size(), 0u);
}

}  // namespace
}  // namespace assent::web

namespace assent::web {
namespace {

TEST(StaffCookies, PlainHttpDevelopmentDropsSecureAndThePrefix) {
  // cookie_secure = false: for plain HTTP on a host other than localhost only.
  testing_support::WebSite site;
  site.Open("insecure.db");
  auto roles = accounts::ParseRoleGrants("cumbria:governance_officer");
  ASSERT_TRUE(roles);
  ASSERT_TRUE(services::AddUser(site.store(), {"dev", "Dev Eloper", "", kPassword, *roles},
                                services::AuditActor{}, Instant::Now()));
  testing_support::WebSite::Serving serving;
  serving.cookie_secure = false;
  site.Start(serving);
  auto page = testing_support::Get(site.port(), "/staff/sign-in");
  auto pre = CookieSet(page, "assent_presession");
  ASSERT_TRUE(pre) << page.raw.substr(0, 1500);
  EXPECT_FALSE(CookieSet(page, kPresessionCookie));
  std::string body = "csrf=" + *pre + "&" + Form({{"username", "dev"}, {"password", kPassword}});
  auto r = testing_support::SendRaw(
      site.port(), "POST /staff/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: assent_presession=" + *pre +
                       "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  ASSERT_EQ(r.status, 303) << r.body;
  std::string session;
  for (const auto& c : SetCookies(r)) {
    if (c.rfind("assent_session=", 0) == 0) session = c;
  }
  ASSERT_FALSE(session.empty());
  EXPECT_EQ(session.find("Secure"), std::string::npos);
  EXPECT_NE(session.find("HttpOnly; SameSite=Strict"), std::string::npos);
  auto token = *CookieSet(r, "assent_session");
  auto home = testing_support::Get(site.port(), "/staff", "Cookie: assent_session=" + token + "\r\n");
  EXPECT_EQ(home.status, 200);
  // The secure name means nothing here.
  auto other = testing_support::Get(site.port(), "/staff", std::string("Cookie: ") + kSessionCookie + "=" + token + "\r\n");
  EXPECT_EQ(other.status, 303);
}

// ---------------------------------------------------------------- the import review queue

TEST_F(StaffHttpTest, AReviewerSeesUnknownFieldsFlaggedCorrectsThemAndConfirms) {
  std::int64_t id = Queued();
  const Agent& ce = AgentFor("cu_ce");
  auto home = Get("/staff", &ce);
  EXPECT_NE(home.body.find("href=\"/staff/imports\""), std::string::npos);
  EXPECT_EQ(Get("/staff", &AgentFor("cu_oo")).body.find("href=\"/staff/imports\""), std::string::npos);
  auto list = Get("/staff/imports", &ce);
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find(I(id)), std::string::npos);
  auto page = Get(I(id), &ce);
  ASSERT_EQ(page.status, 200);
  // The unknown outcome: a tag, not colour alone, and the reader's reason.
  size_t row = page.body.find("id=\"field-outcome\"");
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(page.body.substr(row, 400).find("Unknown</strong>"), std::string::npos) << page.body.substr(row, 400);
  EXPECT_NE(page.body.find("neither option struck"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"#line-5\""), std::string::npos) << "the title's source line";
  EXPECT_NE(page.body.find("id=\"line-5\""), std::string::npos);

  // A bad date: 400, the message beside the field, nothing stored.
  std::string form = ConfirmForm(id);
  auto bad = Post(I(id) + "/confirm", ce, form.substr(0, form.find("&decision_date=")) + "&decision_date=31%2F2%2F2018");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("id=\"decision_date-error\""), std::string::npos);
  EXPECT_EQ(store().FindImportReview(id)->state, storage::ReviewState::kAwaiting);

  auto ok = Post(I(id) + "/confirm", ce, form);
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 3000);
  auto item = store().FindImportReview(id);
  ASSERT_EQ(item->state, storage::ReviewState::kConfirmed);
  auto d = store().FindDecisionById(item->decision_id);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->outcome, decisions::Outcome::kApproved);
  EXPECT_EQ(d->status, decisions::Status::kPublished);
  auto pub = Get("/cumbria/decisions/" + decisions::ReferenceSlug(d->reference));
  EXPECT_EQ(pub.status, 200);
  // Confirming twice: refused, nothing more stored.
  EXPECT_EQ(Post(I(id) + "/confirm", ce, form).status, 409);

  // The original, as a download with its name.
  auto original = Get(I(id) + "/original", &ce);
  EXPECT_EQ(original.status, 200);
  EXPECT_EQ(original.headers["content-type"], "application/octet-stream");
  EXPECT_EQ(original.headers["content-disposition"].rfind("attachment; filename=\"queued_", 0), 0u)
      << original.headers["content-disposition"];
  EXPECT_NE(original.body.find("Custody suite CCTV replacement"), std::string::npos);

  // Rejecting without a reason: 400, beside the field.
  std::int64_t other = Queued();
  auto noreason = Post(I(other) + "/reject", ce, Form({{"version", "1"}, {"reason", ""}}));
  EXPECT_EQ(noreason.status, 400);
  EXPECT_NE(noreason.body.find("id=\"reason-error\""), std::string::npos);
  EXPECT_EQ(store().FindImportReview(other)->state, storage::ReviewState::kAwaiting);
}

// ---------------------------------------------------------------- compliance and the forward plan

TEST_F(StaffHttpTest, TheComplianceViewAndItsCsvShowWhatIsDueAndDeferred) {
  const std::string formula = "=HYPERLINK(\"http://evil.example\") compliance row";
  std::int64_t due = Planned(formula);
  publication::PlanInput defer{decisions::PlanKind::kDefer};
  defer.reason = "Compliance test: procurement under way";
  defer.until = Date{std::chrono::year_month_day{Instant::Now().UkDate().days() + std::chrono::days{40}}};
  std::int64_t deferred = Planned("Compliance deferred decision", defer);

  auto page = Get("/staff/cumbria/compliance", &AgentFor("cu_go"));
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  EXPECT_EQ(page.headers["cache-control"], "no-store");
  EXPECT_NE(page.body.find("id=\"compliance-summary\""), std::string::npos);
  EXPECT_NE(page.body.find("HYPERLINK(&quot;http://evil.example&quot;) compliance row"), std::string::npos);
  EXPECT_NE(page.body.find("Compliance test: procurement under way"), std::string::npos);
  EXPECT_NE(page.body.find(D(due) + "/publication"), std::string::npos);
  EXPECT_NE(page.body.find(D(deferred) + "/publication"), std::string::npos);
  EXPECT_EQ(page.body.find(kMarker), std::string::npos) << "no Part 2 text on the compliance view";

  auto csv = Get("/staff/cumbria/compliance.csv", &AgentFor("cu_cfo"));
  ASSERT_EQ(csv.status, 200) << csv.body.substr(0, 2000);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["cache-control"], "no-store");
  EXPECT_NE(csv.headers["content-disposition"].find("attachment; filename=\"cumbria-compliance-"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("\"section\",\"reference\",\"title\",\"decision_date\",\"due_date\"", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://evil.example\"\") compliance row\""), std::string::npos)
      << "spreadsheet-safe: a formula is quoted with an apostrophe\n" << csv.body;
  const std::string ref = Load(deferred).reference;
  EXPECT_NE(csv.body.find("\"deferred\",\"" + ref + "\",\"Compliance deferred decision\""), std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("\"Compliance test: procurement under way\""), std::string::npos);
  EXPECT_EQ(csv.body.find(kMarker), std::string::npos);

  // Refused: an originating officer, another body's officer; a bad year; an unknown body.
  for (const char* who : {"cu_oo", "la_cc"}) {
    for (const char* path : {"/staff/cumbria/compliance", "/staff/cumbria/compliance.csv"}) {
      auto refused = Get(path, &AgentFor(who));
      EXPECT_EQ(refused.status, 403) << who << " " << path;
      EXPECT_EQ(refused.body.find("Compliance deferred decision"), std::string::npos) << who << " " << path;
    }
  }
  EXPECT_EQ(Get("/staff/cumbria/compliance?year=20x6", &AgentFor("cu_ce")).status, 400);
  EXPECT_EQ(Get("/staff/atlantis/compliance", &AgentFor("admin")).status, 404);
  auto other_year = Get("/staff/cumbria/compliance.csv?year=2011", &AgentFor("cu_ce"));
  ASSERT_EQ(other_year.status, 200);
  EXPECT_EQ(other_year.body.find("Compliance deferred decision"), std::string::npos) << "filtered by year";
}

TEST_F(StaffHttpTest, ForwardPlanFormsShowErrorsBesideFieldsStoreNothingAndPublishOnlyPublicLinks) {
  const Agent& go = AgentFor("cu_go");
  auto before = store().ListForwardPlan("cumbria");
  ASSERT_TRUE(before);

  // Bad input: every problem beside its field, nothing stored.
  auto bad = Post("/staff/cumbria/forward-plan", go,
                  Form({{"title", " "}, {"summary", "Something"}, {"decision_maker", ""}, {"planned_date", "1 June"}}));
  EXPECT_EQ(bad.status, 400) << bad.body.substr(0, 2000);
  EXPECT_NE(bad.body.find("id=\"title-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"decision_maker-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"planned_date-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("&apos;1 June&apos; is not a date"), std::string::npos) << bad.body.substr(0, 4000);
  EXPECT_EQ(bad.body.find("id=\"summary-error\""), std::string::npos);
  EXPECT_NE(bad.body.find(">Something</textarea>"), std::string::npos) << "what was typed is kept";
  // No CSRF token: refused, nothing stored.
  auto forged = Send("POST", "/staff/cumbria/forward-plan", &go, PlanForm("Forged item"));
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(store().ListForwardPlan("cumbria")->size(), before->size());

  auto added = Post("/staff/cumbria/forward-plan", go, PlanForm("Public forward plan item", "part2_expected=yes"));
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
  EXPECT_EQ(added.headers["location"], "/staff/cumbria/forward-plan?done=added");
  auto plan = store().ListForwardPlan("cumbria");
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->size(), before->size() + 1);
  std::int64_t id = 0;
  for (const auto& item : *plan) {
    if (item.title == "Public forward plan item") id = item.id;
  }
  ASSERT_NE(id, 0);
  EXPECT_TRUE(store().FindForwardPlanItem(id)->part2_expected);

  // Linked to a decided decision that is not published: staff see it, the public do not.
  std::int64_t decided = Decided("Forward plan linked decision");
  const std::string ref = Load(decided).reference;
  auto linked = Post(Fp(id), go, PlanForm("Public forward plan item",
                                                  "part2_expected=yes&version=1&decision=" + std::to_string(decided)));
  ASSERT_EQ(linked.status, 303) << linked.body.substr(0, 2000);
  auto staff_page = Get("/staff/cumbria/forward-plan", &go);
  ASSERT_EQ(staff_page.status, 200);
  EXPECT_NE(staff_page.body.find(ref), std::string::npos);
  auto public_page = Get("/cumbria/forward-plan");
  ASSERT_EQ(public_page.status, 200);
  EXPECT_NE(public_page.body.find("Public forward plan item"), std::string::npos);
  EXPECT_EQ(public_page.body.find(ref), std::string::npos) << "an unpublished decision is not named";
  EXPECT_EQ(public_page.body.find("Forward plan linked decision"), std::string::npos);
  EXPECT_EQ(public_page.body.find("/staff/"), std::string::npos);
  auto history = store().ListAuditEvents(0, 100000);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().action, "forward-plan.link");

  // Once published, its public reference links to the register.
  ASSERT_TRUE(services::SetPublicationPlan(store(), Workflow(), decided, {decisions::PlanKind::kPublish},
                                           ActorOf("cu_ce"), Instant::Now()));
  ASSERT_TRUE(services::Publish(store(), Workflow(), decided, ActorOf("cu_ce"), Instant::Now()));
  public_page = Get("/cumbria/forward-plan");
  EXPECT_NE(public_page.body.find("/cumbria/decisions/" + decisions::ReferenceSlug(ref)), std::string::npos);

  // A stale version and a decision not of this body are refused beside the form; nothing changes.
  auto stored = *store().FindForwardPlanItem(id);
  auto stale = Post(Fp(id), go, PlanForm("Stale title", "version=1"));
  EXPECT_EQ(stale.status, 409) << stale.body.substr(0, 2000);
  auto wrong = Post(Fp(id), go, PlanForm("Public forward plan item", "version=" + std::to_string(stored.version) +
                                                                          "&decision=" + std::to_string(decided + 100000)));
  EXPECT_EQ(wrong.status, 400) << wrong.body.substr(0, 2000);
  EXPECT_NE(wrong.body.find("id=\"decision-error\""), std::string::npos);
  EXPECT_EQ(*store().FindForwardPlanItem(id), stored);
}

}  // namespace
}  // namespace assent::web
