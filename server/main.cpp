// peacesearch-server: serves an index over HTTP. `--help` lists the options.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "server/engine/index_holder.h"
#include "server/http/config.h"
#include "server/http/http_server.h"
#include "server/web_root.h"

extern char** environ;

using namespace peacesearch::server;

int main(int argc, char** argv) {
  ConfigResult cfg;
  try {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    cfg = load_config(std::vector<std::string>(argv + 1, argv + argc), env);
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  if (cfg.help) {
    std::cout << config_help();
    return 0;
  }
  ServerConfig& config = cfg.config;
  // The page is found without --web, from the build tree and when installed (web_root.h).
  WebRoot web =
      choose_web_root(config.web_dir, config.no_web,
                      {running_executable(), PEACESEARCH_BUILD_TREE, PEACESEARCH_SOURCE_WEB_DIR});
  config.web_dir = web.dir.string();
  // Each worker may hold a connection and a set of index files: lift the default 1024.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  if (config.log_json)
    spdlog::set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","msg":%v})");

  // Block the stop signals in every thread; one thread waits for them and stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  try {
    IndexHolder index(config.index, static_cast<size_t>(config.cache_mb) << 20);
    HttpServer server(config, index);
    int port = server.bind();
    auto quote = [&](const std::string& s) {
      return config.log_json ? nlohmann::json(s).dump() : s;
    };
    spdlog::info("{}", quote("configuration: " + config.to_json().dump()));
    spdlog::info(
        "{}", quote(web.dir.empty() ? "search page: none (" + web.reason + "), API only"
                                    : "search page: " + config.web_dir + " (" + web.reason + ")"));
    spdlog::info("{}", quote("serving " + std::to_string(index.get()->documents()) +
                             " documents from " + index.get()->generation() + " on http://" +
                             config.host + ":" + std::to_string(port)));
    index.watch(std::chrono::milliseconds(config.watch_interval_ms),
                [&](const std::string& event) { spdlog::info("{}", quote(event)); });
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      spdlog::info("{}", quote("signal " + std::to_string(sig) + ": finishing requests in flight"));
      server.stop();
    });
    server.serve();
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if serve() ended first
    waiter.join();
    index.stop_watching();
    spdlog::info("{}", quote("stopped"));
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
