#include "tests/support/run_assent.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace assent::testing_support {

AssentRun RunAssent(const std::string& args, const std::string& env) {
  std::string cmd = "env -u ASSENT_STORE_URL -u ASSENT_DATA_DIR -u ASSENT_DEMO -u ASSENT_LISTEN "
                    "-u ASSENT_SHARE_DIR -u ASSENT_STRATEGIES_DIR -u ASSENT_BODIES_FILE "
                    "-u ASSENT_SMTP_URL -u ASSENT_SMTP_FROM -u ASSENT_SMTP_USERNAME "
                    "-u ASSENT_SMTP_PASSWORD -u ASSENT_SMTP_STARTTLS -u ASSENT_BASE_URL "
                    "-u ASSENT_COOKIE_SECURE " +
                    env + " " + ShellQuote(ASSENT_BINARY) + " " + args + " 2>&1";
  AssentRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string ShellQuote(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace assent::testing_support
