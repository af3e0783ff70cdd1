#include "render/timeline_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace assent::render {
namespace {

constexpr double kLeft = 10, kRight = 10;
constexpr double kAxisHeight = 30;
constexpr double kLaneHeadHeight = 30;
constexpr double kRowHeight = 44;
constexpr double kLabelBaseline = 15;  // from the row's top
constexpr double kBarTop = 21;
constexpr double kBarHeight = 14;
constexpr double kCharWidth = 6.6;  // 13px Arial, a generous average

double YearX(const TimelineLayout& l, int year) {
  double span = l.width - kLeft - kRight;
  return kLeft + span * (year - l.first_year) / (l.last_year - l.first_year + 1);
}

// A row on the picture: a strategy on the register, or a predecessor only named by one.
struct Row {
  int start = 0, end = 0;
  std::string key, label;
  bool on_register = true;
  strategy::StrategyStatus status = strategy::StrategyStatus::kEnded;
  const strategy::Strategy* strategy = nullptr;
};

}  // namespace

double DateX(const TimelineLayout& l, const Date& date) {
  using namespace std::chrono;
  sys_days jan1 = sys_days{year{date.year()} / January / 1};
  sys_days next = sys_days{year{date.year() + 1} / January / 1};
  double fraction = static_cast<double>((date.days() - jan1).count()) / (next - jan1).count();
  return YearX(l, date.year()) + (YearX(l, date.year() + 1) - YearX(l, date.year())) * fraction;
}

TimelineLayout LayOutTimeline(const services::Timeline& timeline) {
  TimelineLayout l;
  // Rows per lane, each lane ordered by start year; predecessors named only by their
  // successor come right before it.
  std::vector<std::vector<Row>> lanes;
  int first = 9999, last = 0;
  for (const auto& lane : timeline.lanes) {
    std::vector<Row> rows;
    for (const auto& sr : lane.strategies) {
      const strategy::Strategy& s = *sr.strategy;
      for (size_t i = 0; i < s.replaces_other.size(); ++i) {
        const auto& p = s.replaces_other[i];
        if (!p.start_year || !p.end_year) continue;
        rows.push_back({*p.start_year, *p.end_year, fmt::format("{}/other/{}", s.Key(), i),
                        p.title + " (not on this register)", false, strategy::StrategyStatus::kSuperseded,
                        nullptr});
      }
      rows.push_back({s.start_year, s.end_year, s.Key(), s.title, true, sr.status, &s});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.start < b.start; });
    for (const auto& r : rows) {
      first = std::min(first, r.start);
      last = std::max(last, r.end);
    }
    lanes.push_back(std::move(rows));
  }
  if (lanes.empty()) return l;
  l.first_year = first;
  l.last_year = last;
  l.axis_top = kAxisHeight;
  for (int y = first; y <= last + 1; ++y) {
    l.ticks.push_back({y, YearX(l, y), (YearX(l, y) + YearX(l, y + 1)) / 2});
  }
  l.ticks.pop_back();  // the closing line is drawn by the last year's right edge
  double y = kAxisHeight;
  std::map<std::string, const TimelineBar*> by_key;
  l.bars.reserve([&] {
    size_t n = 0;
    for (const auto& rows : lanes) n += rows.size();
    return n;
  }());
  for (size_t i = 0; i < lanes.size(); ++i) {
    l.lanes.push_back({timeline.lanes[i].body.name, y + 20});
    y += kLaneHeadHeight;
    for (const Row& r : lanes[i]) {
      TimelineBar bar;
      bar.key = r.key;
      bar.label = r.label;
      bar.x = YearX(l, r.start);
      bar.w = YearX(l, r.end + 1) - bar.x;
      bar.y = y + kBarTop;
      bar.h = kBarHeight;
      bar.on_register = r.on_register;
      bar.status = r.status;
      bar.label_y = y + kLabelBaseline;
      double text_width = kCharWidth * static_cast<double>(r.label.size());
      bar.label_at_end = bar.x + text_width > l.width - kRight;
      bar.label_x = bar.label_at_end ? std::max(bar.x + bar.w, kLeft + text_width) : bar.x;
      if (r.strategy) {
        for (const auto& v : r.strategy->versions) {
          std::string by = v.decision.empty() ? "a decision not on this register"
                                              : "decision " + v.decision;
          bar.markers.push_back({DateX(l, v.approved), bar.y + bar.h / 2,
                                 fmt::format("{}: {} approved {}", v.approved.ToLong(), by, v.label)});
        }
      }
      l.bars.push_back(std::move(bar));
      by_key[r.key] = &l.bars.back();
      y += kRowHeight;
    }
  }
  l.axis_bottom = y;
  l.height = y + 10;

  // Arrows from each predecessor to its successor: an S-curve from under the
  // predecessor's bar to the top of the successor's, just inside its start.
  const auto arrow = [&](const std::string& from, const std::string& to) {
    auto a = by_key.find(from), b = by_key.find(to);
    if (a == by_key.end() || b == by_key.end()) return;
    const TimelineBar& p = *a->second;
    const TimelineBar& s = *b->second;
    double ex = s.x + 8, ey = s.y - 1;
    double sx = std::min(p.x + p.w - 4, ex), sy = p.y + p.h + 1;
    double my = (sy + ey) / 2;
    // Keep the successor's label clear of the arrow's head.
    TimelineBar& target = l.bars[static_cast<size_t>(b->second - l.bars.data())];
    if (!target.label_at_end && target.label_x < ex + 8) target.label_x = ex + 8;
    l.arrows.push_back({from, to, fmt::format("M{:.1f} {:.1f} C{:.1f} {:.1f}, {:.1f} {:.1f}, {:.1f} {:.1f}",
                                              sx, sy, sx, my, ex, my, ex, ey)});
  };
  for (const auto& lane : timeline.lanes) {
    for (const auto& sr : lane.strategies) {
      const strategy::Strategy& s = *sr.strategy;
      for (const auto& id : s.replaces) arrow(s.body + "/" + id, s.Key());
      for (size_t i = 0; i < s.replaces_other.size(); ++i) {
        arrow(fmt::format("{}/other/{}", s.Key(), i), s.Key());
      }
    }
  }
  return l;
}

}  // namespace assent::render
