#include "server/http/http_server.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <chrono>

#include "indexer/errors.h"
#include "server/engine/searcher.h"
#include "server/engine/suggester.h"
#include "server/http/algolia_response.h"
#include "server/http/api_error.h"
#include "server/http/embedded_docs.h"
#include "server/http/json_response.h"
#include "server/http/request_parser.h"

namespace peacesearch::server {
namespace {

using Clock = std::chrono::steady_clock;

// Compares without stopping at the first difference, so timing reveals nothing of the token.
bool constant_time_equal(const std::string& given, const std::string& secret) {
  if (secret.empty()) return false;
  size_t diff = given.size() ^ secret.size();
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i] ^ secret[i % secret.size()]);
  return diff == 0;
}

// When the current request started; each request runs start to end on one worker thread.
thread_local Clock::time_point request_started;

std::string route_of(const std::string& path) {
  for (const char* r :
       {"/search", "/suggest", "/health", "/metrics", "/openapi.yaml", "/admin/reload"})
    if (path == r) return r;
  if (path.rfind("/documents/", 0) == 0) return "/documents/{id}";
  if (path.rfind("/1/indexes/", 0) == 0) {
    if (path.ends_with("/queries")) return "/1/indexes/{index}/queries";
    if (path.find("/facets/") != std::string::npos)
      return "/1/indexes/{index}/facets/{facet}/query";
    return "/1/indexes/{index}/query";
  }
  return "static";
}

std::string status_code_name(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    default:
      return status >= 500 ? "internal_error" : "error";
  }
}

}  // namespace

void send_json(const httplib::Request& req, httplib::Response& res, const nlohmann::json& body,
               int status) {
  bool pretty = req.has_param("pretty") && req.get_param_value("pretty") != "0";
  res.status = status;
  // Replace, not throw, on invalid UTF-8: stored data is valid, but be safe in the last step.
  res.set_content(body.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) +
                      (pretty ? "\n" : ""),
                  "application/json; charset=utf-8");
}

HttpServer::HttpServer(const ServerConfig& config, IndexHolder& index)
    : config_(config), index_(index), algolia_(index, config.limits) {
  server_.new_task_queue = [n = config_.threads] { return new httplib::ThreadPool(n); };
  server_.set_tcp_nodelay(true);  // without it each response waits ~40 ms for Nagle
  server_.set_keep_alive_max_count(config_.keep_alive_max);
  server_.set_keep_alive_timeout(config_.keep_alive_timeout_s);
  server_.set_read_timeout(config_.read_timeout_s);
  server_.set_write_timeout(config_.write_timeout_s);
  server_.set_payload_max_length(config_.max_body_bytes);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second server
  // silently share the port.
  server_.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_socket_ = sock;
  });

  route_get("/search", [this](auto& q, auto& r) { handle_search(q, r); });
  route_get("/suggest", [this](auto& q, auto& r) { handle_suggest(q, r); });
  route_get(R"(/documents/([^/]+))", [this](auto& q, auto& r) { handle_document(q, r); });
  route_get("/health", [this](auto& q, auto& r) { handle_health(q, r); });
  route_get("/metrics", [this](auto& q, auto& r) { handle_metrics(q, r); });
  route_get("/openapi.yaml", [this](auto& q, auto& r) { handle_openapi(q, r); });
  route_post("/admin/reload", [this](auto& q, auto& r) { handle_reload(q, r); });
  // The Algolia protocol, for InstantSearch (server/http/algolia_*.cpp).
  for (const char* pattern : {R"(/1/indexes/([^/]+)/queries)", R"(/1/indexes/([^/]+)/query)",
                              R"(/1/indexes/([^/]+)/facets/([^/]+)/query)"})
    server_.Post(pattern, guarded_algolia([this](auto& q, auto& r) { handle_algolia(q, r); }));

  server_.Options(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    std::string origin = req.get_header_value("Origin");
    bool allowed = std::find(config_.cors_origins.begin(), config_.cors_origins.end(), origin) !=
                   config_.cors_origins.end();
    if (!allowed) {
      send_json(req, res, error_body("cors_forbidden", "origin not allowed"), 403);
      return;
    }
    apply_cors(req, res);
    res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    // Algolia's full clients send their credentials and agent as headers.
    res.set_header("Access-Control-Allow-Headers",
                   "Authorization, Content-Type, X-Algolia-API-Key, X-Algolia-Application-Id, "
                   "X-Algolia-Agent, X-Algolia-UserToken");
    res.set_header("Access-Control-Max-Age", "600");
    res.status = 204;
  });

  if (!config_.no_web && !config_.web_dir.empty()) {
    if (!server_.set_mount_point("/", config_.web_dir))
      throw std::runtime_error("web directory " + config_.web_dir + " does not exist");
    server_.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
      // The page itself is always revalidated; its assets may be cached a little.
      bool page = req.path == "/" || req.path.ends_with(".html");
      res.set_header("Cache-Control", page ? "no-cache" : "public, max-age=300");
      res.set_header("X-Content-Type-Options", "nosniff");
    });
  }
  server_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 404
                              ? "no such endpoint: " + req.path
                              : "request refused (HTTP " + std::to_string(res.status) + ")";
    if (req.path.rfind("/1/", 0) == 0) {
      send_json(req, res, algolia_error(message, res.status), res.status);
      return;
    }
    send_json(req, res, error_body(status_code_name(res.status), message), res.status);
  });
  auto reload = guarded([this](auto& q, auto& r) { handle_reload(q, r); });
  server_.set_pre_routing_handler([reload](const httplib::Request& req, httplib::Response& res) {
    request_started = Clock::now();
    // `curl -X POST` sends no Content-Length, which cpp-httplib refuses with a 400 before
    // routing; the reload takes no body, so answer it here.
    if (req.method == "POST" && req.path == "/admin/reload" && !req.has_header("Content-Length") &&
        !req.has_header("Transfer-Encoding")) {
      reload(req, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double seconds = std::chrono::duration<double>(Clock::now() - request_started).count();
    log_request(req, res, seconds, route_of(req.path));
  });
}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::route_get(const std::string& pattern, Handler h) {
  server_.Get(pattern, guarded(std::move(h)));
}

void HttpServer::route_post(const std::string& pattern, Handler h) {
  server_.Post(pattern, guarded(std::move(h)));
}

HttpServer::Handler HttpServer::guarded(Handler handler) {
  return [this, handler](const httplib::Request& req, httplib::Response& res) {
    try {
      apply_cors(req, res);
      handler(req, res);
    } catch (const ApiError& e) {
      send_json(req, res, error_body(e.code(), e.what()), e.status());
    } catch (const indexer::IndexError& e) {
      send_json(req, res, error_body("index_unavailable", e.what()), 503);
    } catch (const Xapian::Error& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.get_description());
      send_json(req, res, error_body("internal_error", "search engine error"), 500);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
      send_json(req, res, error_body("internal_error", "unexpected error"), 500);
    }
  };
}

