#pragma once
// An `assent serve` process for tests: started with its own arguments, its port read
// from its "listening on" log line, stopped with SIGTERM when the object goes away.

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace assent::testing_support {

class ServerProcess {
 public:
  // Starts ASSENT_BINARY with `args` (listen on 127.0.0.1:0 is added) and the extra
  // environment `env` ("NAME=value"). Check ok() / error() afterwards.
  ServerProcess(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Waits up to `timeout_ms` for the listening line; false if the process exited first.
  bool WaitUntilListening(int timeout_ms = 20000);
  std::uint16_t port() const { return port_; }
  // Everything the process logged so far.
  std::string Log() const;
  // Sends SIGTERM and waits; returns the exit code (-1 if killed by a signal).
  int Stop();

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  std::uint16_t port_ = 0;
};

}  // namespace assent::testing_support
