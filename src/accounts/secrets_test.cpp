#include "accounts/secrets.hpp"

#include <gtest/gtest.h>

#include <set>

namespace assent::accounts {
namespace {

// One hash only: each costs ~0.1 s and 64 MiB.
TEST(Secrets, PasswordHashRoundTrip) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash) << hash.error().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  EXPECT_FALSE(PasswordNeedsRehash(*hash));
}

TEST(Secrets, MalformedAndWeakHashes) {
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
  EXPECT_FALSE(VerifyPassword(std::string(500, '$'), "x"));
  EXPECT_TRUE(PasswordNeedsRehash("not a hash"));
  EXPECT_TRUE(PasswordNeedsRehash(""));
  // A hash made with weaker limits (t=1, m=8 MiB) than today's: verified by string only.
  EXPECT_TRUE(PasswordNeedsRehash(
      "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
      "8Jf8xY5tM7sR3aN0dV1cQ2wZ9kL4hB6uE0pG2yT5rI8"));
}

TEST(Secrets, TokensAreRandomUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string t = NewToken();
    ASSERT_EQ(t.size(), 43u) << t;
    for (char c : t) {
      bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_';
      EXPECT_TRUE(ok) << t;
    }
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(Secrets, TokenHashAndComparison) {
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(SameSecret("token-123", "token-123"));
  EXPECT_FALSE(SameSecret("token-123", "token-124"));
  EXPECT_FALSE(SameSecret("token-123", "token-12"));
  EXPECT_FALSE(SameSecret("", ""));
}

}  // namespace
}  // namespace assent::accounts
