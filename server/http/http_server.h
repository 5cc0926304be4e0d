#pragma once
#include <httplib.h>

#include <memory>
#include <string>

#include "server/engine/index_holder.h"
#include "server/http/algolia_routes.h"
#include "server/http/config.h"
#include "server/http/metrics.h"

namespace peacesearch::server {

/// The HTTP face of peacesearch: routes requests to the searcher, maps every error to a
/// JSON body and status in one place, and adds CORS, access logs and metrics.
class HttpServer {
 public:
  HttpServer(const ServerConfig& config, IndexHolder& index);
  ~HttpServer();

  /// Binds the configured address; returns the port (useful with port 0). Throws
  /// std::runtime_error with a clear message when the port is taken.
  int bind();
  /// Serves until stop(); returns when in-flight requests have finished.
  void serve();
  void stop();
  bool is_running() const { return server_.is_running(); }

 private:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  void route_get(const std::string& pattern, Handler handler);
  void route_post(const std::string& pattern, Handler handler);
  Handler guarded(Handler handler);
  /// The same for the Algolia protocol: its errors as {"message","status"}, its API key.
  Handler guarded_algolia(Handler handler);
  void require_admin(const httplib::Request& req) const;
  void apply_cors(const httplib::Request& req, httplib::Response& res) const;
  void log_request(const httplib::Request& req, const httplib::Response& res, double seconds,
                   const std::string& route);

  void handle_search(const httplib::Request& req, httplib::Response& res);
  void handle_suggest(const httplib::Request& req, httplib::Response& res);
  void handle_document(const httplib::Request& req, httplib::Response& res);
  void handle_health(const httplib::Request& req, httplib::Response& res);
  void handle_metrics(const httplib::Request& req, httplib::Response& res);
  void handle_reload(const httplib::Request& req, httplib::Response& res);
  void handle_openapi(const httplib::Request& req, httplib::Response& res);
  void handle_algolia(const httplib::Request& req, httplib::Response& res);

  ServerConfig config_;
  IndexHolder& index_;
  Metrics metrics_;
  AlgoliaRoutes algolia_;
  httplib::Server server_;
  int listen_socket_ = -1;
};

/// Sends a JSON body (pretty-printed when the request says pretty=1).
void send_json(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body,
               int status = 200);

}  // namespace peacesearch::server
