#pragma once
// A body's decision form as data (forms/*.toml): its sections, header fields, the
// ordered sign-off chain with declarations and "delete as appropriate" capacities,
// the decision-maker block(s), and the publication and media questions.
// Drafting, the sign-off chain and the importer all read this one definition.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "decisions/decision.hpp"

namespace assent::decisions {

enum class FieldType { kText, kDate, kYesNo };

struct FormField {
  std::string key;    // "classification"
  std::string label;  // as printed: "Classification (e.g. Not protectively marked/restricted)"
  FieldType type = FieldType::kText;
  std::vector<std::string> aliases;  // other printed labels for the same field
};

struct FormSection {
  std::string key;      // "executive_summary"
  std::string heading;  // as printed: "Executive Summary"
  Part part = Part::kPart1;
  bool required = false;
  std::vector<std::string> aliases;
};

// One step of the sign-off chain, or a decision maker's block.
struct SignOffBlock {
  std::string key;    // "opcc_officer"
  std::string role;   // the Role that may sign it: "chief_executive", "commissioner"...
  std::string label;  // printed title: "OPCC Officer Approval", "Chief Executive / M.O."
  // "Delete as appropriate" choices; empty when the block has a single capacity.
  std::vector<std::string> capacities;
  std::string declaration;  // the text the signatory declares
  bool advice = false;      // has a box for the signatory's own advice
  std::string heading;      // the printed heading that opens the block, if any
};

struct FormQuestion {
  std::string key;   // "deferred", "deferral_reason", "deferred_until", "part2_exists"...
  std::string text;  // as printed: "Is the publication of this form to be deferred?"
  FieldType type = FieldType::kYesNo;
};

// How the body's published decision register is printed as a table (one row per
// decision): the printed column names that stand for each field. Keys: reference, title,
// summary, decision_date, decision_maker, outcome. Empty `columns`: the body publishes
// no such table (the form file has no [register] table).
struct RegisterColumn {
  std::string key;                 // "reference"
  std::vector<std::string> names;  // as printed in the header row: "Ref", "Decision No."
};
struct RegisterTable {
  std::vector<RegisterColumn> columns;
  bool empty() const { return columns.empty(); }
};

struct Form {
  std::string id;         // "cumbria-request-for-decision"
  std::string kind;       // "request-for-decision", "joint-management-board", "decision-report"
  std::string title;      // "Request for Police & Crime Commissioner decision"
  std::string body;       // the slug of the body whose form this is
  std::string body_name;  // "Police & Crime Commissioner for Cumbria"
  // Printed phrases that identify a document as this form (for import).
  std::vector<std::string> detect;
  // Printed phrases that name the body ("Northmoor OPCC"); with body_name, they tell
  // apart bodies whose forms print the same detect phrase ("DECISION NOTICE").
  std::vector<std::string> body_detect;
  std::vector<FormField> fields;
  std::vector<FormSection> sections;
  std::vector<SignOffBlock> signoffs;         // in signing order, before the decision makers
  std::vector<SignOffBlock> decision_makers;  // more than one: a joint decision
  std::vector<FormQuestion> publication;
  std::vector<FormQuestion> media;
  RegisterTable register_table;  // [register.columns]

  bool joint() const { return decision_makers.size() > 1; }
  const FormSection* FindSection(std::string_view key) const;
};

// Parses a form definition. `where` names the file in error messages, which read
// "forms/x.toml: key signoffs[2].role: 'chef' is not a role".
Result<Form> ParseForm(std::string_view toml_text, std::string_view where);

// The roles a form may name: accounts::Roles(), the one list staff accounts use too.
bool IsKnownRole(std::string_view role);

}  // namespace assent::decisions
