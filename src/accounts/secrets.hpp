#pragma once
// Passwords and tokens, through libsodium: argon2id hashes (INTERACTIVE limits, ~0.1 s
// and 64 MiB each, so call off the I/O threads), random tokens, and token hashes.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace assent::accounts {

// An argon2id hash in libsodium's encoded form ("$argon2id$v=19$m=65536,t=2,p=1$...").
// kUnavailable when memory for the hash cannot be had.
Result<std::string> HashPassword(std::string_view password);
// Constant-time check of a password against a stored hash. False for a malformed hash.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);
// Whether a stored hash was made with weaker limits than today's (rehash at next sign-in).
bool PasswordNeedsRehash(std::string_view stored_hash);

// 32 random bytes as 43 characters of unpadded base64url: session and CSRF tokens.
std::string NewToken();
// Hex SHA-256 of a token: what the store keeps instead of the token.
std::string TokenHash(std::string_view token);
// Constant-time comparison of two strings (CSRF tokens). An empty string matches nothing.
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace assent::accounts
