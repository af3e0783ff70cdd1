#include "web/staff_forms.hpp"

#include <gtest/gtest.h>

#include "web/staff_gate.hpp"
#include "web/staff_handlers.hpp"

namespace assent::web {
namespace {

TEST(StaffForms, Pounds) {
  EXPECT_EQ(*ParsePounds(""), std::nullopt);
  EXPECT_EQ(*ParsePounds("  "), std::nullopt);
  EXPECT_EQ(**ParsePounds("25,000"), 2500000);
  EXPECT_EQ(**ParsePounds("\xC2\xA3" "1,250.50"), 125050);
  EXPECT_EQ(**ParsePounds("3.5"), 350);
  EXPECT_EQ(**ParsePounds("0.07"), 7);
  for (const char* bad : {"abc", "1.234", "-5", "1.", ".5", "12e3", "1,2.3.4", "99999999999999"}) {
    EXPECT_FALSE(ParsePounds(bad)) << bad;
  }
  EXPECT_EQ(PoundsInput(2500000), "25000");
  EXPECT_EQ(PoundsInput(125050), "1250.50");
  EXPECT_EQ(PoundsInput(std::nullopt), "");
  EXPECT_EQ(render::PoundsText(2500000), "\xC2\xA3" "25,000.00");
  EXPECT_EQ(render::PoundsText(5), "\xC2\xA3" "0.05");
}

TEST(StaffForms, Dates) {
  EXPECT_EQ(ParseUserDate("27/3/2026")->ToIso(), "2026-03-27");
  EXPECT_EQ(ParseUserDate("27-03-2026")->ToIso(), "2026-03-27");
  EXPECT_EQ(ParseUserDate("2026-03-27")->ToIso(), "2026-03-27");
  EXPECT_FALSE(ParseUserDate("31/2/2026"));
  EXPECT_FALSE(ParseUserDate("next week"));
  EXPECT_FALSE(ParseUserDate("3/27/26"));
  EXPECT_EQ(DateInput("2026-03-07"), "7/3/2026");
  EXPECT_EQ(DateInput("not a date"), "not a date");
  EXPECT_EQ(render::InstantText("2026-11-21T10:15:00Z"), "21 November 2026, 10:15 UTC");
}

decisions::Form SmallForm() {
  decisions::Form f;
  f.id = "f";
  f.fields = {{"classification", "Classification"}, {"report_date", "Date of report", decisions::FieldType::kDate}};
  f.sections = {{"summary", "Summary", decisions::Part::kPart1, true},
                {"part2", "Confidential", decisions::Part::kPart2}};
  f.publication = {{"deferred", "Deferred?"},
                   {"deferred_until", "Until", decisions::FieldType::kDate},
                   {"part2_exists", "Part 2?"}};
  f.media = {{"press_release_required", "Press release?"}};
  return f;
}

TEST(StaffForms, EditRoundTrip) {
  auto form = SmallForm();
  decisions::Decision d;
  d.id = 4;
  d.version = 7;
  d.title = "Fleet";
  d.category = "procurement";
  d.amount_pence = 125050;
  d.sections = {{"summary", "Summary", decisions::Part::kPart1, "S1"},
                {"part2", "Confidential", decisions::Part::kPart2, "secret"}};
  d.fields = {{"report_date", "2026-03-07"}};
  d.persons_consulted = {"Chief Finance Officer", "Legal"};
  d.boards = {{"Chief Officer Group", *Date::ParseIso("2026-03-12")}, {"Joint Audit Committee", std::nullopt}};
  d.background_papers = {{"Business case", decisions::Part::kPart1}, {"Tender scores", decisions::Part::kPart2}};
  d.publication.deferred = true;
  d.publication.deferred_until = *Date::ParseIso("2026-04-01");
  d.publication.part2_exists = true;
  d.publication.part2_reason = "Commercial interests";
  d.attachments = {{"a.pdf", "application/pdf", decisions::Part::kPart1, "aaa", 10},
                   {"b.pdf", "application/pdf", decisions::Part::kPart2, "bbb", 20}};

  auto values = EditFormFrom(d, form);
  EXPECT_EQ(values.version, 7);
  EXPECT_EQ(values.amount, "1250.50");
  EXPECT_EQ(values.fields["report_date"], "7/3/2026");
  EXPECT_EQ(values.answers["deferred"], "yes");
  EXPECT_EQ(values.answers["deferred_until"], "1/4/2026");
  EXPECT_EQ(values.papers_part2, "Tender scores");
  EXPECT_EQ(values.consultees, "Chief Finance Officer\nLegal");
  EXPECT_EQ(values.boards, "Chief Officer Group | 12/3/2026\nJoint Audit Committee");

  auto parsed = ToDraftEdit(values, form, d);
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  const auto& e = parsed.edit;
  EXPECT_EQ(e.title, "Fleet");
  EXPECT_EQ(e.amount_pence, 125050);
  ASSERT_EQ(e.sections.size(), 2u);
  EXPECT_EQ(e.sections[1].part, decisions::Part::kPart2);
  EXPECT_EQ(e.sections[1].text, "secret");
  ASSERT_EQ(e.fields.size(), 2u);  // every field of the form, so a cleared one is cleared
  EXPECT_EQ(e.fields[0].value, "");
  EXPECT_EQ(e.fields[1].value, "2026-03-07");
  EXPECT_EQ(e.background_papers, d.background_papers);
  EXPECT_EQ(e.persons_consulted, d.persons_consulted);
  EXPECT_EQ(e.boards, d.boards);
  EXPECT_EQ(e.publication, d.publication);
  EXPECT_EQ(e.attachments, d.attachments);
}

TEST(StaffForms, PostedValuesAndTheirErrors) {
  auto form = SmallForm();
  decisions::Decision d;
  d.attachments = {{"a.pdf", "application/pdf", decisions::Part::kPart1, "aaa", 10}};
  auto posted = ParseUrlEncoded(
      "csrf=x&version=3&title=New+title&category=ict&amount=12x&section.summary=Hello%0D%0Aworld"
      "&section.part2=&field.report_date=31%2F2%2F2026&answer.deferred=yes&answer.deferred_until=soon"
      "&answer.part2_exists=no&answer.part2_reason=&answer.press_release_required=maybe"
      "&consultees=A%0D%0A%0D%0AB&papers_part1=&papers_part2=P&remove_attachment=aaa"
      "&boards=COG+%7C+12%2F3%2F2026%0D%0ABoard+%7C+someday%0D%0A%7C+1%2F1%2F2026");
  ASSERT_TRUE(posted);
  auto values = EditFormFrom(*posted, form, d);
  EXPECT_EQ(values.version, 3);
  EXPECT_EQ(values.sections["summary"], "Hello\nworld");
  EXPECT_EQ(values.remove_attachments, std::vector<std::string>{"aaa"});
  auto parsed = ToDraftEdit(values, form, d);
  std::vector<std::string> fields;
  for (const auto& err : parsed.errors) fields.push_back(err.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"amount", "field-report_date", "boards", "boards",
                                              "publication-deferred_until", "media-press_release_required"}));
  ASSERT_EQ(parsed.edit.boards.size(), 1u);  // the two bad lines are reported, not kept
  EXPECT_EQ(parsed.edit.boards[0].name, "COG");
  EXPECT_EQ(parsed.edit.boards[0].date, *Date::ParseIso("2026-03-12"));
  EXPECT_TRUE(parsed.edit.attachments.empty());
  // What the post does not name is kept as stored.
  decisions::Decision stored;
  stored.title = "Kept";
  stored.sections = {{"summary", "Summary", decisions::Part::kPart1, "kept summary"}};
  stored.persons_consulted = {"Kept person"};
  auto partial = EditFormFrom(*ParseUrlEncoded("version=1&section.part2=new"), form, stored);
  auto kept = ToDraftEdit(partial, form, stored);
  EXPECT_EQ(kept.edit.title, "Kept");
  EXPECT_EQ(kept.edit.sections[0].text, "kept summary");
  EXPECT_EQ(kept.edit.sections[1].text, "new");
  EXPECT_EQ(kept.edit.persons_consulted, stored.persons_consulted);
  EXPECT_EQ(parsed.edit.persons_consulted, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(parsed.edit.background_papers.size(), 1u);
  EXPECT_EQ(parsed.edit.publication.part2_exists, false);
}

TEST(StaffGate, SameSiteChecksOriginThenReferer) {
  Request req;
  req.headers = {{"host", "127.0.0.1:8080"}};
  EXPECT_TRUE(SameSiteRequest(req, ""));  // neither header: the token decides
  req.headers.push_back({"origin", "http://127.0.0.1:8080"});
  EXPECT_TRUE(SameSiteRequest(req, ""));
  req.headers.back().second = "https://evil.example";
  EXPECT_FALSE(SameSiteRequest(req, ""));
  req.headers.back().second = "null";
  EXPECT_FALSE(SameSiteRequest(req, ""));
  req.headers.back().second = "https://decisions.example.org";
  EXPECT_TRUE(SameSiteRequest(req, "https://decisions.example.org"));
  Request ref;
  ref.headers = {{"host", "decisions.example.org"}, {"referer", "https://decisions.example.org/staff/decisions/1"}};
  EXPECT_TRUE(SameSiteRequest(ref, ""));
  ref.headers.back().second = "https://decisions.example.org.evil.example/x";
  EXPECT_FALSE(SameSiteRequest(ref, ""));
  ref.headers.back().second = "https://user@decisions.example.org/x";
  EXPECT_FALSE(SameSiteRequest(ref, ""));
}

TEST(StaffGate, NextIsAlwaysASameSitePath) {
  EXPECT_EQ(SafeNext("/staff/decisions/4"), "/staff/decisions/4");
  EXPECT_EQ(SafeNext("/staff/decisions/4?x=1"), "/staff/decisions/4?x=1");
  for (const char* bad : {"", "//evil.example/x", "/\\evil.example", "https://evil.example", "staff",
                          "/staff/sign-in?next=/x", "/a b", "/a\\b"}) {
    EXPECT_EQ(SafeNext(bad), "/staff") << bad;
  }
  EXPECT_EQ(UrlEncode("/staff/decisions/4?a=b c"), "%2Fstaff%2Fdecisions%2F4%3Fa%3Db%20c");
}

}  // namespace
}  // namespace assent::web
