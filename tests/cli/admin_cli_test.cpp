// assent user / audit / mail as an administrator runs them, on a SQLite data directory
// holding the demo register.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fstream>

#include "services/accounts.hpp"
#include "services/catalogue.hpp"
#include "services/workflow.hpp"
#include "storage/open_store.hpp"
#include "tests/support/files.hpp"
#include "tests/support/run_assent.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/smtp_sink.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using testing_support::AssentRun;
using testing_support::RunAssent;
using testing_support::ShellQuote;
using testing_support::TempDir;

constexpr const char* kPassword = "correct horse battery staple";

class AdminCli : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.File("data");
    // The demo register: three bodies, five decisions (each with its audit event).
    auto r = RunAssent("--data-dir " + ShellQuote(data_) + " --demo user list");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    std::ofstream(dir_.File("pw")) << kPassword << "\n";
    std::ofstream(dir_.File("pw2")) << "another good passphrase\n";
    std::ofstream(dir_.File("short")) << "short\n";
    std::ofstream(dir_.File("empty"));
  }
  AssentRun Run(const std::string& args, const std::string& env = "") {
    return RunAssent("--data-dir " + ShellQuote(data_) + " " + args, env);
  }
  std::string Stdin(const std::string& name) { return " < " + ShellQuote(dir_.File(name)); }
  std::string Users() { return Run("user list --json").out; }
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((data_ + "/assent.db").c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  // A submission (through the services, on the same database) queues one message, for
  // the chief executive.
  void QueueOneMail() {
    auto store = storage::OpenStore("sqlite:" + data_ + "/assent.db");
    ASSERT_TRUE(store);
    services::Catalogue catalogue;
    catalogue.forms = *services::LoadForms(testing_support::SourceDir() + "/forms");
    services::WorkflowSetup setup{catalogue, "https://decisions.example.org"};
    auto oo = services::AddUser(**store, {"olive", "Olive", "", kPassword, {{"cumbria", "originating_officer"}}},
                                {}, Instant::Now());
    ASSERT_TRUE(oo) << oo.error().ToString();
    ASSERT_TRUE(services::AddUser(**store, {"chris", "Chris", "chris@example.org", kPassword,
                                            {{"cumbria", "chief_executive"}}},
                                  {}, Instant::Now()));
    auto actor = services::ActorFor(*oo);
    auto id = services::CreateDraft(**store, setup, "cumbria", "A decision", actor, Instant::Now());
    ASSERT_TRUE(id) << id.error().ToString();
    workflow::DraftEdit e;
    e.title = "A decision";
    e.sections = {{"executive_summary", "", decisions::Part::kPart1, "Summary."},
                  {"recommendation", "", decisions::Part::kPart1, "Approve."}};
    ASSERT_TRUE(services::EditDraft(**store, setup, *id, (*store)->FindDecisionById(*id)->version, e, actor,
                                    Instant::Now()));
    workflow::SignInput in;
    in.declaration_confirmed = true;
    in.content_hash = workflow::ContentHash(*(*store)->FindDecisionById(*id));
    auto s = services::Submit(**store, setup, *id, in, actor, Instant::Now());
    ASSERT_TRUE(s) << s.error().ToString();
  }

  TempDir dir_;
  std::string data_;
};

