// Records written on the three shipped forms in other words and layouts than the
// seeds, and inputs the reader must refuse with an exact message.

#include <gtest/gtest.h>

#include "import/record_reader.hpp"
#include "import/test_forms.hpp"

namespace assent::import {
namespace {

using decisions::Outcome;

Result<ImportedRecord> Read(std::string_view text, std::string_view name = "test.txt") {
  return ReadDecisionText(text, name, testing::ShippedForms());
}

const decisions::SignOff* Step(const decisions::Decision& d, std::string_view step) {
  for (const auto& s : d.signoffs) {
    if (s.step == step) return &s;
  }
  return nullptr;
}

const FieldNote* Note(const ImportedRecord& r, std::string_view field) {
  for (const auto& n : r.notes) {
    if (n.field == field) return &n;
  }
  return nullptr;
}

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d).value(); }

constexpr const char* kCumbriaRefused = R"(OFFICE OF THE POLICE AND CRIME COMMISSIONER

**REQUEST FOR POLICE AND CRIME COMMISSIONER DECISION (No. 012/2019)**

Title: Replacement of custody CCTV

Executive Summary: The custody suites at two sites need new cameras.

Recommendations:

- Approve capital spend of £80,000 from reserves.
- Note the maintenance costs.

**POLICE & CRIME COMMISSIONER**

I confirm that I have considered whether or not I have any personal or prejudicial interest in this matter.

I hereby ~~approve~~ / do not approve the recommendation(s) above

~~Police & Crime Commissioner~~ / Chief Executive (delete as appropriate)

Signature: J. Smith

Date: 3rd June 2019

Public Access to Information

Is the publication of this form to be deferred? ~~YES~~ / NO

Is there a Part 2 form? No

ORIGINATING OFFICER DECLARATION

I confirm that this report has been considered by the Chief Officer Group.

Signed: A. Officer   Date: 1 June 2019

OPCC OFFICER APPROVAL

Chief Executive / ~~Deputy Chief Executive~~ (delete as appropriate)

Signature: B. Exec
Date: 02/06/2019

Media Strategy

Will a press release be required following the decision being considered? **Yes**
)";

TEST(RecordReaderLayouts, CumbriaDoNotApproveChosen) {
  auto r = Read(kCumbriaRefused);
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  EXPECT_EQ(r->form->id, "cumbria-request-for-decision");
  EXPECT_EQ(d.reference, "012/2019");
  EXPECT_EQ(d.title, "Replacement of custody CCTV");
  EXPECT_EQ(d.outcome, Outcome::kNotApproved);
  EXPECT_EQ(d.decision_maker_role, "Chief Executive");
  EXPECT_EQ(d.decision_date, D(2019, 6, 3));
  EXPECT_EQ(d.publication.deferred, false);
  EXPECT_EQ(d.publication.part2_exists, false);
  EXPECT_EQ(d.media.press_release_required, true);
  ASSERT_EQ(d.signoffs.size(), 3u);
  EXPECT_EQ(d.signoffs[0].step, "originating_officer");
  EXPECT_EQ(d.signoffs[0].name, "A. Officer");
  EXPECT_EQ(d.signoffs[0].date, D(2019, 6, 1));
  EXPECT_EQ(d.signoffs[1].role, "Chief Executive");
  EXPECT_EQ(d.signoffs[1].name, "B. Exec");
  EXPECT_EQ(d.signoffs[1].date, D(2019, 6, 2));
  EXPECT_EQ(d.signoffs[2].step, "commissioner");
  EXPECT_EQ(d.signoffs[2].role, "Chief Executive");
  EXPECT_EQ(d.signoffs[2].name, "J. Smith");
  ASSERT_GE(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[0].key, "executive_summary");
  EXPECT_EQ(d.sections[0].text, "The custody suites at two sites need new cameras.");
  EXPECT_EQ(d.sections[1].key, "recommendation");
  EXPECT_EQ(d.sections[1].text, "- Approve capital spend of £80,000 from reserves.\n- Note the maintenance costs.");
}

constexpr const char* kLancashireQuoting = R"(Lancashire
JOINT MANAGEMENT BOARD

