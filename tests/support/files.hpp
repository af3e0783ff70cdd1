#pragma once
// Test helpers for reading fixtures from the source tree (ASSENT_TEST_SOURCE_DIR).

#include <string>
#include <string_view>

namespace assent::testing_support {

// The source tree's root, without a trailing slash.
std::string SourceDir();
// Reads a file given relative to the source tree; fails the test (throws) when missing.
std::string ReadSourceFile(std::string_view relative_path);

}  // namespace assent::testing_support
