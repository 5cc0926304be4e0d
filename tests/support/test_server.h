#pragma once
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "server/engine/index_holder.h"
#include "server/http/config.h"
#include "server/http/http_server.h"

namespace peacesearch::testing {

/// The real HTTP server on an ephemeral loopback port, serving `holder`, in a thread.
class TestServer {
 public:
  TestServer(server::IndexHolder& holder, server::ServerConfig config = {});
  ~TestServer();

  int port() const { return port_; }
  /// A client for this server (keep-alive off, short time-outs).
  httplib::Client client() const;
  /// GET `path` and parse the JSON body; the status goes to `status`.
  nlohmann::json get_json(const std::string& path, int* status = nullptr) const;

 private:
  std::unique_ptr<server::HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace peacesearch::testing
