#pragma once
// Strike-through in a PDF: a word processor prints struck words as ordinary text with a
// line drawn over them, so the text layer has no trace of it. This finds the drawn
// horizontal lines (stroked segments and thin filled rectangles) in each page's content
// stream, through qpdf's content-stream parser (tracking q/Q and cm), in PDF user space
// (points, origin bottom left). pdf_reader.cpp lays them over poppler's word boxes.
// Not followed: lines inside form XObjects, and clipping. Pure: bytes in, lines out.

#include <string_view>
#include <vector>

namespace assent::import {

struct HorizontalLine {
  double x1 = 0;  // x1 < x2
  double x2 = 0;
  double y = 0;
};

// One list per page, in page order; empty lists when the PDF cannot be parsed.
std::vector<std::vector<HorizontalLine>> FindHorizontalLines(std::string_view pdf_bytes);

}  // namespace assent::import
