#include "import/pdf_reader.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "import/pdf_strikes.hpp"

namespace assent::import {
namespace {

constexpr std::string_view kMagic = "%PDF-";
constexpr size_t kMagicSlack = 1024;  // readers accept junk before the header
constexpr size_t kTrailerSlack = 1024;  // and after the last %%EOF
constexpr size_t kCellGap = 3;          // spaces that separate columns in physical layout

// poppler reports damage on stderr by default; the importer reports it itself.
void Quiet(const std::string&, void*) {}

void SilencePoppler() {
  static const bool silenced = [] {
    poppler::set_debug_error_function(&Quiet, nullptr);
    return true;
  }();
  (void)silenced;
}

Error PdfError(std::string message, std::string_view source_name) {
  return Fail(ErrorCode::kInvalidInput, std::move(message), std::string(source_name));
}

// One physical-layout line: trailing spaces and CR dropped, wide gaps as tabs.
std::string CleanLine(std::string_view raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\r')) raw.remove_suffix(1);
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != ' ') {
      out.push_back(raw[i++]);
      continue;
    }
    size_t j = i;
    while (j < raw.size() && raw[j] == ' ') ++j;
    // Leading spaces stay spaces: they are indentation, not a column break.
    bool gap = j - i >= kCellGap && !out.empty() && out.find_first_not_of(' ') != std::string::npos;
    if (gap) {
      out.push_back('\t');
    } else {
      out.append(j - i, ' ');
    }
    i = j;
  }
  return out;
}

// Where a drawn line crosses a word: between these fractions of the word box's height,
// measured from its top (a strike sits over the x-height; an underline lies below it).
constexpr double kStrikeTop = 0.25;
constexpr double kStrikeBottom = 0.75;
constexpr double kStrikeCover = 0.6;  // of the word's width the line must cover

bool Crosses(const poppler::rectf& box, const HorizontalLine& line, double page_height) {
  double y = page_height - line.y;  // poppler's word boxes have their origin at the top
  double top = box.top() + kStrikeTop * box.height();
  double bottom = box.top() + kStrikeBottom * box.height();
  if (y < top || y > bottom || box.width() <= 0) return false;
  double covered = std::min(box.right(), line.x2) - std::max(box.left(), line.x1);
  return covered >= kStrikeCover * box.width();
}

// The page's layout text with each run of struck words marked "~~...~~", as the text
// reader writes it. Words are found in the text in poppler's order; one that cannot be
// found is left unmarked.
std::string MarkStruck(std::string text, poppler::page& page, const std::vector<HorizontalLine>& lines) {
  double height = page.page_rect(poppler::media_box).height();
  struct Span {
    size_t begin, end;
  };
  std::vector<Span> struck;
  size_t cursor = 0;
  for (const auto& box : page.text_list()) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string word(utf8.begin(), utf8.end());
    if (word.empty()) continue;
    size_t at = text.find(word, cursor);
    if (at == std::string::npos) continue;
    cursor = at + word.size();
    bool hit = false;
    for (const auto& l : lines) hit = hit || Crosses(box.bbox(), l, height);
    if (!hit) continue;
    // Words struck by one line are one run: join across the single spaces between them.
    if (!struck.empty() && text.find_first_not_of(' ', struck.back().end) == at && at - struck.back().end < kCellGap) {
      struck.back().end = cursor;
    } else {
      struck.push_back({at, cursor});
    }
  }
  for (auto it = struck.rbegin(); it != struck.rend(); ++it) {
    text.insert(it->end, "~~");
    text.insert(it->begin, "~~");
  }
  return text;
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, kMagicSlack).find(kMagic) != std::string_view::npos;
}

Result<SourceText> ReadPdf(std::string_view bytes, std::string_view source_name) {
  SilencePoppler();
  std::string_view tail = bytes.substr(bytes.size() > kTrailerSlack ? bytes.size() - kTrailerSlack : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    return PdfError("truncated PDF (no end-of-file marker)", source_name);
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return PdfError("damaged PDF (cannot be opened)", source_name);
  if (doc->is_locked()) return PdfError("encrypted PDF (needs a password)", source_name);
  int pages = doc->pages();
  if (pages <= 0) return PdfError("PDF has no pages", source_name);

  auto drawn = FindHorizontalLines(bytes);
  SourceText source;
  source.kind = "pdf";
  source.page_first_line.clear();
  int line_number = 1;
  bool any_text = false;
  for (int p = 0; p < pages; ++p) {
    source.page_first_line.push_back(line_number);
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    std::string text;
    if (page) {
      poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
      text.assign(utf8.begin(), utf8.end());
      if (static_cast<size_t>(p) < drawn.size() && !drawn[static_cast<size_t>(p)].empty()) {
        text = MarkStruck(std::move(text), *page, drawn[static_cast<size_t>(p)]);
      }
    }
    // Form feeds end pages in poppler's output; drop them and the page's trailing blank lines.
    for (char& c : text) {
      if (c == '\f') c = '\n';
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
    if (!Trim(text).empty()) any_text = true;
    size_t start = 0;
    for (;;) {
      size_t end = text.find('\n', start);
      std::string_view raw = std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
      source.text += CleanLine(raw);
      source.text.push_back('\n');
      ++line_number;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  if (!any_text) return PdfError("no text layer (scanned?)", source_name);
  return source;
}

}  // namespace assent::import
