#pragma once
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace peacesearch::testing {

/// A child process of the test (the real indexer or server binary), output captured to a file.
class Process {
 public:
  struct Options {
    std::optional<long> max_file_bytes;  ///< RLIMIT_FSIZE: a "full disk" for the child
    std::optional<std::string> cwd;      ///< the child's working directory
  };

  /// Starts argv[0] with the arguments; stdout and stderr go to one temporary file.
  explicit Process(std::vector<std::string> argv, Options options);
  explicit Process(std::vector<std::string> argv) : Process(std::move(argv), Options{}) {}
  ~Process();

  /// Waits for the exit (killing it after `timeout`); returns the exit status, or 128+signal.
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(120));
  /// Sends a signal (SIGKILL, SIGTERM…).
  void signal(int sig);
  bool running();
  /// Everything the child printed so far.
  std::string output() const;
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  std::optional<int> status_;
};

/// Path of a built executable, from the PEACESEARCH_BUILD_DIR the tests are given.
std::string built_binary(const std::string& relative);

}  // namespace peacesearch::testing
