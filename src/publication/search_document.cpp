#include "publication/search_document.hpp"

#include "publication/public_decision.hpp"

namespace assent::publication {

std::optional<SearchDocument> MakeSearchDocument(const decisions::Decision& decision) {
  decisions::Body body;
  body.slug = decision.body;
  auto pub = MakePublicDecision(decision, body);
  if (!pub || pub->state != PublicState::kPublished) return std::nullopt;  // stubs: no text
  SearchDocument doc;
  doc.title = pub->title;
  const auto line = [&](const std::string& s) {
    if (s.empty()) return;
    if (!doc.text.empty()) doc.text += '\n';
    doc.text += s;
  };
  line(pub->reference);
  if (pub->decision_maker_role) line(*pub->decision_maker_role);
  for (const auto& f : pub->fields) line(f.value);
  for (const auto& s : pub->sections) {
    line(s.heading);
    line(s.text);
  }
  for (const auto& p : pub->background_papers) line(p);
  for (const auto& b : pub->boards) line(b.name);
  return doc;
}

}  // namespace assent::publication