DATE: 4 March 2021

DECISION 2021/05

TITLE: Extension of the fleet maintenance contract

REPORT BY: Alex Person, Head of Fleet

Executive Summary

This extends the contract approved as Decision 2019/12 on 5 May 2019 and as agreed in Decision Notice 01/2012.

Recommendation

The Commissioner and the Chief Constable are asked to approve the extension.

PART I/~~II~~

1. Background and Advice

The contract ends on 31/03/2021. Date: 1 April 2021 is the new start.

Police and Crime Commissioner

Signature: C. Commissioner
Date: 10/03/2021

Chief Constable

Signature: D. Constable
Date: 11/03/2021
)";

TEST(RecordReaderLayouts, BodyReferencesAndDatesAreNotTheRecords) {
  auto r = Read(kLancashireQuoting);
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  EXPECT_EQ(r->form->id, "lancashire-joint-management-board");
  EXPECT_EQ(d.reference, "2021/05");
  EXPECT_EQ(d.Field("meeting_date"), "2021-03-04");
  EXPECT_EQ(d.Field("report_by"), "Alex Person, Head of Fleet");
  EXPECT_EQ(d.decision_maker_role, "Police and Crime Commissioner and Chief Constable");
  EXPECT_EQ(d.decision_date, D(2021, 3, 11)) << "the later of the joint decision makers' dates";
  EXPECT_EQ(d.publication.part2_exists, false) << "PART I/~~II~~ marks Part I only";
  ASSERT_EQ(d.signoffs.size(), 2u);
  EXPECT_EQ(d.signoffs[0].step, "commissioner");
  EXPECT_EQ(d.signoffs[0].name, "C. Commissioner");
  EXPECT_EQ(d.signoffs[1].name, "D. Constable");
  EXPECT_EQ(d.signoffs[1].date, D(2021, 3, 11));
  const auto* background = &d.sections.back();
  EXPECT_EQ(background->key, "background_advice");
  EXPECT_EQ(background->text, "The contract ends on 31/03/2021. Date: 1 April 2021 is the new start.");
}

constexpr const char* kEssexUnsigned = R"(PFCC Decision Report

| Report reference number | 015-22 |
|---|---|
| Classification | OFFICIAL |
| Title of report | Body worn video refresh |

Report by: Sam Writer Date of report: 14/01/2022 Enquiries to: Sam Writer

1. Purpose of the report

To refresh the body worn video cameras.

2. Recommendations

Approve the refresh.

Chief Executive / M.O.

Sign:
Print: Pat Chief
Date: 20 January 2022

Decision and Final Sign Off

I agree the recommendations to this report:

Sign:

Print:

PFCC/Deputy PFCC

Date signed:

I do not agree the recommendations to this report because:

.....

Sign:

Print:

PFCC/Deputy PFCC

Date signed:
)";

TEST(RecordReaderLayouts, EssexUnsignedApprovalIsNotAnApproval) {
  auto r = Read(kEssexUnsigned);
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  EXPECT_EQ(d.reference, "015-22");
  EXPECT_EQ(d.title, "Body worn video refresh");
  EXPECT_EQ(d.Field("classification"), "OFFICIAL");
  EXPECT_EQ(d.Field("report_date"), "2022-01-14");
  EXPECT_EQ(d.outcome, Outcome::kUnknown);
  EXPECT_EQ(d.decision_maker_role, std::nullopt);
  EXPECT_EQ(d.decision_date, std::nullopt);
  ASSERT_NE(Note(*r, "outcome"), nullptr);
  EXPECT_EQ(Note(*r, "outcome")->note, "neither the approval nor the refusal statement is signed");
  ASSERT_EQ(d.signoffs.size(), 1u);
  EXPECT_EQ(d.signoffs[0].name, "Pat Chief");
  EXPECT_EQ(Step(d, "pfcc"), nullptr);
  EXPECT_EQ(Note(*r, "signoffs[treasurer].name")->note, "block 'Chief Finance Officer / Treasurer' not found");
}

