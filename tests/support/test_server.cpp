#include "tests/support/test_server.h"

#include <gtest/gtest.h>

#include <chrono>

namespace peacesearch::testing {

TestServer::TestServer(server::IndexHolder& holder, server::ServerConfig config) {
  config.host = "127.0.0.1";
  config.port = 0;
  config.access_log = false;
  server_ = std::make_unique<server::HttpServer>(config, holder);
  port_ = server_->bind();
  thread_ = std::thread([this] { server_->serve(); });
  for (int i = 0; i < 200 && !server_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

TestServer::~TestServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

httplib::Client TestServer::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(5);
  c.set_read_timeout(10);
  return c;
}

nlohmann::json TestServer::get_json(const std::string& path, int* status) const {
  auto c = client();
  auto res = c.Get(path.c_str());
  if (!res) {
    ADD_FAILURE() << "no response for " << path;
    return nullptr;
  }
  if (status) *status = res->status;
  auto body = nlohmann::json::parse(res->body, nullptr, false);
  if (body.is_discarded()) ADD_FAILURE() << "not JSON: " << res->body.substr(0, 200);
  return body;
}

}  // namespace peacesearch::testing
