#include "strategy/progress_csv.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

Catalogue Sample() {
  Strategy s;
  s.id = "ict";
  s.body = "cumbria";
  s.title = "ICT";
  s.start_year = 2015;
  s.end_year = 2019;
  s.file = "ict.toml";
  s.versions.push_back(Version{.label = "v1", .approved = *Date::ParseIso("2016-02-24"), .decision = "008/2016"});
  Theme t{.id = "infra", .title = "Infrastructure"};
  t.deliverables.push_back(Deliverable{.id = "wan", .title = "WAN"});
  s.themes.push_back(t);
  return *Catalogue::Build({s}, {});
}

TEST(ProgressCsv, GoodRowsBecomeEntries) {
  auto c = Sample();
  auto r = CheckProgressCsv("p.csv",
                            "Body,Strategy,Deliverable,Date,Status,Text\n"
                            "cumbria,ict,wan,2026-03,delivered,\"Live, at last\"\n"
                            "cumbria,ict,wan,2026,,Review held\n"
                            "cumbria,ict,wan,2026-04-01,ongoing,\n",
                            c, "cli", "2026-04-02T10:00:00Z");
  ASSERT_TRUE(r.problems.empty()) << r.problems.front();
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.entries[0].text, "Live, at last");
  EXPECT_EQ(r.entries[0].status, DeliverableStatus::kDelivered);
  EXPECT_EQ(r.entries[0].when.ToIso(), "2026-03");
  EXPECT_EQ(r.entries[0].source, "p.csv");
  EXPECT_EQ(r.entries[0].recorded_by, "cli");
  EXPECT_EQ(r.entries[1].status, std::nullopt);
  EXPECT_EQ(r.entries[2].text, "");
}

TEST(ProgressCsv, EveryProblemIsOneLineNamingFileLineAndColumn) {
  auto c = Sample();
  auto r = CheckProgressCsv("p.csv",
                            "body,strategy,deliverable,date,status,text\n"
                            "essex,ict,wan,2026,,x\n"
                            "cumbria,nope,wan,2026,,x\n"
                            "cumbria,ict,lan,2026,,x\n"
                            "cumbria,ict,wan,March 2026,done,\n"
                            "cumbria,ict,wan,2026,,\n"
                            "cumbria,ict,wan,2026\n"
                            "cumbria,ict,wan,2026,,fine\n",
                            c, "cli", "now");
  EXPECT_EQ(r.problems,
            (std::vector<std::string>{
                "p.csv: line 2, column 1 (body): no body 'essex' has strategies",
                "p.csv: line 3, column 2 (strategy): cumbria has no strategy 'nope'",
                "p.csv: line 4, column 3 (deliverable): cumbria/ict has no deliverable 'lan'",
                "p.csv: line 5, column 4 (date): 'March 2026' is not a date: write 2026, 2026-03 or 2026-03-14",
                "p.csv: line 5, column 5 (status): 'done' is not a status: leave it empty or write one of "
                "planned, in_progress, delivered, ongoing, not_stated",
                "p.csv: line 6, column 6 (text): empty: say what happened (it may be empty only when the "
                "row sets a status)",
                "p.csv: line 7: 4 columns, expected 6 (body,strategy,deliverable,date,status,text)",
            }));
}

TEST(ProgressCsv, HeaderEmptyFileAndBadCsv) {
  auto c = Sample();
  EXPECT_EQ(CheckProgressCsv("p.csv", "", c, "", "").problems,
            (std::vector<std::string>{"p.csv: line 1: the file is empty; its first line must be the "
                                      "header body,strategy,deliverable,date,status,text"}));
  EXPECT_EQ(CheckProgressCsv("p.csv", "body,strategy,deliverable,when,status,text\n", c, "", "").problems,
            (std::vector<std::string>{"p.csv: line 1: the first line must be the header "
                                      "body,strategy,deliverable,date,status,text"}));
  EXPECT_EQ(CheckProgressCsv("p.csv", "body,strategy,deliverable,date,status,text\n", c, "", "").problems,
            (std::vector<std::string>{"p.csv: no rows after the header"}));
  EXPECT_EQ(CheckProgressCsv("p.csv", "body,strategy,deliverable,date,status,text\na,\"b\"c\n", c, "", "")
                .problems.size(), 1u);
}

}  // namespace
}  // namespace assent::strategy
