#pragma once
// Public HTML pages rendered from Mustache templates (templates/*.mustache), which
// escape every value by default. The only unescaped insertion is the page body into
// the layout, and that body is itself a rendered template.
//
// Thread-safety: the const methods may be called from several threads at once
// (templates are parsed per render; kainjow's parsed templates are not thread-safe).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "publication/public_decision.hpp"
#include "services/compliance.hpp"
#include "services/register.hpp"
#include "services/search.hpp"
#include "services/strategy_register.hpp"
#include "strategy/catalogue.hpp"

namespace assent::render {

class HtmlPages {
 public:
  // Reads the page templates (layout, home, register, decision, error, strategy...,
  // and the staff pages' staff_*) from `dir`, and checks
  // that each parses. Errors name the file.
  static Result<HtmlPages> Load(const std::string& dir);

  std::string Home(const std::vector<services::BodyListing>& bodies) const;
  std::string Register(const services::RegisterPage& page) const;
  // `approves`: the strategy versions this decision approved, linked from its page.
  std::string Decision(const publication::PublicDecision& decision,
                       const std::vector<strategy::ApprovedVersion>& approves = {}) const;

  // The strategy register (strategy_pages.cpp): every body's strategies on one timeline;
  // one body's strategies; one strategy; its delivery report for the Police and Crime Panel.
  std::string StrategyTimeline(const services::Timeline& timeline) const;
  std::string StrategyList(const services::StrategyListPage& page) const;
  std::string Strategy(const services::StrategyPage& page) const;
  std::string StrategyReport(const services::StrategyPage& page) const;
  // The open register (open_pages.cpp): the search page with its filters and
  // highlighted snippets (`query`: the search's query string, for its feed and paging);
  // a decision's printable notice.
  std::string Search(const services::SearchPage& page, std::string_view query) const;
  std::string Notice(const publication::PublicDecision& decision) const;
  // A body's published forward plan (compliance_pages.cpp).
  std::string ForwardPlan(const services::PublicForwardPlan& plan) const;

  // An error page in the same design. `message` must be safe to show to anyone.
  std::string Error(int status, std::string_view title, std::string_view message) const;

 private:
  friend class StaffPages;  // staff_pages.hpp: the staff side's pages, from the same templates
  friend class StaffStrategyPages;  // staff_strategy_pages.hpp: the strategy register's staff pages
  std::map<std::string, std::string, std::less<>> templates_;
};

// Splits section text into paragraphs and bullet lists: blank lines end a paragraph,
// lines starting "- " or "• " are list items.
struct TextBlock {
  bool list = false;
  std::vector<std::string> lines;  // one paragraph (joined with spaces) or the list items
};
std::vector<TextBlock> SplitBlocks(std::string_view text);

}  // namespace assent::render