HttpServer::Handler HttpServer::guarded_algolia(Handler handler) {
  return [this, handler](const httplib::Request& req, httplib::Response& res) {
    auto fail = [&](const std::string& message, int status) {
      send_json(req, res, algolia_error(message, status), status);
    };
    try {
      apply_cors(req, res);
      if (!config_.algolia_api_key.empty()) {
        // The lite clients send credentials in the query string, the others as headers.
        std::string key = req.has_param("x-algolia-api-key")
                              ? req.get_param_value("x-algolia-api-key")
                              : req.get_header_value("X-Algolia-API-Key");
        if (!constant_time_equal(key, config_.algolia_api_key))
          return fail("Invalid Application-ID or API key", 403);
      }
      handler(req, res);
    } catch (const ApiError& e) {
      fail(e.what(), e.status());
    } catch (const indexer::IndexError& e) {
      fail(e.what(), 503);
    } catch (const Xapian::Error& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.get_description());
      fail("search engine error", 500);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
      fail("unexpected error", 500);
    }
  };
}

void HttpServer::log_request(const httplib::Request& req, const httplib::Response& res,
                             double seconds, const std::string& route) {
  metrics_.record(route, res.status, seconds);
  if (!config_.access_log) return;
  if (config_.log_json) {
    nlohmann::json line = {{"event", "request"},
                           {"method", req.method},
                           {"path", req.path},
                           {"status", res.status},
                           {"ms", std::round(seconds * 1e5) / 100},
                           {"bytes", res.body.size()},
                           {"remote", req.remote_addr}};
    spdlog::info("{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    spdlog::info("{} {} {} {} {:.2f}ms {}B", req.remote_addr, req.method, req.path, res.status,
                 seconds * 1000, res.body.size());
  }
}

