#include "tests/support/running_server.h"

#include <chrono>
#include <regex>
#include <thread>

#include "tests/support/temp_index.h"

namespace peacesearch::testing {

RunningServer::RunningServer(const std::filesystem::path& index, std::vector<std::string> extra) {
  std::vector<std::string> argv = {built_binary("server/peacesearch-server"),
                                   "--index",
                                   index.string(),
                                   "--port",
                                   "0",
                                   "--web",
                                   (source_dir() / "web").string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  process = std::make_unique<Process>(argv);
  std::regex serving("on http://127\\.0\\.0\\.1:([0-9]+)");
  for (int i = 0; i < 500 && port == 0; ++i) {
    std::smatch m;
    std::string out = process->output();
    if (std::regex_search(out, m, serving)) port = std::stoi(m[1]);
    if (!process->running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

httplib::Client RunningServer::client() const {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(5);
  c.set_connection_timeout(2);
  return c;
}

}  // namespace peacesearch::testing
