#pragma once
// The staff pages of the import review queue: the list, and one queued record's fields
// (value, confidence, source line; unknown and low-confidence ones tagged) beside its
// numbered source text, with the correction form, Confirm and Reject. Rendered by
// StaffPages (staff_pages.hpp) from templates/staff_imports.mustache and staff_import.mustache.

#include <string>
#include <vector>

#include "services/import_review.hpp"

namespace assent::render {

struct FieldError;

struct ImportQueueView {
  std::vector<services::ImportQueueRow> rows;
  bool all = false;  // every state, not only the awaiting ones
  std::string notice;
};

// The correction form's values as shown (as read, or as the person typed them).
struct ImportReviewForm {
  std::int64_t version = 0;
  std::string body;
  std::string reference;
  std::string title;
  std::string decision_maker_role;
  std::string outcome;        // "approved", "not_approved", "" (unknown)
  std::string decision_date;  // as typed: "7/3/2018"
  std::string reason;         // rejection reason
  // The rest of the record (services::OtherCorrections, as typed).
  std::vector<std::pair<std::string, std::string>> fields;  // classification, report_by, report_date, enquiries_to
  std::string for_publication;          // "yes", "no", "" (not shown)
  std::string part2_exists;
  std::string deferred;
  std::string deferral_reason;
  std::string deferred_until;           // as typed
  std::string press_release_required;
  struct SignOff {
    std::string step;
    std::string label;
    std::string name;
    std::string date;  // as typed
  };
  std::vector<SignOff> signoffs;
};

struct ImportReviewView {
  const services::ImportReviewPage& page;
  ImportReviewForm values;
  std::vector<FieldError> errors;
  std::string notice;
};

}  // namespace assent::render
