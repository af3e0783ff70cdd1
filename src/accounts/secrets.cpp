#include "accounts/secrets.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/hash.hpp"

namespace assent::accounts {
namespace {

// sodium_init once, from whichever thread gets here first (a function-local static is
// initialised exactly once).
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(ErrorCode::kUnavailable, "not enough memory to hash the password; try again");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  EnsureSodium();
  // libsodium wants a NUL-terminated string shorter than crypto_pwhash_STRBYTES.
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string hash(stored_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored_hash) {
  EnsureSodium();
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return true;
  std::string hash(stored_hash);
  // 1: weaker or other parameters; -1: not an argon2id hash at all. Either way, rehash.
  return crypto_pwhash_argon2id_str_needs_rehash(hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

std::string NewToken() {
  EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(text);
}

std::string TokenHash(std::string_view token) { return Sha256Hex(token); }

bool SameSecret(std::string_view a, std::string_view b) {
  EnsureSodium();
  // The length of a token is no secret; an empty one never matches (an absent CSRF
  // field must not equal an absent session token).
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace assent::accounts
