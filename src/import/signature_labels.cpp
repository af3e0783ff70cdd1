#include "import/signature_labels.hpp"

namespace assent::import {
namespace {

struct LabelRow {
  const char* text;
  SignatureLabel kind;
};

constexpr LabelRow kLabels[] = {
    {"Signature", SignatureLabel::kSignature},
    {"Signed", SignatureLabel::kSignature},
    {"Signed by", SignatureLabel::kSignature},
    {"Sign", SignatureLabel::kSignature},
    {"Print", SignatureLabel::kPrintedName},
    {"Print name", SignatureLabel::kPrintedName},
    {"Printed name", SignatureLabel::kPrintedName},
    {"Name", SignatureLabel::kPrintedName},
    {"Date", SignatureLabel::kDate},
    {"Dated", SignatureLabel::kDate},
    {"Date signed", SignatureLabel::kDate},
    {"Signature date", SignatureLabel::kDate},
    {"Date of signature", SignatureLabel::kDate},
};

constexpr size_t kMaxBareValueWords = 4;

}  // namespace

const std::vector<Phrase>& SignatureLabelPhrases() {
  static const std::vector<Phrase> phrases = [] {
    std::vector<Phrase> out;
    for (const auto& row : kLabels) out.push_back(MakePhrase(row.text));
    return out;
  }();
  return phrases;
}

SignatureLabel SignatureLabelKind(size_t label_index) { return kLabels[label_index].kind; }

LabelRules SignatureLabelRules() { return LabelRules{true, true}; }

bool IsSignatureLine(const Line& line) {
  if (line.words.empty()) return false;
  auto hits = FindLabels(line, SignatureLabelPhrases(), SignatureLabelRules());
  if (hits.empty() || hits.front().begin != line.words.front().begin) return false;
  const LabelHit& first = hits.front();
  if (first.end != LabelEnd::kBare) return true;
  size_t words = 0;
  for (const auto& w : line.words) {
    if (w.begin >= first.value_begin && w.end <= first.value_end) ++words;
  }
  return words <= kMaxBareValueWords;
}

}  // namespace assent::import
