#include "publication/compliance.hpp"

#include <gtest/gtest.h>

#include "tests/support/files.hpp"

namespace assent::publication {
namespace {

using decisions::PlanKind;
using decisions::Status;

Date D(const char* iso) { return *Date::ParseIso(iso); }

// The bundled calendar: the bank holidays below are real ones.
const Calendar& Bundled() {
  static const Calendar calendar = [] {
    auto c = ParseGovUkCalendar(testing_support::ReadSourceFile("calendars/bank-holidays.json"),
                                "calendars/bank-holidays.json");
    if (!c) throw std::runtime_error(c.error().ToString());
    return *c;
  }();
  return calendar;
}

// Thursday 1 September 2022; Monday 29 August 2022 was the summer bank holiday.
ComplianceSettings Settings() {
  ComplianceSettings s;
  s.today = D("2022-09-01");
  s.working_days = 3;
  s.rule = "england-and-wales";
  return s;
}

ComplianceRecord Published(const char* decided, const char* published) {
  ComplianceRecord r;
  r.id = 1;
  r.reference = "001/2022";
  r.title = "Case";
  r.status = Status::kPublished;
  r.decision_date = D(decided);
  r.published_on = D(published);
  r.plan.kind = PlanKind::kPublish;
  return r;
}

ComplianceRecord Decided(const char* decided, PlanKind kind = PlanKind::kPublish) {
  ComplianceRecord r;
  r.id = 2;
  r.reference = "002/2022";
  r.title = "Case";
  r.status = Status::kDecided;
  r.decision_date = D(decided);
  r.plan.kind = kind;
  return r;
}

ComplianceRecord Deferred(const char* decided, const char* until) {
  ComplianceRecord r = Decided(decided, PlanKind::kDefer);
  r.plan.until = D(until);
  r.plan.reason = "Contract not yet signed";
  return r;
}

ComplianceRecord Withheld(const char* decided, const char* review) {
  ComplianceRecord r = Decided(decided, PlanKind::kWithhold);
  r.plan.review_date = D(review);
  r.plan.ground = "s43";
  r.plan.withheld_what = "The whole decision";
  return r;
}

// Where one decision lands in the view, and its number of working days.
enum class Lands { kNowhere, kOnTime, kLate, kDue, kDeferral, kReview, kProblem };

struct Case {
  const char* name;
  ComplianceRecord record;
  Lands lands;
  int days = 0;              // late: working days late; due: working days left
  const char* date = "";     // late/due: the due date; deferral: until; review: review date
  bool overdue = false;      // due and review rows
};

std::string NameOf(Lands l) {
  switch (l) {
    case Lands::kNowhere: return "nowhere";
    case Lands::kOnTime: return "on time";
    case Lands::kLate: return "late";
    case Lands::kDue: return "due";
    case Lands::kDeferral: return "deferral";
    case Lands::kReview: return "review";
    case Lands::kProblem: return "problem";
  }
  return "?";
}

Lands Where(const ComplianceView& v) {
  if (!v.problems.empty()) return Lands::kProblem;
  if (!v.late.empty()) return Lands::kLate;
  if (!v.due.empty()) return Lands::kDue;
  if (!v.deferrals.empty()) return Lands::kDeferral;
  if (!v.reviews.empty()) return Lands::kReview;
  if (v.published > 0) return Lands::kOnTime;
  return Lands::kNowhere;
}

TEST(Compliance, EachDecisionLandsWhereTheRulesPutIt) {
  ComplianceRecord recorded = Published("2022-08-01", "2022-08-05");
  recorded.recorded_due = D("2022-08-03");  // the due date as it was recorded wins
  ComplianceRecord deferred_on_date = Published("2022-08-01", "2022-08-15");
  deferred_on_date.plan.kind = PlanKind::kDefer;
  deferred_on_date.plan.until = D("2022-08-15");
  ComplianceRecord deferred_late = deferred_on_date;
  deferred_late.published_on = D("2022-08-17");
  ComplianceRecord undated = Decided("2022-08-30");
  undated.decision_date.reset();
  ComplianceRecord imported = Published("2022-08-01", "2022-08-05");
  imported.published_on.reset();  // imported records carry no publication date
  ComplianceRecord withdrawn = Published("2022-08-23", "2022-08-31");
  withdrawn.status = Status::kWithdrawn;
  ComplianceRecord draft = Decided("2022-08-01");
  draft.status = Status::kDraft;
  ComplianceRecord submitted = Decided("2022-08-01");
  submitted.status = Status::kSubmitted;

  const Case cases[] = {
      // Published: Tue 23 Aug + 3 working days = Fri 26 Aug.
      {"published on the due date is on time", Published("2022-08-23", "2022-08-26"), Lands::kOnTime},
      {"published before the due date is on time", Published("2022-08-23", "2022-08-24"), Lands::kOnTime},
      {"late by 1 working day across the bank holiday weekend", Published("2022-08-23", "2022-08-30"),
       Lands::kLate, 1, "2022-08-26"},
      {"published on the bank holiday after the due date: late, 0 working days",
       Published("2022-08-23", "2022-08-29"), Lands::kLate, 0, "2022-08-26"},
      {"late by 4 working days", Published("2022-08-23", "2022-09-02"), Lands::kLate, 4, "2022-08-26"},
      {"the recorded due date is used, not a recomputed one", recorded, Lands::kLate, 2, "2022-08-03"},
      {"a deferral published on its date is on time", deferred_on_date, Lands::kOnTime},
      {"a deferral published after its date is late against it", deferred_late, Lands::kLate, 2,
       "2022-08-15"},
      {"a withdrawn decision was published, and late", withdrawn, Lands::kLate, 2, "2022-08-26"},
      {"an imported record (no publication date) is not counted", imported, Lands::kNowhere},
      // Decided, not published: today is Thu 1 Sep 2022.
      {"due tomorrow: 1 working day left", Decided("2022-08-30"), Lands::kDue, 1, "2022-09-02"},
      {"due today: 0 left, not overdue", Decided("2022-08-26"), Lands::kDue, 0, "2022-09-01"},
      {"overdue across the bank holiday: -2", Decided("2022-08-24"), Lands::kDue, -2, "2022-08-30", true},
      {"no plan yet counts as due", Decided("2022-08-24", PlanKind::kNone), Lands::kDue, -2, "2022-08-30",
       true},
      {"decided today, 3 left, within the window", Decided("2022-09-01"), Lands::kDue, 3, "2022-09-06"},
      {"deferral date passed, not published: overdue", Deferred("2022-08-01", "2022-08-31"), Lands::kDue,
       -1, "2022-08-31", true},
      {"deferral date today, not yet published: due today", Deferred("2022-08-01", "2022-09-01"),
       Lands::kDue, 0, "2022-09-01"},
      {"open deferral", Deferred("2022-08-30", "2022-10-01"), Lands::kDeferral, 0, "2022-10-01"},
      {"withheld, review in 10 days", Withheld("2022-08-01", "2022-09-11"), Lands::kReview, 0, "2022-09-11"},
      {"withheld, review passed", Withheld("2022-06-01", "2022-08-31"), Lands::kReview, 0, "2022-08-31", true},
      {"withheld, review on the window's last day", Withheld("2022-08-01", "2022-10-01"), Lands::kReview, 0,
       "2022-10-01"},
      {"withheld, review beyond the window", Withheld("2022-08-01", "2022-10-02"), Lands::kNowhere},
      {"a draft is not due", draft, Lands::kNowhere},
      {"a submitted decision is not due", submitted, Lands::kNowhere},
      {"no decision date is a problem", undated, Lands::kProblem},
      {"a date the calendar does not cover is a problem", Decided("2031-01-02"), Lands::kProblem},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ComplianceSettings s = Settings();
    s.due_soon_working_days = 3;
    auto v = MakeComplianceView(Bundled(), std::span(&c.record, 1), s);
    ASSERT_TRUE(v) << v.error().ToString();
    ASSERT_EQ(NameOf(Where(*v)), NameOf(c.lands));
    switch (c.lands) {
      case Lands::kLate:
        EXPECT_EQ(v->late[0].working_days_late, c.days);
        EXPECT_EQ(v->late[0].due, D(c.date));
        EXPECT_EQ(v->late[0].published_on, *c.record.published_on);
        break;
      case Lands::kDue:
        EXPECT_EQ(v->due[0].working_days_left, c.days);
        EXPECT_EQ(v->due[0].due, D(c.date));
        EXPECT_EQ(v->due[0].overdue, c.overdue);
        EXPECT_EQ(v->overdue, c.overdue ? 1 : 0);
        break;
      case Lands::kDeferral:
        EXPECT_EQ(v->deferrals[0].until, D(c.date));
        EXPECT_EQ(v->deferrals[0].reason, "Contract not yet signed");
        break;
      case Lands::kReview:
        EXPECT_EQ(v->reviews[0].review_date, D(c.date));
        EXPECT_EQ(v->reviews[0].overdue, c.overdue);
        EXPECT_EQ(v->reviews[0].ground_label, "Section 43: commercial interests");
        break;
      default:
        break;
    }
  }
}

TEST(Compliance, DueSoonWindowLeavesOutDecisionsWithTimeToSpare) {
  ComplianceSettings s = Settings();
  s.working_days = 20;
  s.due_soon_working_days = 5;
  ComplianceRecord r = Decided("2022-08-30");  // 20 working days: due 28 September
  auto v = MakeComplianceView(Bundled(), std::span(&r, 1), s);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->due.empty());
  s.due_soon_working_days = 18;  // 18 working days left on 1 September
  v = MakeComplianceView(Bundled(), std::span(&r, 1), s);
  ASSERT_TRUE(v);
  ASSERT_EQ(v->due.size(), 1u);
  EXPECT_EQ(v->due[0].working_days_left, 18);
  EXPECT_EQ(v->due[0].due, D("2022-09-28"));
}

TEST(Compliance, CalendarRuleChangesTheCount) {
  // Easter Monday 2023 is not a Scottish bank holiday.
  ComplianceSettings s = Settings();
  s.today = D("2023-04-12");
  s.working_days = 2;
  ComplianceRecord r = Published("2023-04-06", "2023-04-12");
  auto ew = MakeComplianceView(Bundled(), std::span(&r, 1), s);
  ASSERT_TRUE(ew);
  EXPECT_TRUE(ew->late.empty()) << "due Wed 12 April in England and Wales";
  s.rule = "scotland";
  auto sc = MakeComplianceView(Bundled(), std::span(&r, 1), s);
  ASSERT_TRUE(sc);
  ASSERT_EQ(sc->late.size(), 1u);
  EXPECT_EQ(sc->late[0].due, D("2023-04-11"));
  EXPECT_EQ(sc->late[0].working_days_late, 1);
}

TEST(Compliance, YearFilterAndSummary) {
  std::vector<ComplianceRecord> records = {
      Published("2021-12-01", "2021-12-20"),  // 2021, late
      Published("2022-08-23", "2022-08-26"),  // 2022, on time
      Published("2022-08-23", "2022-08-30"),  // 2022, late by 1
      Published("2022-07-01", "2022-07-05"),  // 2022, on time
      Decided("2022-08-24"),                  // overdue
      Decided("2022-08-30"),                  // due soon
      Deferred("2022-08-30", "2022-10-01"),
      Deferred("2021-11-30", "2022-12-01"),
      Withheld("2022-06-01", "2022-08-31"),
  };
  for (size_t i = 0; i < records.size(); ++i) records[i].id = static_cast<std::int64_t>(i + 1);
  ComplianceSettings s = Settings();
  auto all = MakeComplianceView(Bundled(), records, s);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->summary,
            "4 published, 2 late; 1 overdue now, 1 due soon; 2 open deferrals; 1 withheld decision due "
            "for review");
  EXPECT_EQ(all->years, (std::vector<int>{2022, 2021}));
  ASSERT_EQ(all->late.size(), 2u);
  EXPECT_EQ(all->late[0].published_on, D("2021-12-20")) << "oldest due first";
  ASSERT_EQ(all->due.size(), 2u);
  EXPECT_TRUE(all->due[0].overdue) << "overdue first";
  ASSERT_EQ(all->deferrals.size(), 2u);
  EXPECT_EQ(all->deferrals[0].until, D("2022-10-01"));

  s.year = 2022;
  auto y = MakeComplianceView(Bundled(), records, s);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->summary,
            "3 published in 2022, 1 late; 1 overdue now, 1 due soon; 1 open deferral; 1 withheld decision "
            "due for review");
  s.year = 2021;
  auto old = MakeComplianceView(Bundled(), records, s);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->published, 1);
  ASSERT_EQ(old->late.size(), 1u);
  EXPECT_EQ(old->deferrals.size(), 1u);
  EXPECT_TRUE(old->due.empty());
}

TEST(Compliance, RefusesAnUnknownRuleOrNegativeWindow) {
  ComplianceSettings s = Settings();
  s.rule = "mars";
  auto v = MakeComplianceView(Bundled(), {}, s);
  ASSERT_FALSE(v);
  EXPECT_NE(v.error().message.find("mars"), std::string::npos);
  s = Settings();
  s.review_window_days = -1;
  EXPECT_FALSE(MakeComplianceView(Bundled(), {}, s));
}

}  // namespace
}  // namespace assent::publication
