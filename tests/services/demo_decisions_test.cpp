// The demo's publication states (demo/decisions/*.toml) on both backends: each file is run
// through the real workflow and publication use cases by the demo staff, and the store and
// the public register then show every state; the audit chain verifies. A bad file fails the
// load naming the file and the key, before anything is written.
#include <gtest/gtest.h>

#include <fstream>

#include "publication/public_json.hpp"
#include "services/audit_log.hpp"
#include "services/calendar_file.hpp"
#include "services/demo_decisions.hpp"
#include "services/demo_staff.hpp"
#include "services/publication.hpp"
#include "services/register.hpp"
#include "tests/services/service_fixture.hpp"
#include "tests/support/files.hpp"

namespace assent::testing_support {
namespace {

using publication::PublicState;

class DemoDecisions : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto calendar = services::LoadCalendarFile(SourceDir() + "/calendars/bank-holidays.json");
    ASSERT_TRUE(calendar) << calendar.error().ToString();
    catalogue_.calendar = std::move(*calendar);
    auto staff = services::CreateDemoStaffIfNone(*store_, SourceDir() + "/demo/staff.toml", now_);
    ASSERT_TRUE(staff) << staff.error().ToString();
  }

  // The one public decision of `body` whose title starts with `title`.
  publication::PublicDecision Find(const std::string& body, const std::string& title) {
    auto page = services::GetRegister(*store_, body, std::nullopt);
    EXPECT_TRUE(page) << page.error().ToString();
    if (!page) return {};
    for (const auto& row : page->rows) {
      if (row.title.rfind(title, 0) != 0) continue;
      auto p = services::GetPublicDecision(*store_, body, row.reference_slug);
      EXPECT_TRUE(p) << p.error().ToString();
      return p ? *p : publication::PublicDecision{};
    }
    ADD_FAILURE() << "no '" << title << "' on the " << body << " register";
    return {};
  }

  std::string WriteFile(const std::string& name, const std::string& text) {
    std::string dir = dir_.File("bad");
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/" + name) << text;
    return dir;
  }

  int DecisionCount() {
    int n = 0;
    for (const char* body : {"cumbria", "lancashire", "essex"}) {
      auto rows = store_->ListDecisions({.body = body, .limit = 1000});
      EXPECT_TRUE(rows);
      if (rows) n += static_cast<int>(rows->size());
    }
    return n;
  }
};

TEST_P(DemoDecisions, EveryPublicationStateIsOnTheRegister) {
  auto loaded = services::LoadDemoDecisions(*store_, catalogue_, SourceDir() + "/demo/decisions", now_);
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  EXPECT_EQ(*loaded, 6);

  // Part 2: a section, a paper and an appendix, none of them public.
  auto cctv = Find("cumbria", "Replacement of custody suite CCTV");
  EXPECT_EQ(cctv.state, PublicState::kPublished);
  EXPECT_TRUE(cctv.part2_exists);
  EXPECT_EQ(cctv.part2_papers_withheld, 1);
  std::string json = publication::PublicArtifact(cctv);
  for (const char* secret : {"Supplier A", "blind-spot survey", "tender evaluation scores", "Supplier C"}) {
    EXPECT_EQ(json.find(secret), std::string::npos) << secret << " is public: " << json;
  }
  ASSERT_EQ(cctv.versions.size(), 1u);
  EXPECT_EQ(cctv.versions[0].kind, "published");

  // A span redacted under s43, signed off: "[redacted]" and a notice, never the words.
  auto fleet = Find("essex", "Award of the fleet vehicle telematics contract");
  EXPECT_EQ(fleet.state, PublicState::kPublished);
  ASSERT_EQ(fleet.redactions.size(), 1u);
  EXPECT_EQ(fleet.redactions[0].ground, "s43");
  json = publication::PublicArtifact(fleet);
  EXPECT_EQ(json.find("96,400"), std::string::npos) << json;
  EXPECT_NE(json.find("[redacted]"), std::string::npos) << json;

  // Deferred until 60 days after the load date: a stub without text.
  auto drones = Find("lancashire", "Expansion of the drone capability");
  EXPECT_EQ(drones.state, PublicState::kDeferred);
  Date today = now_.UkDate();
  EXPECT_EQ(drones.deferred_until, Date(std::chrono::year_month_day(today.days() + std::chrono::days(60))));
  EXPECT_FALSE(drones.deferral_reason.empty());
  EXPECT_TRUE(drones.sections.empty());
  auto due = services::PublishDue(*store_, Wf(), today, now_);
  ASSERT_TRUE(due);
  EXPECT_TRUE(due->published.empty()) << "the deferral has not ended";

  // Withheld under s31 with a review date.
  auto armoury = Find("cumbria", "Security improvements to the force armoury");
  EXPECT_EQ(armoury.state, PublicState::kWithheld);
  EXPECT_EQ(armoury.withheld_ground, "s31");
  EXPECT_EQ(armoury.withheld_what, "The whole decision");
  EXPECT_TRUE(armoury.review_date && *armoury.review_date > today);
  EXPECT_TRUE(armoury.sections.empty());

  // Published, then withdrawn: the tombstone.
  auto lease = Find("essex", "Lease of the training annex");
  EXPECT_EQ(lease.state, PublicState::kWithdrawn);
  EXPECT_NE(lease.withdrawal_reason.find("Published in error"), std::string::npos);
  EXPECT_TRUE(lease.sections.empty());
  ASSERT_EQ(lease.versions.size(), 2u);
  EXPECT_EQ(lease.versions[1].kind, "withdrawn");

  // Published, then corrected with a public change note.
  auto grants = Find("cumbria", "Community Safety Fund grants");
  EXPECT_EQ(grants.state, PublicState::kPublished);
  ASSERT_EQ(grants.versions.size(), 2u);
  EXPECT_EQ(grants.versions[1].kind, "corrected");
  EXPECT_NE(grants.versions[1].change_note.find("£15,000"), std::string::npos);
  json = publication::PublicArtifact(grants);
  EXPECT_NE(json.find("including £15,000"), std::string::npos) << json;

  // Real signatures, versions and audit events: the chain verifies.
  auto audit = services::VerifyAudit(*store_);
  ASSERT_TRUE(audit) << audit.error().ToString();
  auto stored = store_->FindDecisionById(1);
  ASSERT_TRUE(stored);
  EXPECT_FALSE(stored->signoffs.empty());
  EXPECT_NE(stored->signoffs[0].user_id, 0) << "signed by a demo staff account";
}

