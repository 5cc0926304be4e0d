#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/http/request_parser.h"

namespace peacesearch::server {

/// Everything the server can be told. Sources, lowest first: defaults, a JSON config file
/// (--config / PEACESEARCH_CONFIG), environment variables (PEACESEARCH_*), flags.
struct ServerConfig {
  std::string index = "var/index";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;  ///< static files served at /; empty: the default lookup (web_root.h)
  bool no_web = false;  ///< serve no page at all (API only), whatever web_dir says
  int threads = 128;    ///< HTTP worker threads (each keep-alive connection holds one)
  std::string admin_token;
  std::string algolia_api_key;  ///< required by /1/… when set
  std::vector<std::string> cors_origins;
  bool log_json = false;
  bool access_log = true;
  int watch_interval_ms = 500;
  int read_timeout_s = 5;
  int write_timeout_s = 5;
  int keep_alive_max = 100000;
  int keep_alive_timeout_s = 5;
  size_t max_body_bytes = 64 * 1024;
  int cache_mb = 256;  ///< bitmaps of recent query clauses (terms, phrases, prefixes)
  RequestLimits limits;

  /// The effective configuration, token hidden, for the start-up log.
  nlohmann::json to_json() const;
};

/// What the command line asked for.
struct ConfigResult {
  ServerConfig config;
  bool help = false;
};

/// Builds the configuration from the config file, `env` (NAME=value strings) and `args`;
/// throws std::invalid_argument with a readable message on a bad value.
ConfigResult load_config(const std::vector<std::string>& args, const std::vector<std::string>& env);

/// --help text: every flag with its variable and default.
std::string config_help();

}  // namespace peacesearch::server
