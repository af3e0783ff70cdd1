#include "tests/support/files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace assent::testing_support {

std::string SourceDir() { return ASSENT_TEST_SOURCE_DIR; }

std::string ReadSourceFile(std::string_view relative_path) {
  std::string path = SourceDir() + "/" + std::string(relative_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test fixture missing: " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace assent::testing_support
