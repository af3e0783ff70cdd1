#include "import/pdf_strikes.hpp"

// qpdf 11: use std::shared_ptr throughout, without the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <string>

namespace assent::import {
namespace {

constexpr double kFlat = 0.5;         // points a "horizontal" line may rise over its length
constexpr double kMinLength = 2.0;    // shorter marks are dots, not strikes
constexpr double kThinRect = 2.5;     // a filled rectangle this thin or thinner is a rule

struct Point {
  double x = 0;
  double y = 0;
};

// Walks one page's content: graphics state stack, current path, painting operators.
class LineFinder : public QPDFObjectHandle::ParserCallbacks {
 public:
  std::vector<HorizontalLine> lines;

  void handleObject(QPDFObjectHandle obj, size_t, size_t) override {
    if (!obj.isOperator()) {
      operands_.push_back(obj);
      return;
    }
    Run(obj.getOperatorValue());
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  struct Segment {
    Point a, b;
  };
  std::vector<QPDFObjectHandle> operands_;
  QPDFMatrix ctm_;
  std::vector<QPDFMatrix> saved_;
  std::vector<Segment> segments_;  // the current path's straight segments, in user space
  std::vector<Segment> thin_rects_;  // thin rectangles in the current path (their centre line)
  Point current_, start_;

  bool Numbers(size_t n, double* out) {
    if (operands_.size() < n) return false;
    for (size_t i = 0; i < n; ++i) {
      QPDFObjectHandle& o = operands_[operands_.size() - n + i];
      if (!o.isNumber()) return false;
      out[i] = o.getNumericValue();
    }
    return true;
  }

  Point Map(double x, double y) const {
    Point p;
    ctm_.transform(x, y, p.x, p.y);
    return p;
  }

  void Keep(const Segment& s) {
    if (std::fabs(s.a.y - s.b.y) > kFlat) return;
    double x1 = std::min(s.a.x, s.b.x);
    double x2 = std::max(s.a.x, s.b.x);
    if (x2 - x1 < kMinLength) return;
    lines.push_back({x1, x2, (s.a.y + s.b.y) / 2});
  }

  void Run(const std::string& op) {
    double v[6];
    if (op == "q") {
      saved_.push_back(ctm_);
    } else if (op == "Q") {
      if (!saved_.empty()) {
        ctm_ = saved_.back();
        saved_.pop_back();
      }
    } else if (op == "cm" && Numbers(6, v)) {
      ctm_.concat(QPDFMatrix(v[0], v[1], v[2], v[3], v[4], v[5]));
    } else if (op == "m" && Numbers(2, v)) {
      current_ = start_ = Map(v[0], v[1]);
    } else if (op == "l" && Numbers(2, v)) {
      Point p = Map(v[0], v[1]);
      segments_.push_back({current_, p});
      current_ = p;
    } else if (op == "h") {
      segments_.push_back({current_, start_});
      current_ = start_;
    } else if (op == "re" && Numbers(4, v)) {
      Point a = Map(v[0], v[1]);
      Point b = Map(v[0] + v[2], v[1] + v[3]);
      if (std::fabs(b.y - a.y) <= kThinRect) {
        double y = (a.y + b.y) / 2;
        thin_rects_.push_back({{a.x, y}, {b.x, y}});
      }
      current_ = start_ = a;
    } else if (op == "S" || op == "s") {
      for (const auto& s : segments_) Keep(s);
      Clear();
    } else if (op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" || op == "b*") {
      for (const auto& s : thin_rects_) Keep(s);
      if (op != "f" && op != "F" && op != "f*") {
        for (const auto& s : segments_) Keep(s);
      }
      Clear();
    } else if (op == "n") {
      Clear();
    }
  }

  void Clear() {
    segments_.clear();
    thin_rects_.clear();
  }
};

}  // namespace

std::vector<std::vector<HorizontalLine>> FindHorizontalLines(std::string_view pdf_bytes) {
  std::vector<std::vector<HorizontalLine>> pages;
  try {
    std::string copy(pdf_bytes);  // qpdf reads from a buffer it does not own; it outlives `pdf`
    QPDF pdf;
    auto quiet = QPDFLogger::create();
    quiet->setInfo(quiet->discard());
    quiet->setWarn(quiet->discard());
    quiet->setError(quiet->discard());
    pdf.setLogger(quiet);
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("document", copy.data(), copy.size());
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      LineFinder finder;
      try {
        page.parseContents(&finder);
      } catch (const std::exception&) {
        // A damaged content stream: the lines found before the damage stand.
      }
      pages.push_back(std::move(finder.lines));
    }
  } catch (const std::exception&) {
    pages.clear();
  }
  return pages;
}

}  // namespace assent::import