TEST_F(AdminCli, AddListSetRolesAndResetPassword) {
  auto empty = Run("user list");
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_NE(empty.out.find("no users yet"), std::string::npos) << empty.out;

  auto add = Run("user add jsmith --name 'Jane Smith' --email jane@example.org "
                 "--roles cumbria:commissioner,lancashire:governance_officer --password-stdin" + Stdin("pw"));
  ASSERT_EQ(add.exit_code, 0) << add.out;
  EXPECT_EQ(add.out, "added user jsmith (Jane Smith) with cumbria:commissioner,lancashire:governance_officer\n");
  // Not a terminal: the password is one line of standard input, flag or not.
  auto add2 = Run("user add bob --name 'Bob Jones' --roles essex:originating_officer" + Stdin("pw"));
  ASSERT_EQ(add2.exit_code, 0) << add2.out;

  auto list = Run("user list");
  ASSERT_EQ(list.exit_code, 0) << list.out;
  EXPECT_NE(list.out.find("USERNAME"), std::string::npos);
  EXPECT_NE(list.out.find("jsmith"), std::string::npos);
  EXPECT_NE(list.out.find("Jane Smith"), std::string::npos);
  EXPECT_NE(list.out.find("jane@example.org"), std::string::npos);
  EXPECT_NE(list.out.find("active"), std::string::npos);
  EXPECT_LT(list.out.find("bob"), list.out.find("jsmith")) << "by username";

  auto json = nlohmann::json::parse(Users());
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(json[1]["username"], "jsmith");
  EXPECT_EQ(json[1]["roles"], nlohmann::json::array({"cumbria:commissioner", "lancashire:governance_officer"}));
  EXPECT_EQ(json[1]["locked_until"], nullptr);
  EXPECT_EQ(Users().find("argon2"), std::string::npos) << "no password hashes";

  auto set = Run("user set-roles jsmith --roles essex:chief_executive");
  ASSERT_EQ(set.exit_code, 0) << set.out;
  EXPECT_EQ(set.out,
            "roles of jsmith: essex:chief_executive (were cumbria:commissioner,lancashire:governance_officer)\n");
  EXPECT_EQ(nlohmann::json::parse(Users())[1]["roles"], nlohmann::json::array({"essex:chief_executive"}));

  auto reset = Run("user reset-password jsmith --password-stdin" + Stdin("pw2"));
  ASSERT_EQ(reset.exit_code, 0) << reset.out;
  EXPECT_NE(reset.out.find("password of jsmith reset"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(Users())[1]["must_change_password"], true);
  EXPECT_NE(Run("user list").out.find("must change password"), std::string::npos);

  // The new password works, through the service on the same store.
  auto store = storage::OpenStore("sqlite:" + data_ + "/assent.db");
  ASSERT_TRUE(store);
  EXPECT_TRUE(services::SignIn(**store, "jsmith", "another good passphrase", Instant::Now()));
  EXPECT_FALSE(services::SignIn(**store, "jsmith", kPassword, Instant::Now()));
}

TEST_F(AdminCli, ErrorsNameWhatIsWrongAndChangeNothing) {
  ASSERT_EQ(Run("user add jsmith --name 'Jane Smith' --roles cumbria:commissioner" + Stdin("pw")).exit_code, 0);
  std::string before = Users();
  struct Case {
    std::string args;
    std::string out;
  } cases[] = {
      {"user add jsmith --name 'Jane Again' --roles cumbria:commissioner" + Stdin("pw"),
       "assent: username: the username 'jsmith' is taken\n"},
      {"user add 9lives --name 'Nine' " + Stdin("pw"), ""},
      {"user add kim --name 'Kim' --roles cumbria:chef" + Stdin("pw"), "'cumbria:chef' is not a role"},
      {"user add kim --name 'Kim' --roles atlantis:commissioner" + Stdin("pw"), "there is no body 'atlantis'"},
      {"user add kim --name 'Kim' --email 'not an address'" + Stdin("pw"), "assent: email: "},
      {"user add kim --name 'Kim'" + Stdin("short"), "assent: password: "},
      {"user add kim --name 'Kim'" + Stdin("empty"), "assent: password: no password on standard input\n"},
      {"user set-roles nobody --roles cumbria:commissioner", "assent: username: there is no user 'nobody'\n"},
      {"user set-roles jsmith --roles atlantis:commissioner", "there is no body 'atlantis'"},
      {"user reset-password nobody" + Stdin("pw"), "assent: username: there is no user 'nobody'\n"},
      {"user reset-password jsmith" + Stdin("short"), "assent: password: "},
  };
  for (const auto& c : cases) {
    auto r = Run(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args << "\n" << r.out;
    EXPECT_NE(r.out.find(c.out), std::string::npos) << c.args << "\n" << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "one line: " << r.out;
  }
  EXPECT_EQ(Users(), before) << "the store is untouched";
  auto missing = Run("user add");
  EXPECT_NE(missing.exit_code, 0);
}

TEST_F(AdminCli, AuditVerifyPassesThenNamesATamperedDecision) {
  auto ok = Run("audit verify");
  ASSERT_EQ(ok.exit_code, 0) << ok.out;
  // The demo's five seeds, each queued and confirmed.
  EXPECT_EQ(ok.out, "audit log verified: 10 events, 5 decisions (0 stored before the log)\n");

  Sql("UPDATE decisions SET title = 'Tampered' WHERE reference = '006/2017'");
  auto bad = Run("audit verify");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("assent: audit log NOT verified: decision "), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("(cumbria 006/2017): row changed outside Assent since event"), std::string::npos)
      << bad.out;
}

TEST_F(AdminCli, AuditVerifyNamesATamperedEvent) {
  Sql("UPDATE audit_events SET actor = 'someone' WHERE seq = 2");
  auto bad = Run("audit verify");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("assent: audit log NOT verified: event 2: "), std::string::npos) << bad.out;
}

