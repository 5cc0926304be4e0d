#include "server/http/config.h"

#include <fstream>
#include <functional>
#include <stdexcept>

namespace peacesearch::server {
namespace {

using Setter = std::function<void(ServerConfig&, const std::string&)>;

struct Option {
  const char* flag;  // also the config file key, without "--"
  const char* env;
  const char* help;
  Setter set;
  bool is_switch = false;  // a flag without value
};

int to_int(const std::string& name, const std::string& v, int lo, int hi) {
  size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(v, &used);
  } catch (...) {
    used = 0;
  }
  if (used != v.size() || v.empty() || n < lo || n > hi)
    throw std::invalid_argument(name + " must be a whole number in " + std::to_string(lo) + ".." +
                                std::to_string(hi) + ", not \"" + v + "\"");
  return n;
}

bool to_bool(const std::string& v) {
  return v == "1" || v == "true" || v == "yes" || v == "on";
}

const std::vector<Option>& options() {
  static const std::vector<Option> opts = {
      {"index", "PEACESEARCH_INDEX", "index root written by peacesearch-indexer",
       [](ServerConfig& c, const std::string& v) { c.index = v; }},
      {"host", "PEACESEARCH_HOST", "address to listen on",
       [](ServerConfig& c, const std::string& v) { c.host = v; }},
      {"port", "PEACESEARCH_PORT", "port (0: any free port)",
       [](ServerConfig& c, const std::string& v) { c.port = to_int("port", v, 0, 65535); }},
      {"web", "PEACESEARCH_WEB",
       "directory of the search page, served at / (unset: the installed page, or the source "
       "tree's web/ for a binary in its build tree)",
       [](ServerConfig& c, const std::string& v) { c.web_dir = v; }},
      {"no-web", "PEACESEARCH_NO_WEB", "serve no search page (API only), whatever --web says",
       [](ServerConfig& c, const std::string& v) { c.no_web = to_bool(v); }, true},
      {"threads", "PEACESEARCH_THREADS", "HTTP worker threads",
       [](ServerConfig& c, const std::string& v) { c.threads = to_int("threads", v, 1, 1024); }},
      {"admin-token", "PEACESEARCH_ADMIN_TOKEN", "bearer token for /admin/*; unset: admin off",
       [](ServerConfig& c, const std::string& v) { c.admin_token = v; }},
      {"algolia-api-key", "PEACESEARCH_ALGOLIA_API_KEY",
       "key the Algolia protocol (/1/…) requires; unset: credentials ignored",
       [](ServerConfig& c, const std::string& v) { c.algolia_api_key = v; }},
      {"cors-origin", "PEACESEARCH_CORS_ORIGINS",
       "origin allowed by CORS (repeatable; comma-separated in the variable)",
       [](ServerConfig& c, const std::string& v) {
         size_t start = 0;
         while (start <= v.size()) {
           size_t comma = v.find(',', start);
           if (comma == std::string::npos) comma = v.size();
           std::string o = v.substr(start, comma - start);
           if (!o.empty()) c.cors_origins.push_back(o);
           start = comma + 1;
         }
       }},
      {"log-json", "PEACESEARCH_LOG_JSON", "log as JSON lines",
       [](ServerConfig& c, const std::string& v) { c.log_json = to_bool(v); }, true},
      {"no-access-log", "PEACESEARCH_NO_ACCESS_LOG", "do not log each request",
       [](ServerConfig& c, const std::string& v) { c.access_log = !to_bool(v); }, true},
      {"watch-interval-ms", "PEACESEARCH_WATCH_INTERVAL_MS", "how often to look for a new index",
       [](ServerConfig& c, const std::string& v) {
         c.watch_interval_ms = to_int("watch-interval-ms", v, 50, 60000);
       }},
      {"read-timeout", "PEACESEARCH_READ_TIMEOUT", "seconds a client may take to send a request",
       [](ServerConfig& c, const std::string& v) {
         c.read_timeout_s = to_int("read-timeout", v, 1, 300);
       }},
      {"write-timeout", "PEACESEARCH_WRITE_TIMEOUT", "seconds a client may take to read",
       [](ServerConfig& c, const std::string& v) {
         c.write_timeout_s = to_int("write-timeout", v, 1, 300);
       }},
      {"keep-alive-timeout", "PEACESEARCH_KEEP_ALIVE_TIMEOUT", "idle seconds before closing",
       [](ServerConfig& c, const std::string& v) {
         c.keep_alive_timeout_s = to_int("keep-alive-timeout", v, 1, 300);
       }},
      {"cache-mb", "PEACESEARCH_CACHE_MB", "memory for cached clause bitmaps (0: none)",
       [](ServerConfig& c, const std::string& v) { c.cache_mb = to_int("cache-mb", v, 0, 65536); }},
      {"max-query-bytes", "PEACESEARCH_MAX_QUERY_BYTES", "longest q accepted",
       [](ServerConfig& c, const std::string& v) {
         c.limits.max_query_bytes = to_int("max-query-bytes", v, 16, 65536);
       }},
      {"max-body-bytes", "PEACESEARCH_MAX_BODY_BYTES", "largest request body accepted",
       [](ServerConfig& c, const std::string& v) {
         c.max_body_bytes = to_int("max-body-bytes", v, 0, 16 << 20);
       }},
  };
  return opts;
}

void apply_file(ServerConfig& c, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot read config file " + path);
  auto doc = nlohmann::json::parse(in, nullptr, false);
  if (!doc.is_object()) throw std::invalid_argument(path + ": expected a JSON object");
  for (const auto& [key, value] : doc.items()) {
    const Option* opt = nullptr;
    for (const auto& o : options())
      if (key == o.flag) opt = &o;
    if (!opt) throw std::invalid_argument(path + ": unknown setting \"" + key + "\"");
    if (value.is_array()) {
      for (const auto& v : value) opt->set(c, v.is_string() ? v.get<std::string>() : v.dump());
    } else {
      opt->set(c, value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
}

}  // namespace

nlohmann::json ServerConfig::to_json() const {
  return {{"index", index},
          {"host", host},
          {"port", port},
          {"web", web_dir},
          {"threads", threads},
          {"admin", admin_token.empty() ? "off" : "on (token set)"},
          {"algolia_api_key", algolia_api_key.empty() ? "off" : "on (key set)"},
          {"cors_origins", cors_origins},
          {"log_json", log_json},
          {"access_log", access_log},
          {"watch_interval_ms", watch_interval_ms},
          {"read_timeout_s", read_timeout_s},
          {"write_timeout_s", write_timeout_s},
          {"keep_alive_timeout_s", keep_alive_timeout_s},
          {"max_query_bytes", limits.max_query_bytes},
          {"max_body_bytes", max_body_bytes},
          {"cache_mb", cache_mb}};
}

ConfigResult load_config(const std::vector<std::string>& args,
                         const std::vector<std::string>& env) {
  ConfigResult out;
  auto env_value = [&](const std::string& name) -> std::optional<std::string> {
    for (const auto& e : env)
      if (e.size() > name.size() && e.compare(0, name.size(), name) == 0 && e[name.size()] == '=')
        return e.substr(name.size() + 1);
    return std::nullopt;
  };
  // The config file first, wherever --config stands.
  std::string config_file = env_value("PEACESEARCH_CONFIG").value_or("");
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--config") config_file = args[i + 1];
  if (!config_file.empty()) apply_file(out.config, config_file);
  for (const auto& o : options())
    if (auto v = env_value(o.env)) o.set(out.config, *v);
  bool cors_from_flags = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "-h" || a == "--help") {
      out.help = true;
      continue;
    }
    if (a == "--config") {
      ++i;
      continue;
    }
    std::string value;
    bool has_value = false;
    if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
      has_value = true;
    }
    const Option* opt = nullptr;
    for (const auto& o : options())
      if (a == std::string("--") + o.flag) opt = &o;
    if (!opt) throw std::invalid_argument("unknown option " + a + " (see --help)");
    if (opt->is_switch && !has_value) {
      value = "1";
    } else if (!has_value) {
      if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
      value = args[++i];
    }
    if (std::string(opt->flag) == "cors-origin" && !cors_from_flags) {
      out.config.cors_origins.clear();  // flags replace the list from the file or environment
      cors_from_flags = true;
    }
    opt->set(out.config, value);
  }
  return out;
}

std::string config_help() {
  std::string out =
      "usage: peacesearch-server [--config FILE] [options]\n\n"
      "Options (flag, environment variable; a JSON config file takes the flag names as keys):\n";
  for (const auto& o : options()) {
    out += "  --" + std::string(o.flag) + (o.is_switch ? "" : " VALUE");
    out += "\n      " + std::string(o.help) + "  [" + o.env + "]\n";
  }
  ServerConfig defaults;
  out += "\nDefaults: " + defaults.to_json().dump() + "\n";
  return out;
}

}  // namespace peacesearch::server
