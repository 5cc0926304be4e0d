#include <gtest/gtest.h>

#include <cstdio>

#include "tests/relevance/relevance_eval.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::testing;

namespace {

// One real index of sample-data and the real HTTP server on it, for the whole suite.
class RelevanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new SampleIndex();
    server_ = new TestServer(*sample_->holder);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sample_;
  }
  static std::vector<Judgment> load(const char* file) {
    return load_judgments(source_dir() / "tests" / "relevance" / file);
  }
  static void expect_every_bar_met(const Evaluation& ev) {
    for (const auto& o : ev.outcomes)
      for (const auto& p : o.problems)
        ADD_FAILURE() << o.judgment->id << " \"" << o.judgment->query << "\" (" << o.judgment->why
                      << "): " << p;
  }
  static SampleIndex* sample_;
  static TestServer* server_;
};
SampleIndex* RelevanceTest::sample_ = nullptr;
TestServer* RelevanceTest::server_ = nullptr;

}  // namespace

TEST(KeystrokeStates, OnePerCharacterNotPerByte) {
  EXPECT_EQ(keystroke_states("ab "), (std::vector<std::string>{"a", "ab", "ab "}));
  EXPECT_EQ(keystroke_states("é\"x"), (std::vector<std::string>{"é", "é\"", "é\"x"}));
}

// The development set, sent exactly as the page sends it: every query meets its bar.
TEST_F(RelevanceTest, DevelopmentSetAsTyped) {
  auto judgments = load("dev.jsonl");
  ASSERT_GE(judgments.size(), 100u);
  auto ev = evaluate(*server_, judgments, {});
  expect_every_bar_met(ev);
  std::printf("dev, typed: %zu queries, MRR %.3f, recall@10 %.3f, %zu failed\n", ev.outcomes.size(),
              ev.mrr, ev.recall_at_10, ev.failed);
  EXPECT_GE(ev.mrr, 0.85);
  EXPECT_GE(ev.recall_at_10, 0.9);
}

// Keystroke by keystroke: every intermediate state answers 200, the last meets its bar.
TEST_F(RelevanceTest, DevelopmentSetKeystrokeByKeystroke) {
  auto judgments = load("dev.jsonl");
  auto ev = evaluate(*server_, judgments, {true, {}});
  expect_every_bar_met(ev);
  std::printf("dev, keystrokes: %zu requests, MRR %.3f, recall@10 %.3f, %zu failed\n", ev.requests,
              ev.mrr, ev.recall_at_10, ev.failed);
  EXPECT_GT(ev.requests, judgments.size() * 5);
}

// A held-out set is never tuned on: it must answer every keystroke, and its figures are
// reported; a floor catches a collapse, not a miss.
static void check_held_out(const TestServer& server, const std::vector<Judgment>& judgments,
                           const char* label) {
  ASSERT_GE(judgments.size(), 20u);
  auto ev = evaluate(server, judgments, {true, {}});
  size_t http_failures = 0;
  for (const auto& o : ev.outcomes)
    for (const auto& p : o.problems)
      if (p.rfind("HTTP ", 0) == 0 || p.rfind("no answer", 0) == 0) ++http_failures;
  EXPECT_EQ(http_failures, 0u);
  std::printf("%s, keystrokes: %zu queries, MRR %.3f, recall@10 %.3f, %zu below their bar\n", label,
              ev.outcomes.size(), ev.mrr, ev.recall_at_10, ev.failed);
  EXPECT_GE(ev.mrr, 0.6);
  EXPECT_GE(ev.recall_at_10, 0.6);
}

TEST_F(RelevanceTest, HeldOutSet) {
  auto judgments = load("heldout.jsonl");
  ASSERT_GE(judgments.size(), 50u);
  check_held_out(*server_, judgments, "heldout");
}

// Arabic (issue 13): the development set meets every bar, typed and keystroke by keystroke.
TEST_F(RelevanceTest, ArabicDevelopmentSet) {
  auto judgments = load("arabic-dev.jsonl");
  ASSERT_GE(judgments.size(), 20u);
  for (bool keystrokes : {false, true}) {
    auto ev = evaluate(*server_, judgments, {keystrokes, {}});
    expect_every_bar_met(ev);
    std::printf("arabic dev, %s: %zu queries, MRR %.3f, recall@10 %.3f, %zu failed\n",
                keystrokes ? "keystrokes" : "typed", ev.outcomes.size(), ev.mrr, ev.recall_at_10,
                ev.failed);
  }
}

// The Arabic held-out set, never tuned on, the same way.
TEST_F(RelevanceTest, ArabicHeldOutSet) {
  check_held_out(*server_, load("arabic-heldout.jsonl"), "arabic heldout");
}
