// The importer against its test corpus (tests/data/corpus): documents in layouts other
// than the seeds', text and PDF, each with hand-written labels in the seeds' JSON shape.
// Scored like a reviewer would: at least 95% of labelled fields right, and no value
// that is wrong while the importer says it is sure of it.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "import/document_bytes.hpp"
#include "import/document_file.hpp"
#include "import/label_json.hpp"
#include "import/record_reader.hpp"
#include "services/catalogue.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr double kConfident = 0.8;

std::string CorpusDir() { return testing_support::SourceDir() + "/tests/data/corpus"; }

// The shipped forms plus the corpus's fictional bodies' forms.
const std::vector<decisions::Form>& CorpusForms() {
  static const std::vector<decisions::Form> forms = [] {
    std::vector<decisions::Form> all;
    for (const auto& dir : {testing_support::SourceDir() + "/forms", CorpusDir() + "/forms"}) {
      auto loaded = services::LoadForms(dir);
      EXPECT_TRUE(loaded) << loaded.error().ToString();
      if (loaded) all.insert(all.end(), loaded->begin(), loaded->end());
    }
    return all;
  }();
  return forms;
}

std::vector<std::string> LabelFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(CorpusDir())) {
    if (e.path().extension() == ".json") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

json ReadJson(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

// Reads a document as `assent import --json` prints it: one record, or a register
// table's rows as {"records": [...]}.
json Extract(const std::string& path) {
  auto file = import::ReadDocumentFile(path);
  if (!file) return json{{"error", file.error().ToString()}};
  auto records = import::ReadDocumentRecords(file->source.text, fs::path(path).filename().string(), CorpusForms());
  if (!records) return json{{"error", records.error().ToString()}};
  if (records->size() == 1 && records->front().row == 0) {
    return json::parse(import::ToLabelJson(records->front(), &file->source));
  }
  json rows = json::array();
  for (const auto& r : *records) rows.push_back(json::parse(import::ToLabelJson(r, &file->source)));
  return json{{"records", rows}};
}

struct Score {
  int fields = 0;
  int right = 0;
  std::vector<std::string> wrong;            // every miss, for the failure message
  std::vector<std::string> confident_wrong;  // the ones that must not happen
  void Count(const std::string& what, const json& got, const json& want, double confidence) {
    ++fields;
    if (got == want) {
      ++right;
      return;
    }
    std::string line = what + ": got " + got.dump() + ", label " + want.dump() +
                       ", confidence " + std::to_string(confidence);
    wrong.push_back(line);
    if (!got.is_null() && confidence >= kConfident) confident_wrong.push_back(line);
  }
};

void ScoreDocument(const json& want, const json& got, Score& score) {
  std::string doc = want["source"].get<std::string>();
  const json& confidence = got["confidence"];
  auto conf = [&](const std::string& key) { return confidence.contains(key) ? confidence[key].get<double>() : 0.0; };
  for (const auto& [key, value] : want.items()) {
    if (key == "_notes" || key == "source") continue;
    if (key != "signoffs") {
      score.Count(doc + " " + key, got.value(key, json()), value, conf(key));
      continue;
    }
    const json& signoffs = got["signoffs"];
    if (signoffs.size() != value.size()) {
      score.wrong.push_back(doc + " signoffs: " + std::to_string(signoffs.size()) + " read, " +
                            std::to_string(value.size()) + " labelled");
    }
    for (size_t i = 0; i < value.size(); ++i) {
      for (const auto& [k, v] : value[i].items()) {
        bool read = i < signoffs.size();
        json g = read ? signoffs[i][k] : json();
        double c = read ? conf("signoffs[" + signoffs[i]["step"].get<std::string>() + "]." + k) : 0.0;
        score.Count(doc + " signoffs[" + std::to_string(i) + "]." + k, g, v, c);
      }
    }
  }
}

// A register table's label lists its rows; each is scored like a document.
void ScoreLabel(const json& want, const json& got, Score& score) {
  if (!want.contains("records")) {
    ScoreDocument(want, got, score);
    return;
  }
  std::string doc = want["source"].get<std::string>();
  const json rows = got.value("records", json::array());
  if (rows.size() != want["records"].size()) {
    score.wrong.push_back(doc + ": " + std::to_string(rows.size()) + " rows read, " +
                          std::to_string(want["records"].size()) + " labelled");
  }
  for (size_t i = 0; i < want["records"].size(); ++i) {
    json w = want["records"][i];
    w["source"] = doc + " row " + std::to_string(i + 1);
    json g = i < rows.size() ? rows[i] : json{{"confidence", json::object()}, {"signoffs", json::array()}};
    ScoreDocument(w, g, score);
  }
}

TEST(ImportCorpus, HasAtLeastFifteenLabelledDocumentsIncludingPdfs) {
  auto labels = LabelFiles();
  EXPECT_GE(labels.size(), 15u);
  int pdfs = 0;
  for (const auto& l : labels) {
    std::string source = ReadJson(l)["source"];
    EXPECT_TRUE(fs::exists(CorpusDir() + "/" + source)) << source;
    if (source.size() > 4 && source.substr(source.size() - 4) == ".pdf") ++pdfs;
  }
  EXPECT_GE(pdfs, 2);
}

TEST(ImportCorpus, ScoresAtLeast95PercentWithNoConfidentWrongValue) {
  Score score;
  for (const auto& l : LabelFiles()) {
    json want = ReadJson(l);
    json got = Extract(CorpusDir() + "/" + want["source"].get<std::string>());
    ASSERT_FALSE(got.contains("error")) << got["error"];
    ScoreLabel(want, got, score);
  }
  std::string misses;
  for (const auto& w : score.wrong) misses += "\n  " + w;
  ASSERT_GT(score.fields, 200);
  EXPECT_GE(score.right * 100, score.fields * 95) << score.right << "/" << score.fields << misses;
  EXPECT_TRUE(score.confident_wrong.empty()) << score.confident_wrong.size() << " confident-wrong" << misses;
  std::printf("corpus: %d of %d labelled fields right (%.1f%%), %zu confident-wrong\n", score.right, score.fields,
              100.0 * score.right / score.fields, score.confident_wrong.size());
}

TEST(ImportCorpus, SeedsScoreEveryLabelledField) {
  Score score;
  for (const auto& e : fs::directory_iterator(testing_support::SourceDir() + "/tests/data/seeds")) {
    json want = ReadJson(e.path().string());
    json got = Extract(testing_support::SourceDir() + "/demo/seeds/" + want["source"].get<std::string>());
    ASSERT_FALSE(got.contains("error")) << got["error"];
    ScoreDocument(want, got, score);
  }
  std::string misses;
  for (const auto& w : score.wrong) misses += "\n  " + w;
  EXPECT_EQ(score.right, score.fields) << misses;
}

// Property: a field whose source line is removed is never reported as known from that
// line; for the record's own identity (reference, title) and the header fields it is
// then unknown, since nothing else in the text states it.
TEST(ImportCorpus, RemovingAFieldsSourceLineNeverLeavesItKnown) {
  const char* strict[] = {"reference", "title", "classification", "report_by", "enquiries_to", "report_date"};
  const char* loose[] = {"decision_date", "outcome", "part2_exists", "publication_deferred", "press_release_required"};
  int checked = 0;
  for (const auto& l : LabelFiles()) {
    std::string source = ReadJson(l)["source"];
    if (source.substr(source.size() - 4) != ".txt" || ReadJson(l).contains("records")) continue;
    std::string text = testing_support::ReadSourceFile("tests/data/corpus/" + source);
    json got = Extract(CorpusDir() + "/" + source);
    auto check = [&](const char* key, bool must_be_null) {
      if (got[key].is_null() || got["provenance"][key].is_null()) return;
      int line = got["provenance"][key]["line"];
      // Blank the line, keeping the numbering of the others.
      std::string cut;
      size_t start = 0;
      for (int n = 1; start <= text.size(); ++n) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (n != line) cut.append(text, start, end - start);
        if (end == text.size()) break;
        cut.push_back('\n');
        start = end + 1;
      }
      auto record = import::ReadDecisionText(cut, source, CorpusForms());
      ASSERT_TRUE(record) << source << " without line " << line << ": " << record.error().ToString();
      json again = json::parse(import::ToLabelJson(*record));
      ++checked;
      if (must_be_null) {
        EXPECT_TRUE(again[key].is_null()) << source << ": " << key << " still " << again[key] << " without line "
                                          << line;
      } else if (!again[key].is_null()) {
        EXPECT_NE(again["provenance"][key], got["provenance"][key])
            << source << ": " << key << " still read from the removed line " << line;
      }
    };
    for (const char* k : strict) check(k, true);
    for (const char* k : loose) check(k, false);
  }
  EXPECT_GT(checked, 100);
}

TEST(ImportCorpus, BadFilesGiveOneLineErrorsNamingTheFile) {
  testing_support::TempDir dir;
  std::ofstream(dir.File("empty.pdf")) << "";
  std::ofstream(dir.File("photo.pdf"), std::ios::binary) << "\x89PNG\r\n\x1a\n rest of image";
  std::ofstream(dir.File("letter.docx"), std::ios::binary) << std::string("PK\x03\x04", 4) << "zip body";
  std::string bad = CorpusDir() + "/bad/";
  struct Case {
    std::string path;
    std::string error;
  } cases[] = {
      {bad + "scanned.pdf", bad + "scanned.pdf: no text layer (scanned?)"},
      {bad + "encrypted.pdf", bad + "encrypted.pdf: encrypted PDF (needs a password)"},
      {bad + "truncated.pdf", bad + "truncated.pdf: truncated PDF (no end-of-file marker)"},
      {dir.File("empty.pdf"), dir.File("empty.pdf") + ": file is empty"},
      {dir.File("photo.pdf"), dir.File("photo.pdf") + ": not a decision document: a PNG image"},
      {dir.File("letter.docx"), dir.File("letter.docx") +
                                    ": not a decision document: a ZIP archive (a .docx or .odt? save it as PDF or text)"},
      {dir.File("missing.pdf"), dir.File("missing.pdf") + ": cannot read file (No such file or directory)"},
  };
  for (const auto& c : cases) {
    auto r = import::ReadDocumentFile(c.path);
    ASSERT_FALSE(r) << c.path;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().ToString(), c.error);
    EXPECT_EQ(r.error().ToString().find('\n'), std::string::npos);
  }
}

