#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <thread>

#include "tests/support/process.h"
#include "tests/support/running_server.h"
#include "tests/support/temp_index.h"

using namespace peacesearch;
using namespace peacesearch::testing;
namespace fs = std::filesystem;

namespace {

std::string server_bin() {
  return built_binary("server/peacesearch-server");
}

class ServerCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    build_index(source_dir() / "sample-data", dir_->path() / "index");
  }
  static void TearDownTestSuite() { delete dir_; }
  static fs::path index() { return dir_->path() / "index"; }
  static TempDir* dir_;
};
TempDir* ServerCliTest::dir_ = nullptr;

TEST_F(ServerCliTest, MissingOrCorruptIndexIsAClearError) {
  TempDir dir;
  Process missing({server_bin(), "--index", (dir.path() / "none").string(), "--port", "0"});
  EXPECT_EQ(missing.wait(), 1);
  EXPECT_NE(missing.output().find("no index at"), std::string::npos) << missing.output();

  // A generation whose Xapian files are garbage.
  fs::path root = dir.path() / "corrupt";
  fs::create_directories(root / "generations" / "g1" / "xapian");
  std::ofstream(root / "generations" / "g1" / "xapian" / "iamglass") << "not a database";
  std::ofstream(root / "generations" / "g1" / "xapian" / "postlist.glass") << "garbage";
  fs::create_directory_symlink("generations/g1", root / "current");
  Process corrupt({server_bin(), "--index", root.string(), "--port", "0"});
  EXPECT_EQ(corrupt.wait(), 1);
  EXPECT_NE(corrupt.output().find("cannot open index"), std::string::npos) << corrupt.output();

  Process bad_flag({server_bin(), "--port", "eighty"});
  EXPECT_EQ(bad_flag.wait(), 2);
  EXPECT_NE(bad_flag.output().find("port must be"), std::string::npos);
}

TEST_F(ServerCliTest, ASecondServerOnTheSamePortFailsClearly) {
  RunningServer first(index());
  ASSERT_GT(first.port, 0) << first.process->output();
  Process second({server_bin(), "--index", index().string(), "--port", std::to_string(first.port)});
  EXPECT_EQ(second.wait(), 1);
  EXPECT_NE(second.output().find("cannot listen on 127.0.0.1:" + std::to_string(first.port)),
            std::string::npos)
      << second.output();
  EXPECT_TRUE(first.process->running());
}

TEST_F(ServerCliTest, SigtermFinishesRequestsAndExits) {
  RunningServer s(index());
  ASSERT_GT(s.port, 0);
  auto c = s.client();
  ASSERT_TRUE(c.Get("/health"));
  s.process->signal(SIGTERM);
  EXPECT_EQ(s.process->wait(std::chrono::seconds(15)), 0);
  EXPECT_NE(s.process->output().find("stopped"), std::string::npos);
}

TEST_F(ServerCliTest, SlowClientsDoNotStopOthers) {
  RunningServer s(index(), {"--threads", "16", "--read-timeout", "3"});
  ASSERT_GT(s.port, 0);
  // Eight clients send half a request and stall.
  std::vector<int> stalled;
  for (int i = 0; i < 8; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(s.port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    std::string half = "GET /search?q=paix HTTP/1.1\r\nHost: x\r\n";
    ASSERT_GT(::send(fd, half.data(), half.size(), 0), 0);
    stalled.push_back(fd);
  }
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    auto c = s.client();
    auto res = c.Get("/search?q=armes");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  // Served while the stalled connections still hold their threads (read timeout: 3 s).
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  for (int fd : stalled) ::close(fd);
}

TEST_F(ServerCliTest, StaticFilesStayInsideWeb) {
  RunningServer s(index());
  ASSERT_GT(s.port, 0);
  auto c = s.client();
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/..%2fREADME.md",
                           "/web/../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"}) {
    auto res = c.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ServerCliTest, LogsTheEffectiveConfigurationAndEachRequest) {
  RunningServer s(index(), {"--log-json", "--admin-token", "hidden-token"});
  ASSERT_GT(s.port, 0) << s.process->output();
  auto c = s.client();
  ASSERT_TRUE(c.Get("/search?q=paix"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::string out = s.process->output();
  EXPECT_NE(out.find("configuration:"), std::string::npos);
  EXPECT_EQ(out.find("hidden-token"), std::string::npos);
  EXPECT_NE(out.find(R"("event":"request")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("path":"/search")"), std::string::npos) << out;
}

}  // namespace
