#include <gtest/gtest.h>

#include <fstream>

#include "server/http/config.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::server;

TEST(Config, FlagsOverrideEnvironmentOverrideFile) {
  peacesearch::testing::TempDir dir;
  auto file = dir.path() / "server.json";
  std::ofstream(file)
      << R"({"port": 9000, "threads": 4, "host": "0.0.0.0", "cors-origin": ["http://a"]})";
  auto r = load_config({"--config", file.string(), "--port", "9100"},
                       {"PEACESEARCH_THREADS=6", "PEACESEARCH_PORT=9050", "OTHER=1"});
  EXPECT_EQ(r.config.port, 9100);       // flag
  EXPECT_EQ(r.config.threads, 6);       // environment
  EXPECT_EQ(r.config.host, "0.0.0.0");  // file
  EXPECT_EQ(r.config.cors_origins, std::vector<std::string>{"http://a"});
  auto flags =
      load_config({"--cors-origin", "http://x", "--cors-origin=http://y", "--log-json"}, {});
  EXPECT_EQ(flags.config.cors_origins, (std::vector<std::string>{"http://x", "http://y"}));
  EXPECT_TRUE(flags.config.log_json);
  EXPECT_EQ(load_config({}, {"PEACESEARCH_CACHE_MB=0"}).config.cache_mb, 0);
  EXPECT_EQ(load_config({"--cache-mb", "1024"}, {}).config.cache_mb, 1024);
}

TEST(Config, BadValuesAreClearErrors) {
  EXPECT_THROW(load_config({"--port", "http"}, {}), std::invalid_argument);
  EXPECT_THROW(load_config({"--bogus"}, {}), std::invalid_argument);
  EXPECT_THROW(load_config({"--port"}, {}), std::invalid_argument);
  EXPECT_THROW(load_config({"--cache-mb", "-1"}, {}), std::invalid_argument);
  EXPECT_THROW(load_config({}, {"PEACESEARCH_THREADS=0"}), std::invalid_argument);
  EXPECT_THROW(load_config({"--config", "/nonexistent.json"}, {}), std::invalid_argument);
  EXPECT_TRUE(load_config({"--help"}, {}).help);
  EXPECT_NE(config_help().find("PEACESEARCH_ADMIN_TOKEN"), std::string::npos);
}

TEST(Config, EffectiveConfigurationHidesTheToken) {
  auto r = load_config({"--admin-token", "hunter2"}, {});
  EXPECT_EQ(r.config.to_json().dump().find("hunter2"), std::string::npos);
}
