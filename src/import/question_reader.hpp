#pragma once
// Answers to the form's publication ("Public Access to Information") and media
// questions, on the question's line or the next, several questions to a line allowed.

#include <vector>

#include "decisions/decision.hpp"
#include "decisions/form.hpp"
#include "import/field_read.hpp"
#include "import/layout.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct QuestionNote {
  std::string field;  // "publication.deferred", "media.press_release_required"
  int line = 0;
  double confidence = 0;
  std::string note;
};

struct QuestionAnswers {
  decisions::PublicationAnswers publication;
  decisions::MediaAnswers media;
  std::vector<QuestionNote> notes;  // one per question asked, answered or not
};

// When a form asks whether a Part 2 exists but has no question for why, the lines
// after a YES answer give the public reason (e.g. "Appendix – ... commercially
// sensitive information ...").
// A question of the form that the text does not print gets a "not found" note.
QuestionAnswers ReadQuestions(const Document& doc, const Layout& layout, const decisions::Form& form);

}  // namespace assent::import
