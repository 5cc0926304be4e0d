#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/support/temp_index.h"
#include "tests/support/test_server.h"

using namespace peacesearch;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

// 64 keep-alive clients search while the index is rebuilt and swapped twice: every request
// must succeed. (The long version with wrk is scripts/load-swap.sh.)
TEST(LoadSwap, SixtyFourClientsDuringTwoSwapsSeeNoFailure) {
  TempDir dir;
  fs::path root = dir.path() / "index";
  auto input = source_dir() / "sample-data";
  build_index(input, root);
  server::IndexHolder holder(root);
  holder.watch(std::chrono::milliseconds(50), [](const std::string&) {});
  server::ServerConfig config;
  config.threads = 72;
  TestServer server(holder, config);

  const char* queries[] = {"/search?q=armes",
                           "/search?q=peace&country=ML",
                           "/search?q=atel",
                           "/search?theme=youth&year=2000..2010",
                           "/search?q=%22alerte+pr%C3%A9coce%22",
                           "/suggest?q=con",
                           "/search?q=small+arms&type=activity&page=2"};
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 64; ++i) {
    clients.emplace_back([&, i] {
      auto c = server.client();
      c.set_keep_alive(true);
      size_t n = static_cast<size_t>(i);
      while (!stop) {
        auto res = c.Get(queries[n++ % std::size(queries)]);
        (res && res->status == 200 ? ok : failed)++;
        // Leave the two cores some room for the rebuilds that run meanwhile.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    });
  }
  auto first = holder.get()->generation();
  build_index(input, root);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  build_index(input, root);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_NE(holder.get()->generation(), first);
  EXPECT_EQ(holder.reloads(), 2u);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(ok.load(), 64);
}

}  // namespace
