#include "publication/forward_plan.hpp"

#include <gtest/gtest.h>

#include "tests/support/files.hpp"

namespace assent::publication {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

const Calendar& Bundled() {
  static const Calendar calendar = [] {
    auto c = ParseGovUkCalendar(testing_support::ReadSourceFile("calendars/bank-holidays.json"),
                                "calendars/bank-holidays.json");
    if (!c) throw std::runtime_error(c.error().ToString());
    return *c;
  }();
  return calendar;
}

TEST(ForwardPlan, SlippageInWorkingDays) {
  struct Case {
    const char* name;
    const char* planned;
    const char* taken;  // "" for not taken
    const char* today;
    SlipKind kind;
    int days;
    const char* text;
  } cases[] = {
      {"upcoming", "2022-09-05", "", "2022-09-01", SlipKind::kUpcoming, 0, "Planned for 5 September 2022"},
      {"due today", "2022-09-01", "", "2022-09-01", SlipKind::kDue, 0, "Due today"},
      // Fri 26 Aug 2022; Mon 29 was the summer bank holiday.
      {"slipping over the bank holiday weekend", "2022-08-26", "", "2022-08-30", SlipKind::kSlipping, 1,
       "Slipped by 1 working day"},
      {"slipping a week", "2022-08-26", "", "2022-09-02", SlipKind::kSlipping, 4, "Slipped by 4 working days"},
      {"taken on the day", "2022-08-26", "2022-08-26", "2022-09-30", SlipKind::kTaken, 0,
       "Taken on the planned date"},
      {"taken late", "2022-08-26", "2022-08-31", "2022-09-30", SlipKind::kTaken, 2, "Taken 2 working days late"},
      {"taken early", "2022-08-31", "2022-08-26", "2022-09-30", SlipKind::kTaken, -2,
       "Taken 2 working days early"},
      {"taken on the bank holiday after", "2022-08-26", "2022-08-29", "2022-09-30", SlipKind::kTaken, 0,
       "Taken on 29 August 2022, no working day from the planned date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<Date> taken;
    if (*c.taken) taken = D(c.taken);
    auto s = SlippageOf(Bundled(), "england-and-wales", D(c.planned), taken, D(c.today));
    ASSERT_TRUE(s) << s.error().ToString();
    EXPECT_EQ(s->kind, c.kind);
    EXPECT_EQ(s->working_days, c.days);
    EXPECT_EQ(s->text, c.text);
  }
}

TEST(ForwardPlan, ACalendarGapIsAnError) {
  auto s = SlippageOf(Bundled(), "england-and-wales", D("2031-01-02"), std::nullopt, D("2031-02-01"));
  EXPECT_FALSE(s);
}

TEST(ForwardPlan, ProblemsNameTheirFields) {
  ForwardPlanInput in;
  in.title = "  ";
  in.summary = std::string(4001, 'x');
  in.decision_maker = "";
  in.planned_date = "31/02/2026";
  auto problems = ForwardPlanProblems(in);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].where, "title");
  EXPECT_EQ(problems[1].where, "summary");
  EXPECT_NE(problems[1].message.find("4000"), std::string::npos);
  EXPECT_EQ(problems[2].where, "decision_maker");
  EXPECT_EQ(problems[3].where, "planned_date");
  EXPECT_NE(problems[3].message.find("31/02/2026"), std::string::npos);
  ForwardPlanItem item;
  item.id = 7;
  EXPECT_FALSE(ApplyForwardPlanInput(item, in));

  in = {" CCTV replacement ", "Replace the town centre cameras", "Police & Crime Commissioner", "2026-06-01",
        true};
  EXPECT_TRUE(ForwardPlanProblems(in).empty());
  auto applied = ApplyForwardPlanInput(item, in);
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->id, 7);
  EXPECT_EQ(applied->title, "CCTV replacement");
  EXPECT_EQ(applied->planned_date, D("2026-06-01"));
  EXPECT_TRUE(applied->part2_expected);
}

}  // namespace
}  // namespace assent::publication
