#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <regex>
#include <thread>

#include "server/web_root.h"
#include "tests/support/process.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::server;
using peacesearch::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// A fake installation and a fake checkout side by side: <tmp>/prefix/{bin,share/peacesearch/web},
// <tmp>/src/web and <tmp>/src/build/bin, each binary an empty file.
struct Layout {
  TempDir tmp;
  fs::path prefix = tmp.path() / "prefix";
  fs::path installed_exe = prefix / "bin" / "peacesearch-server";
  fs::path installed_web = prefix / "share" / "peacesearch" / "web";
  fs::path source_web = tmp.path() / "src" / "web";
  fs::path build_dir = tmp.path() / "src" / "build";
  fs::path built_exe = build_dir / "server" / "peacesearch-server";

  Layout() {
    for (const auto& d :
         {installed_web, source_web, installed_exe.parent_path(), built_exe.parent_path()})
      fs::create_directories(d);
    std::ofstream(installed_exe).put('\n');
    std::ofstream(built_exe).put('\n');
  }
};

}  // namespace

TEST(WebRoot, FlagsComeFirst) {
  Layout l;
  WebRootPlaces places{l.installed_exe, l.build_dir, l.source_web};
  EXPECT_EQ(choose_web_root("/somewhere/else", false, places).dir, "/somewhere/else");
  EXPECT_EQ(choose_web_root("/somewhere/else", false, places).reason, "--web");
  // --no-web wins over --web: a unit's environment file may set PEACESEARCH_WEB.
  EXPECT_TRUE(choose_web_root("/somewhere/else", true, places).dir.empty());
  EXPECT_TRUE(choose_web_root("", true, places).dir.empty());
}

TEST(WebRoot, TheInstalledCopyWinsOverTheSourceTree) {
  Layout l;
  WebRoot root = choose_web_root("", false, {l.installed_exe, l.build_dir, l.source_web});
  EXPECT_EQ(root.dir, fs::canonical(l.installed_web));
  EXPECT_EQ(root.reason, "installed");

  // Even a binary of the build tree, when a page sits where an installed one would.
  fs::path beside_built = l.build_dir / "share" / "peacesearch" / "web";
  fs::create_directories(beside_built);
  root = choose_web_root("", false, {l.built_exe, l.build_dir, l.source_web});
  EXPECT_EQ(root.dir, fs::canonical(beside_built));
  EXPECT_EQ(root.reason, "installed");
}

TEST(WebRoot, TheSourceTreeServesOnlyABinaryInItsBuildTree) {
  Layout l;
  WebRoot built = choose_web_root("", false, {l.built_exe, l.build_dir, l.source_web});
  EXPECT_EQ(built.dir, fs::canonical(l.source_web));
  EXPECT_EQ(built.reason, "source tree");

  // An installed binary whose page was removed must not fall back to a checkout that happens
  // to be at its compile-time path.
  fs::remove_all(l.installed_web);
  WebRoot installed = choose_web_root("", false, {l.installed_exe, l.build_dir, l.source_web});
  EXPECT_TRUE(installed.dir.empty()) << installed.dir;
  EXPECT_EQ(installed.reason, "none found");
}

TEST(WebRoot, NothingFoundServesNoPage) {
  Layout l;
  fs::remove_all(l.source_web);
  EXPECT_TRUE(choose_web_root("", false, {l.built_exe, l.build_dir, l.source_web}).dir.empty());
  EXPECT_TRUE(choose_web_root("", false, {"", l.build_dir, l.source_web}).dir.empty());
  EXPECT_TRUE(choose_web_root("", false, {}).dir.empty());
}

TEST(WebRoot, ARelativeOrDottedPrefixStillResolves) {
  Layout l;
  fs::path dotted = l.prefix / "bin" / ".." / "bin" / "peacesearch-server";
  EXPECT_EQ(choose_web_root("", false, {dotted, l.build_dir, l.source_web}).dir,
            fs::canonical(l.installed_web));
  fs::path in_build_dotted = l.build_dir / ".." / "build" / "server" / "peacesearch-server";
  EXPECT_EQ(choose_web_root("", false, {in_build_dotted, l.build_dir, l.source_web}).dir,
            fs::canonical(l.source_web));
}

namespace {

// Waits for a started server binary to listen: its port, 0 if it did not come up.
int start(peacesearch::testing::Process& server) {
  std::regex serving("on http://127\\.0\\.0\\.1:([0-9]+)");
  for (int i = 0; i < 1000 && server.running(); ++i) {
    std::smatch m;
    std::string out = server.output();
    if (std::regex_search(out, m, serving)) return std::stoi(m[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}

}  // namespace

TEST(WebRoot, TheBuiltServerServesTheSourcePageWithoutWeb) {
  using peacesearch::testing::built_binary;
  using peacesearch::testing::Process;
  TempDir dir;
  peacesearch::testing::build_index(peacesearch::testing::source_dir() / "sample-data",
                                    dir.path() / "index");
  std::string bin = built_binary("server/peacesearch-server");
  std::string index = (dir.path() / "index").string();

  Process server({bin, "--index", index, "--port", "0"});
  int port = start(server);
  ASSERT_GT(port, 0) << server.output();
  std::string source_web = fs::canonical(peacesearch::testing::source_dir() / "web").string();
  EXPECT_NE(server.output().find("search page: " + source_web + " (source tree)"),
            std::string::npos)
      << server.output();
  httplib::Client c("127.0.0.1", port);
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);

  Process api_only({bin, "--index", index, "--port", "0", "--no-web", "--web", source_web});
  int api_port = start(api_only);
  ASSERT_GT(api_port, 0) << api_only.output();
  EXPECT_NE(api_only.output().find("search page: none (--no-web)"), std::string::npos);
  httplib::Client api("127.0.0.1", api_port);
  auto none = api.Get("/");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(api.Get("/health")->status, 200);
}
