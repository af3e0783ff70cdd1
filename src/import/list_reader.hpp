#pragma once
// Lists inside sections: governance boards with their dates ("Chief Officer Group
// (COG) 10/03/2021"), background papers (a paper marked "Part 2" is Part 2), and the
// persons consulted ("Persons Consulted:" followed by a list).

#include <string>
#include <vector>

#include "decisions/decision.hpp"
#include "import/layout.hpp"
#include "import/section_reader.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct ListReading {
  std::vector<decisions::GovernanceBoard> boards;
  std::vector<decisions::BackgroundPaper> papers;
  std::vector<std::string> persons_consulted;
  int boards_line = 0;
  int papers_line = 0;
  int persons_line = 0;
};

// Boards come from the section keyed "governance_boards", papers from
// "background_papers" (or sections whose headings name them).
ListReading ReadLists(const Document& doc, const Layout& layout, const std::vector<SectionReading>& sections);

}  // namespace assent::import