constexpr const char* kEssexRefused = R"(PFCC Decision Report
Report reference number: 016-22
Title of report: Mounted section review

1. Purpose of the report
To review the mounted section.

Decision and Final Sign Off

I agree the recommendations to this report:
Sign:
Print:
Date signed:

I do not agree the recommendations to this report because:
the costs are not justified.
Sign: J Doe
Print: Jane Doe - Deputy PFCC
Date signed: 9th Feb 2022
)";

TEST(RecordReaderLayouts, EssexSignedRefusal) {
  auto r = Read(kEssexRefused);
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  EXPECT_EQ(d.outcome, Outcome::kNotApproved);
  EXPECT_EQ(d.decision_maker_role, "Deputy PFCC") << "capacity printed after the name";
  EXPECT_EQ(d.decision_date, D(2022, 2, 9));
  const auto* pfcc = Step(d, "pfcc");
  ASSERT_NE(pfcc, nullptr);
  EXPECT_EQ(pfcc->name, "Jane Doe");
}

TEST(RecordReaderLayouts, Errors) {
  struct Case {
    const char* name;
    const char* text;
    const char* error;
  } cases[] = {
      {"notes.txt", "Shopping list\nmilk\n",
       "notes.txt: no known form recognised (looked for: 'REQUEST FOR POLICE & CRIME COMMISSIONER DECISION', "
       "'REQUEST FOR POLICE AND CRIME COMMISSIONER DECISION', 'JOINT MANAGEMENT BOARD', 'PFCC Decision Report')"},
      {"blank.txt", " \n\t\n", "blank.txt: the text is empty"},
  };
  for (const auto& c : cases) {
    auto r = Read(c.text, c.name);
    ASSERT_FALSE(r) << c.name;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << c.name;
    EXPECT_EQ(r.error().ToString(), c.error) << c.name;
  }
}

TEST(RecordReaderLayouts, NoReferenceOrTitleIsUnknownAndNeedsReview) {
  // The reference quoted in the body is another decision's: never taken as this one's.
  auto noref = Read("\n\nJOINT MANAGEMENT BOARD\nTITLE: Something\n\nExecutive Summary\nDecision 2019/12 applies.\n",
                    "noref.txt");
  ASSERT_TRUE(noref) << noref.error().ToString();
  EXPECT_EQ(noref->decision.reference, "");
  EXPECT_EQ(noref->review_reasons, std::vector<std::string>{"noref.txt line 3: no reference number found"});
  const FieldNote* n = Note(*noref, "reference");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->confidence, 0);
  EXPECT_EQ(n->note, "no reference number in the header");

  auto notitle = Read("PFCC Decision Report\nReport reference number: 001-23\n\n1. Purpose of the report\nx\n",
                      "notitle.txt");
  ASSERT_TRUE(notitle) << notitle.error().ToString();
  EXPECT_EQ(notitle->decision.reference, "001-23");
  EXPECT_EQ(notitle->review_reasons, std::vector<std::string>{"notitle.txt line 1: no title found"});
}

TEST(RecordReaderLayouts, FormPhraseInATitleBeatsOneQuotedInText) {
  std::string text =
      "PFCC Decision Report\n"
      "Report reference number: 020-23\n"
      "Title of report: Joint working\n\n"
      "1. Purpose of the report\n"
      "As reported to the Joint Management Board of another force in 2019, this is new.\n";
  auto r = Read(text);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->form->id, "essex-decision-report");
}

constexpr const char* kCumbriaDeferred = R"(Office of the Police and Crime Commissioner

REQUEST FOR POLICE & CRIME COMMISSIONER DECISION
Decision reference: 021/2022

TITLE:

Victims' hub lease renewal

EXECUTIVE SUMMARY

The lease on the victims' hub ends in May 2022.

RECOMMENDATION

That the lease is renewed for five years.

Police & Crime Commissioner

I hereby approve the recommendation(s) above

Police & Crime Commissioner (delete as appropriate)

Signature:

P. Commissioner

Date: 14-Mar-2022 (by e-mail)

Public Access to Information

Is the publication of this form to be deferred? YES

