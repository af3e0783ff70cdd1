// assent: one binary, subcommands from a table (cli/commands.cpp).
#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

int main(int argc, char** argv) {
  try {
    return assent::cli::RunMain(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "assent: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "assent: internal error\n");
  }
  return assent::cli::kExitInternal;
}
