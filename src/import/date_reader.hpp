#pragma once
// Reads dates as decision records print them, day first as UK bodies write them:
// "22nd February 2017", "24th February 2016", "3 rd March 2021", "15TH NOVEMBER 2018",
// "Monday 4 March 2020", "March 3, 2021", "15/03/2021", "15.11.18", "2021-03-15".
// Two-digit years are 20YY (19YY from 70). Anything else, including OCR-garbled text
// such as "15th Jovenber Co. 8", is not a date: the reader never guesses.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace assent::import {

// The whole of `text` (trimmed, trailing punctuation ignored) as a date.
// Error (kInvalidInput): "'15th Jovenber Co. 8' is not a readable date".
Result<Date> ReadDate(std::string_view text);

struct DateInText {
  Date date;
  size_t begin = 0;  // the date's byte span in the (trimmed) text
  size_t end = 0;
};
// A date that ends `text`, as in a list line "Chief Officer Group (COG) 10/03/2021".
std::optional<DateInText> FindTrailingDate(std::string_view text);
// A date that starts `text`, as in "22nd February 2017 (by e-mail)".
std::optional<DateInText> FindLeadingDate(std::string_view text);

// Dates a record's signature dates should lie near: the meeting or report date, and
// the year in the reference ("2018/37" -> 2018).
struct DateAnchors {
  struct Anchor {
    std::string what;  // "the meeting date 2018-11-15", "the reference year 2018"
    Date first;        // the anchor is the span [first, last]
    Date last;
  };
  std::vector<Anchor> anchors;
};

// Empty when `date` lies within two years of every anchor (or there are none);
// otherwise why it is implausible: "7 years from the meeting date 2018-11-15".
std::string ImplausibleDate(const Date& date, const DateAnchors& anchors);

}  // namespace assent::import
