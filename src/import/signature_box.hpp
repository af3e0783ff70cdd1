#pragma once
// One signature box: the "Signature / Print / Date" lines a signatory fills in, and
// the "delete as appropriate" capacity line some boxes print.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "import/text_normaliser.hpp"

namespace assent::import {

struct LabelledText {
  std::string text;  // as written, may be empty
  int line = 0;      // source line; 0 when the label is not printed
  bool next_line = false;
};

struct CapacityMark {
  bool printed = false;  // the box prints its capacities
  std::optional<std::string> chosen;
  std::string note;      // why none was chosen
  int line = 0;
};

struct SignatureBox {
  LabelledText signature;  // "Signature:", "Signed:", "Sign:"
  LabelledText printed;    // "Print:", "Name:"
  LabelledText date;       // "Date:", "Date signed:"
  CapacityMark capacity;
  std::vector<std::pair<int, std::string>> unlabelled;  // short lines with no label
  // Something was written: a name or a date, readable or not.
  bool Written() const { return !signature.text.empty() || !printed.text.empty() || !date.text.empty(); }
};

// Reads lines [from, to). Reading stops at a second signature, so a box never takes
// the next signatory's name or date.
SignatureBox ReadSignatureBox(const Document& doc, size_t from, size_t to,
                              const std::vector<std::string>& capacities);

// A "delete as appropriate" line offering the capacities ("~~Chief Executive~~ /
// Deputy Chief Executive (delete as appropriate)"), or a line printing one capacity
// alone ("PFCC"). Not printed when the line offers other words.
CapacityMark ReadCapacityLine(const Line& line, const std::vector<std::string>& capacities);

struct PersonName {
  std::optional<std::string> name;
  std::string capacity;  // printed after the name: "Darren Horsman - Deputy M.O."
  std::string problem;   // why `text` is not a readable name
};
// A name as printed or signed; a capacity after " - " or ", " is split off. Digits,
// a single letter or a sentence are not a name.
PersonName ReadPersonName(std::string_view text);

}  // namespace assent::import
