#include <gtest/gtest.h>

#include <cstdio>

#include "tests/relevance/relevance_eval.h"
#include "tests/support/temp_index.h"

using namespace peacesearch::testing;

// The judged query set over sample-data: every query must meet its bar.
TEST(Relevance, EveryJudgedQueryMeetsItsBar) {
  auto judgments = load_judgments(source_dir() / "tests" / "relevance" / "judgments.jsonl");
  ASSERT_GE(judgments.size(), 40u);
  SampleIndex sample;
  auto ev = evaluate(*sample.holder, judgments, {});
  for (const auto& o : ev.outcomes)
    for (const auto& p : o.problems)
      ADD_FAILURE() << o.judgment->id << " \"" << o.judgment->query << "\" (" << o.judgment->why
                    << "): " << p;
  std::printf("relevance: %zu queries, MRR %.3f, recall@10 %.3f, %zu failed\n", ev.outcomes.size(),
              ev.mrr, ev.recall_at_10, ev.failed);
  EXPECT_GE(ev.mrr, 0.8);
  EXPECT_GE(ev.recall_at_10, 0.9);
}