void HttpServer::apply_cors(const httplib::Request& req, httplib::Response& res) const {
  std::string origin = req.get_header_value("Origin");
  if (origin.empty()) return;
  for (const auto& allowed : config_.cors_origins) {
    if (allowed == origin || allowed == "*") {
      res.set_header("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
      res.set_header("Vary", "Origin");
      return;
    }
  }
}

void HttpServer::require_admin(const httplib::Request& req) const {
  if (config_.admin_token.empty())
    throw ApiError(404, "admin_disabled", "admin endpoints are off (no --admin-token configured)");
  std::string auth = req.get_header_value("Authorization");
  const std::string scheme = "Bearer ";
  if (auth.compare(0, scheme.size(), scheme) != 0 ||
      !constant_time_equal(auth.substr(scheme.size()), config_.admin_token))
    throw ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' is required");
}

void HttpServer::handle_search(const httplib::Request& req, httplib::Response& res) {
  auto snapshot = index_.get();
  SearchRequest request = parse_search_request(req.params, snapshot->labels(), config_.limits);
  Searcher searcher(snapshot);
  SearchResult result = searcher.search(request);
  send_json(req, res, search_response(request, result, snapshot->labels()));
}

void HttpServer::handle_suggest(const httplib::Request& req, httplib::Response& res) {
  auto snapshot = index_.get();
  std::string q = req.has_param("q") ? clean_text("q", req.get_param_value("q")) : "";
  if (q.size() > config_.limits.max_query_bytes)
    throw ApiError(400, "invalid_parameter", "q: too long");
  int limit = 8;
  if (req.has_param("limit"))
    limit = parse_int_param("limit", req.get_param_value("limit"), 1, config_.limits.max_per_page);
  analyzers::Lang ui = analyzers::Lang::en;
  if (req.has_param("ui_lang"))
    ui = analyzers::parse_lang(req.get_param_value("ui_lang")).value_or(analyzers::Lang::en);
  Suggester suggester(snapshot);
  nlohmann::json body = {{"query", q}, {"suggestions", suggester.suggest(q, limit, ui)}};
  send_json(req, res, body);
}

void HttpServer::handle_document(const httplib::Request& req, httplib::Response& res) {
  auto snapshot = index_.get();
  std::string id = req.matches[1];
  Searcher searcher(snapshot);
  auto doc = searcher.document(id);
  if (!doc) throw ApiError(404, "not_found", "no document with id \"" + id + "\"");
  analyzers::Lang ui = analyzers::Lang::en;
  if (req.has_param("ui_lang"))
    ui = analyzers::parse_lang(req.get_param_value("ui_lang")).value_or(analyzers::Lang::en);
  send_json(req, res, document_response(*doc, snapshot->labels(), ui));
}

void HttpServer::handle_health(const httplib::Request& req, httplib::Response& res) {
  auto snapshot = index_.get();
  const auto& build = snapshot->build_info();
  // A load balancer sends nothing to a node behind its disk: one switching to a generation
  // just rolled out, or that failed to open it.
  auto on_disk = index_.on_disk();
  bool behind = !on_disk || *on_disk != snapshot->path();
  nlohmann::json body = {{"status", behind ? "behind" : "ok"},
                         {"documents", snapshot->documents()},
                         {"generation", snapshot->generation()},
                         {"built_at", build.value("built_at", "")},
                         {"organisations", build.value("organisations", 0)},
                         {"activities", build.value("activities", 0)}};
  if (behind) body["on_disk"] = on_disk ? on_disk->filename().string() : "";
  send_json(req, res, body, behind ? 503 : 200);
}

void HttpServer::handle_metrics(const httplib::Request&, httplib::Response& res) {
  auto snapshot = index_.get();
  double loaded = std::chrono::duration<double>(index_.loaded_at().time_since_epoch()).count();
  res.set_content(metrics_.render(snapshot->documents(), loaded, index_.reloads()),
                  "text/plain; version=0.0.4");
}

void HttpServer::handle_reload(const httplib::Request& req, httplib::Response& res) {
  require_admin(req);
  bool swapped = index_.reload();
  if (swapped) spdlog::info("reloaded index {}", index_.get()->generation());
  send_json(req, res,
            {{"reloaded", swapped},
             {"generation", index_.get()->generation()},
             {"documents", index_.get()->documents()}});
}

void HttpServer::handle_algolia(const httplib::Request& req, httplib::Response& res) {
  // v4 lite sends JSON labelled application/x-www-form-urlencoded, v5 labels it text/plain:
  // the body is read as JSON whatever the label.
  nlohmann::json body = algolia_body(req.body);
  std::string index = req.matches[1];
  if (req.path.ends_with("/queries")) {
    send_json(req, res, algolia_.queries(body, index == "*" ? "" : index));
  } else if (req.matches.size() > 2) {
    send_json(req, res, algolia_.facet_query(body, index, req.matches[2]));
  } else {
    send_json(req, res, algolia_.query(body, index));
  }
}

void HttpServer::handle_openapi(const httplib::Request&, httplib::Response& res) {
  res.set_content(docs::openapi_yaml, "application/yaml");
}

int HttpServer::bind() {
  int port = config_.port;
  if (port == 0) {
    port = server_.bind_to_any_port(config_.host);
    if (port <= 0) throw std::runtime_error("cannot listen on " + config_.host);
  } else if (!server_.bind_to_port(config_.host, config_.port)) {
    throw std::runtime_error("cannot listen on " + config_.host + ":" +
                             std::to_string(config_.port) +
                             " (port in use or address not available)");
  }
  // cpp-httplib 0.11 listens with a backlog of 5: under load, connections beyond it wait for
  // SYN retransmits (1 s, 3 s…). Listening again on the same socket raises the backlog.
  if (listen_socket_ >= 0) ::listen(listen_socket_, 1024);
  return port;
}

void HttpServer::serve() {
  server_.listen_after_bind();
}

void HttpServer::stop() {
  if (server_.is_running()) server_.stop();
}

}  // namespace peacesearch::server