TEST(ImportCorpus, TwoBodiesPrintingTheSamePhraseAreToldApartByTheBodyNamed) {
  auto forms = CorpusForms();
  auto other = decisions::ParseForm(R"(id = "dale-decision-notice"
kind = "decision-notice"
title = "Decision Notice"
body = "dale"
body_name = "Police and Crime Commissioner for Dale"
detect = ["DECISION NOTICE"]
[[decision_makers]]
key = "commissioner"
role = "commissioner"
label = "Police and Crime Commissioner"
)", "dale.toml");
  ASSERT_TRUE(other) << other.error().ToString();
  forms.push_back(*other);
  std::string text = testing_support::ReadSourceFile("tests/data/corpus/nm01_body_worn_video.txt");
  auto northmoor = import::ReadDecisionText(text, "nm01.txt", forms);
  ASSERT_TRUE(northmoor) << northmoor.error().ToString();
  EXPECT_EQ(northmoor->decision.body, "northmoor");
  std::string anonymous = "DECISION NOTICE\nDecision Notice Number: DN 01/2020\nTitle: Something\n";
  auto neither = import::ReadDecisionText(anonymous, "anon.txt", forms);
  ASSERT_FALSE(neither);
  EXPECT_EQ(neither.error().ToString(),
            "anon.txt: the form could be dale, northmoor and the text names none of these bodies");
}

