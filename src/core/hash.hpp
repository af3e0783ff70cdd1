#pragma once
// Content hashes (libsodium's SHA-256): pure computation, used for source files,
// signed content, audit events and attachment blobs.

#include <string>
#include <string_view>

namespace assent {

// Lower-case hex SHA-256 of the bytes (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace assent
