#pragma once
// The geometry of the strategy timeline picture (an SVG drawn by templates/timeline.mustache):
// one lane per body, one row per strategy, a bar over its years, a circle at each
// approving decision's date, an arrow from a strategy to the one that replaced it.
// Pure arithmetic over the timeline's data, so it can be tested without rendering.

#include <string>
#include <vector>

#include "services/strategy_register.hpp"

namespace assent::render {

struct TimelineMarker {
  double cx = 0, cy = 0;
  std::string label;  // "24 February 2016: decision 008/2016 approved November 2015 update"
};

struct TimelineBar {
  std::string key;    // "cumbria/ict-2015-2019", or "cumbria/other/0" for a predecessor not on the register
  std::string label;  // the text beside the bar
  double x = 0, y = 0, w = 0, h = 0;
  double label_x = 0, label_y = 0;
  bool label_at_end = false;  // anchored at the bar's end (when it would run off the picture)
  bool on_register = true;    // false: drawn dashed
  strategy::StrategyStatus status = strategy::StrategyStatus::kCurrent;
  std::vector<TimelineMarker> markers;
};

struct TimelineArrow {
  std::string from, to;  // bar keys
  std::string path;      // SVG path data
};

struct TimelineLaneHead {
  std::string name;
  double y = 0;
};

struct TimelineTick {
  int year = 0;
  double x = 0;        // the line at the start of the year
  double label_x = 0;  // the middle of the year
};

struct TimelineLayout {
  double width = 960, height = 0;
  double axis_top = 0, axis_bottom = 0;
  int first_year = 0, last_year = 0;
  std::vector<TimelineTick> ticks;
  std::vector<TimelineLaneHead> lanes;
  std::vector<TimelineBar> bars;
  std::vector<TimelineArrow> arrows;
};

TimelineLayout LayOutTimeline(const services::Timeline& timeline);

// The x position of a date between the lines of its year (fraction by day of year).
double DateX(const TimelineLayout& layout, const Date& date);

}  // namespace assent::render