If yes, for what reason: Negotiations with the landlord are not complete.

Until what date (if known): 30 April 2022

Is there a Part 2 form - NO

ORIGINATING OFFICER DECLARATION

Signed: O. Officer

Date: 10/03/2022

OPCC OFFICER APPROVAL

Deputy Chief Executive (delete as appropriate)

Signature: D. Deputy

Date: 11/03/2022

Will a press release be required following the decision being considered? ☒ YES ☐ NO
)";

TEST(RecordReaderLayouts, CumbriaDeferredWithOneOptionLeftAndTickBoxes) {
  auto r = Read(kCumbriaDeferred);
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  EXPECT_EQ(d.reference, "021/2022");
  EXPECT_EQ(d.title, "Victims' hub lease renewal");
  EXPECT_EQ(d.outcome, Outcome::kApproved) << "the unwanted option deleted rather than struck";
  EXPECT_EQ(d.decision_maker_role, "Police & Crime Commissioner");
  EXPECT_EQ(d.decision_date, D(2022, 3, 14));
  EXPECT_EQ(Note(*r, "decision_date")->note, "date read from the start of '14-Mar-2022 (by e-mail)'");
  EXPECT_EQ(d.publication.deferred, true);
  EXPECT_EQ(d.publication.deferral_reason, "Negotiations with the landlord are not complete.");
  EXPECT_EQ(d.publication.deferred_until, D(2022, 4, 30));
  EXPECT_EQ(d.publication.part2_exists, false);
  EXPECT_EQ(d.media.press_release_required, true);
  EXPECT_EQ(Note(*r, "media.strategy_formulated")->note,
            "question 'If yes, has a media strategy been formulated?' not found");
  ASSERT_EQ(d.signoffs.size(), 3u);
  EXPECT_EQ(d.signoffs[1].role, "Deputy Chief Executive");
  EXPECT_EQ(d.signoffs[2].name, "P. Commissioner");
  ASSERT_EQ(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[1].text, "That the lease is renewed for five years.");
}

constexpr const char* kEssexTicked = R"(PFCC Decision Report
Report reference number: 030-23
Title of report: Drone unit

1. Purpose of the report
To set up a drone unit.

Publication

Is the report for publication?

☒ YES

☐ NO

If the report is for publication, is redaction required: ☐ YES ☒ NO
)";

TEST(RecordReaderLayouts, EssexTickBoxesOnTheirOwnLines) {
  auto r = Read(kEssexTicked);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->decision.publication.for_publication, true);
  EXPECT_EQ(r->decision.publication.redaction_required, false);
  EXPECT_EQ(r->decision.sections.size(), 1u);
}

constexpr const char* kLancashireColumns = R"(JOINT MANAGEMENT BOARD

DATE: 20 JANUARY 2022

DECISION 2022/02

TITLE: Custody health care contract

REPORT BY: Sam Lead – Head of Custody

Executive Summary

A new provider for custody health care.

Recommendation

Award the contract.

Signature J Bloggs

Signature K Smith

Police and Crime Commissioner

Chief Constable

Date 20.01.22

Date 21.01.22

PART I/II
)";

TEST(RecordReaderLayouts, LancashireSideBySideSignatures) {
  auto r = Read(kLancashireColumns);
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  ASSERT_EQ(d.signoffs.size(), 2u);
  EXPECT_EQ(d.signoffs[0].name, "J Bloggs");
  EXPECT_EQ(d.signoffs[0].date, D(2022, 1, 20));
  EXPECT_EQ(d.signoffs[1].role, "Chief Constable");
  EXPECT_EQ(d.signoffs[1].name, "K Smith");
  EXPECT_EQ(d.signoffs[1].date, D(2022, 1, 21));
  EXPECT_EQ(d.decision_date, D(2022, 1, 21));
  EXPECT_EQ(d.publication.part2_exists, std::nullopt);
  EXPECT_EQ(Note(*r, "publication.part2_exists")->note, "'PART I/II' printed without marking which");
  ASSERT_EQ(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[1].text, "Award the contract.");
}

}  // namespace
}  // namespace assent::import