TEST_P(DemoDecisions, ABadFileNamesItselfAndTheKeyAndWritesNothing) {
  std::string good = ReadSourceFile("demo/decisions/06-cumbria-grants-corrected.toml");
  struct Case {
    std::string from, to;  // a change to the good file
    std::string where;     // the key the error names
    std::string says;
  };
  const Case cases[] = {
      {"title = ", "tittle = ", "tittle", "unknown key"},
      {"on = \"2025-04-09\"", "on = \"2025-04-31\"", "sign[0].on", "is not a date"},
      {"by = \"cumbria.pcc\"", "by = \"cumbria.nobody\"", "decide[0].by", "no staff account 'cumbria.nobody'"},
      {"outcome = \"approved\"", "outcome = \"yes\"", "decide[0].outcome", "approved"},
      {"plan = \"publish\"", "plan = \"maybe\"", "publication.plan", "\"publish\", \"defer\" or \"withhold\""},
      {"on = \"2025-04-23\"", "on = \"2025-04-01\"", "publication.event[1].on", "before the act it follows"},
      {"on = \"2025-04-23\"", "on = \"+3 days\"", "publication.event[1].on", "in the future"},
      {"body = \"cumbria\"", "body = \"durham\"", "body", "no body 'durham'"},
  };
  for (const auto& c : cases) {
    std::string text = good;
    auto at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    std::string dir = WriteFile("07-bad.toml", text);
    // A good file beside it, first by name: nothing of it is written either.
    std::ofstream(dir + "/01-good.toml") << good;
    auto r = services::LoadDemoDecisions(*store_, catalogue_, dir, now_);
    ASSERT_FALSE(r) << c.where;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << r.error().ToString();
    EXPECT_EQ(r.error().where, dir + "/07-bad.toml: " + c.where) << r.error().ToString();
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().ToString();
    EXPECT_EQ(DecisionCount(), 0) << c.where << ": the store is untouched";
  }
}

TEST_P(DemoDecisions, AnActTheUseCasesRefuseNamesTheFileAndTheAct) {
  std::string text = ReadSourceFile("demo/decisions/02-essex-vehicle-telematics.toml");
  std::string from = "text = \"The preferred bidder's annual charge is £96,400 a year\"";
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "text = \"words that are not in the section\"");
  std::string dir = WriteFile("02-essex.toml", text);
  auto r = services::LoadDemoDecisions(*store_, catalogue_, dir, now_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where, dir + "/02-essex.toml: publication.redaction[0]") << r.error().ToString();
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << r.error().ToString();
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoDecisions, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
