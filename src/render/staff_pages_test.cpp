#include "render/staff_pages.hpp"

#include <gtest/gtest.h>

#include "tests/support/files.hpp"

namespace assent::render {
namespace {

class StaffPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pages = HtmlPages::Load(testing_support::SourceDir() + "/templates");
    ASSERT_TRUE(pages) << pages.error().ToString();
    html_.emplace(std::move(*pages));
    form_.id = "f";
    form_.title = "Request for decision";
    form_.sections = {{"summary", "Summary", decisions::Part::kPart1, true},
                      {"part2", "Confidential <facts>", decisions::Part::kPart2}};
    body_.slug = "cumbria";
    body_.name = "Police & Crime Commissioner for Cumbria";
    staff_.decision.id = 7;
    staff_.decision.body = "cumbria";
    staff_.decision.title = "CCTV <replacement>";
    staff_.decision.status = decisions::Status::kSubmitted;
    staff_.decision.reference = "001/2026";
    staff_.decision.sections = {{"summary", "Summary", decisions::Part::kPart1, "Public <b>text</b>"},
                                {"part2", "Confidential <facts>", decisions::Part::kPart2, "Secret & \"quoted\""}};
    decisions::SignOff s;
    s.step = "first";
    s.name = "Olive";
    s.role = "Originating Officer";
    s.signed_at = "2026-03-02T09:30:00Z";
    s.content_hash = std::string(64, 'a');
    s.voided = "voided: content edited by jsmith at 2026-03-03T10:00:00Z";
    staff_.decision.signoffs = {s};
    workflow::Step step;
    step.key = "first";
    step.label = "Originating Officer";
    step.role = "originating_officer";
    staff_.steps = {step};
    audit::Event e;
    e.at = "2026-03-01T08:00:00Z";
    e.actor = "olive";
    e.action = "decision.create";
    e.detail = "started a draft: <x>";
    staff_.history = {e};
    chrome_.signed_in = true;
    chrome_.display_name = "Olive <O'Brien>";
    chrome_.csrf = "tok\"en";
  }
  std::optional<HtmlPages> html_;
  decisions::Form form_;
  decisions::Body body_;
  workflow::DelegationScheme scheme_ = workflow::DefaultScheme();
  services::StaffDecision staff_;
  StaffChrome chrome_;
};

TEST_F(StaffPagesTest, DecisionPageEscapesAndMarksPart2) {
  StaffPages pages(*html_);
  DecisionView view{staff_, {form_, body_, scheme_}, {.edit = true, .withdraw = true}, {}, {}, {}, {}};
  std::string html = pages.Decision(chrome_, view);
  EXPECT_NE(html.find("CCTV &lt;replacement&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<replacement>"), std::string::npos);
  EXPECT_EQ(html.find("<b>text</b>"), std::string::npos);
  EXPECT_NE(html.find("Secret &amp; &quot;quoted&quot;"), std::string::npos);
  EXPECT_NE(html.find("Part 2 – confidential"), std::string::npos);
  EXPECT_NE(html.find("Signed in as <strong>Olive &lt;O&apos;Brien&gt;</strong>"), std::string::npos);
  EXPECT_NE(html.find("value=\"tok&quot;en\""), std::string::npos);
  EXPECT_NE(html.find("voided: content edited by jsmith"), std::string::npos);
  EXPECT_NE(html.find("/staff/decisions/7/signed/" + std::string(64, 'a')), std::string::npos);
  EXPECT_NE(html.find("2 March 2026, 09:30 UTC"), std::string::npos);
  EXPECT_NE(html.find("started a draft: &lt;x&gt;"), std::string::npos);
  EXPECT_NE(html.find("/staff/decisions/7/withdraw"), std::string::npos);
  EXPECT_EQ(html.find("/staff/decisions/7/return"), std::string::npos);
}

TEST_F(StaffPagesTest, OnlyStaffPagesHaveTheStaffHeader) {
  StaffPages pages(*html_);
  EXPECT_NE(pages.Home(chrome_, {}).find("assent-staff-bar"), std::string::npos);
  std::string sign_in = pages.SignIn({.csrf = "x"});
  EXPECT_NE(sign_in.find("assent-staff-bar"), std::string::npos);
  EXPECT_EQ(sign_in.find("Signed in as"), std::string::npos);
  // Public pages: the same for everyone, no staff header.
  EXPECT_EQ(html_->Home({}).find("assent-staff-bar"), std::string::npos);
  EXPECT_EQ(html_->Error(404, "Page not found", "x").find("assent-staff-bar"), std::string::npos);
}

TEST_F(StaffPagesTest, ErrorSummaryLinksToTheField) {
  StaffPages pages(*html_);
  SignInView v;
  v.errors = {{"password", "Enter your password"}, {"", "Something general"}};
  std::string html = pages.SignIn(v);
  EXPECT_NE(html.find("<title>Error: Sign in"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#password\">Enter your password</a>"), std::string::npos);
  EXPECT_NE(html.find("<li>Something general</li>"), std::string::npos);
  EXPECT_NE(html.find("id=\"password-error\""), std::string::npos);
}

TEST_F(StaffPagesTest, SignedSnapshotIsShownAsContent) {
  StaffPages pages(*html_);
  SignedView v;
  v.id = 7;
  v.title = "CCTV";
  v.content_hash = std::string(64, 'b');
  v.snapshot = workflow::ContentSnapshot(staff_.decision);
  std::string html = pages.Signed(chrome_, v, {form_, body_, scheme_});
  EXPECT_NE(html.find("Public &lt;b&gt;text&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("Part 2 – confidential"), std::string::npos);
  v.snapshot = "not json <at all>";
  html = pages.Signed(chrome_, v, {form_, body_, scheme_});
  EXPECT_NE(html.find("not json &lt;at all&gt;"), std::string::npos);
}

}  // namespace
}  // namespace assent::render
