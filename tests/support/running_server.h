#pragma once
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace peacesearch::testing {

/// The real server binary on a free loopback port, started on `index`; `port` is 0 when it did
/// not come up (its output says why).
class RunningServer {
 public:
  explicit RunningServer(const std::filesystem::path& index, std::vector<std::string> extra = {});
  httplib::Client client() const;

  std::unique_ptr<Process> process;
  int port = 0;
};

}  // namespace peacesearch::testing
