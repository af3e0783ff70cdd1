#pragma once
// The decision maker's approve / do not approve statements. Forms print them two ways:
// one line offering both, the unwanted one struck through ("I hereby approve/~~do not
// approve~~ the recommendation(s) above"), or two separate statements, each with its
// own signature box ("I agree the recommendations to this report:" and "I do not agree
// the recommendations to this report because:").

#include <string>

#include "decisions/decision.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

enum class OutcomeLineKind {
  kNone,
  kChoice,    // both options on one line
  kApproves,  // a statement approving (agree, approve, support, endorse, accept)
  kRejects,   // a statement not approving
};

struct OutcomeLine {
  OutcomeLineKind kind = OutcomeLineKind::kNone;
  // kChoice: what the strike-through leaves; kUnknown when it leaves both or neither.
  decisions::Outcome chosen = decisions::Outcome::kUnknown;
  std::string note;     // kChoice left unknown: "approve / do not approve: neither option struck"
  bool struck = false;  // kApproves / kRejects: the statement itself is struck through
};

OutcomeLine ClassifyOutcomeLine(const Line& line);

}  // namespace assent::import
