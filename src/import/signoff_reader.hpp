#pragma once
// Reads each sign-off block of the form: who signed, in what capacity, when, and for
// decision makers whether they approved. Unknown stays unknown, with a note.

#include <string>
#include <vector>

#include "core/date.hpp"
#include "decisions/decision.hpp"
#include "decisions/form.hpp"
#include "import/date_reader.hpp"
#include "import/field_read.hpp"
#include "import/layout.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct SignOffReading {
  const decisions::SignOffBlock* block = nullptr;
  bool decision_maker = false;
  bool found = false;  // the block is printed in the record
  int line = 0;        // its heading's source line
  // The capacity signed in: the chosen "delete as appropriate" option, or the block's
  // label when it offers no choice; unknown when a choice is printed but not made.
  FieldRead<std::string> role;
  FieldRead<std::string> name;
  FieldRead<Date> date;
  bool written = false;      // a name or date was written, readable or not
  std::string declaration;   // the declaration as printed, or the form's
  std::string printed_capacity;  // "Deputy M.O." from "Darren Horsman - Deputy M.O."
  std::string note;              // e.g. "printed 'Deputy M.O.' after the name"
  // Decision makers only: approve / do not approve. kUnknown when it cannot be read.
  FieldRead<decisions::Outcome> outcome;
};

// One reading per block: the form's sign-off chain in order, then its decision makers.
// Signature dates far from `anchors` are reported and not used.
std::vector<SignOffReading> ReadSignOffs(const Document& doc, const Layout& layout,
                                         const DateAnchors& anchors);

}  // namespace assent::import