TEST(ImportCorpus, RegisterTablesGiveOneRecordPerRowWithItsLine) {
  int tables = 0;
  for (const auto& l : LabelFiles()) {
    json want = ReadJson(l);
    if (!want.contains("records")) continue;
    ++tables;
    json got = Extract(CorpusDir() + "/" + want["source"].get<std::string>());
    ASSERT_TRUE(got.contains("records")) << want["source"] << ": " << got.dump();
    ASSERT_EQ(got["records"].size(), want["records"].size()) << want["source"];
    int last = 0;
    for (const auto& row : got["records"]) {
      EXPECT_EQ(row["source"], want["source"]);
      int line = row["provenance"]["title"]["line"];
      EXPECT_GT(line, last) << want["source"] << " row " << row["row"];
      last = line;
    }
  }
  EXPECT_GE(tables, 3);
}

TEST(ImportCorpus, PdfKeepsPagesAndLines) {
  auto file = import::ReadDocumentFile(CorpusDir() + "/pdf01_nm_neighbourhood.pdf");
  ASSERT_TRUE(file) << file.error().ToString();
  EXPECT_EQ(file->source.kind, "pdf");
  EXPECT_EQ(file->source.pages(), 2);
  json got = Extract(CorpusDir() + "/pdf01_nm_neighbourhood.pdf");
  EXPECT_EQ(got["provenance"]["reference"], (json{{"page", 1}, {"line", 5}}));
  EXPECT_EQ(got["provenance"]["decision_date"]["page"], 2) << got["provenance"];
  EXPECT_EQ(got["decision_date"], "2020-03-04");
}

}  // namespace
}  // namespace assent
