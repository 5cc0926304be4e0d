#include "tests/support/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace peacesearch::testing {

Process::Process(std::vector<std::string> argv, Options options) {
  char tmpl[] = "/tmp/peacesearch-proc-XXXXXX";
  int fd = ::mkstemp(tmpl);
  log_path_ = tmpl;
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    if (options.max_file_bytes) {
      ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, like ENOSPC
      rlimit lim{static_cast<rlim_t>(*options.max_file_bytes),
                 static_cast<rlim_t>(*options.max_file_bytes)};
      ::setrlimit(RLIMIT_FSIZE, &lim);
    }
    if (options.cwd && ::chdir(options.cwd->c_str()) != 0) ::_exit(126);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(fd);
}

Process::~Process() {
  if (running()) {
    signal(SIGKILL);
    wait();
  }
  ::unlink(log_path_.c_str());
}

bool Process::running() {
  if (status_) return false;
  int st = 0;
  if (::waitpid(pid_, &st, WNOHANG) == pid_) {
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return false;
  }
  return true;
}

int Process::wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() > deadline) signal(SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return *status_;
}

void Process::signal(int sig) {
  if (!status_) ::kill(pid_, sig);
}

std::string Process::output() const {
  std::ifstream in(log_path_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string built_binary(const std::string& relative) {
  const char* dir = std::getenv("PEACESEARCH_BUILD_DIR");
  return std::string(dir ? dir : PEACESEARCH_BUILD_DIR) + "/" + relative;
}

}  // namespace peacesearch::testing