TEST_F(AdminCli, MailSendDeliversTheOutbox) {
  auto off = Run("mail send");
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_EQ(off.out, "assent: smtp_url: mail is off: set smtp_url\n");

  QueueOneMail();
  auto listed = Run("mail list");
  ASSERT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_NE(listed.out.find("chris@example.org"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("[waiting]"), std::string::npos) << listed.out;

  auto down = Run("mail send --smtp-url smtp://127.0.0.1:1 --smtp-from decisions@example.org");
  EXPECT_EQ(down.exit_code, 3) << down.out;
  EXPECT_NE(down.out.find("mail: 0 sent, 1 not delivered"), std::string::npos) << down.out;
  EXPECT_NE(Run("mail list").out.find("1 failed attempts"), std::string::npos);

  testing_support::SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  auto sent = Run("mail send", "ASSENT_SMTP_URL=" + sink.Url() + " ASSENT_SMTP_FROM=decisions@example.org");
  ASSERT_EQ(sent.exit_code, 0) << sent.out;
  EXPECT_EQ(sent.out, "mail: 1 sent, 0 not delivered\n");
  ASSERT_TRUE(sink.WaitFor(1));
  EXPECT_EQ(sink.Messages()[0].to, (std::vector<std::string>{"chris@example.org"}));
  EXPECT_EQ(Run("mail list").out, "the outbox is empty\n");
}

TEST_F(AdminCli, ServeSendsMailWhenSmtpIsSet) {
  auto no_from = Run("--smtp-url smtp://127.0.0.1:25 serve --listen 127.0.0.1:0");
  EXPECT_EQ(no_from.exit_code, 1) << no_from.out;
  EXPECT_NE(no_from.out.find("assent: smtp_from: set smtp_from (the sender address) as well as smtp_url"),
            std::string::npos)
      << no_from.out;

  testing_support::SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  testing_support::ServerProcess server(
      {"--data-dir", data_},
      {"ASSENT_SMTP_URL=" + sink.Url(), "ASSENT_SMTP_FROM=decisions@example.org",
       "ASSENT_SMTP_PASSWORD=hunter2-smtp"});
  ASSERT_TRUE(server.WaitUntilListening()) << server.Log();
  EXPECT_NE(server.Log().find("mail: through " + sink.Url() + " as decisions@example.org"), std::string::npos)
      << server.Log();
  EXPECT_EQ(server.Log().find("hunter2"), std::string::npos);
  QueueOneMail();
  ASSERT_TRUE(sink.WaitFor(1, std::chrono::seconds(30))) << "the sender's next pass delivers it\n" << server.Log();
  EXPECT_EQ(sink.Messages()[0].to, (std::vector<std::string>{"chris@example.org"}));
  EXPECT_EQ(server.Stop(), 0) << server.Log();
}

}  // namespace
}  // namespace assent
