#include <gtest/gtest.h>

#include "server/engine/relaxation.h"

using peacesearch::server::relax;

namespace {

Roaring docs(std::initializer_list<uint32_t> ids) {
  Roaring r;
  for (uint32_t id : ids) r.add(id);
  return r;
}

// Each row: the clauses' documents, which are phrases, and the clauses expected to be kept
// (empty: not relaxed).
TEST(Relaxation, DropsTheLeastInformativeClausesFirst) {
  const struct {
    const char* what;
    std::vector<Roaring> clauses;
    std::vector<bool> fixed;
    std::vector<bool> keep;
  } rows[] = {
      {"they already match together", {docs({1, 2}), docs({2, 3})}, {false, false}, {}},
      {"a clause nothing holds goes first",
       {docs({1, 2, 3}), docs({2, 3}), docs({})},
       {false, false, false},
       {true, true, false}},
      {"the most frequent of the clauses that cannot all stay",
       {docs({1, 2, 3, 4, 5}), docs({5, 6}), docs({1, 2, 3, 4, 7, 8})},
       {false, false, false},
       {true, true, false}},
      {"the rarer of two clauses goes with the third",
       {docs({1, 2}), docs({3}), docs({1, 2, 3})},
       {false, false, false},
       {false, true, true}},
      {"as few drops as possible, the earlier words kept on a tie",
       {docs({1}), docs({2}), docs({3}), docs({1, 2, 3, 4})},
       {false, false, false, false},
       {true, false, false, true}},
      {"a phrase is never dropped",
       {docs({1, 2}), docs({3}), docs({1, 2, 3, 4, 5})},
       {false, true, false},
       {false, true, true}},
      {"phrases that do not meet: not relaxed", {docs({1}), docs({2})}, {true, true}, {}},
      {"one clause: nothing to relax", {docs({})}, {false}, {}},
      {"nothing holds any clause: not relaxed", {docs({}), docs({})}, {false, false}, {}},
  };
  for (const auto& r : rows) {
    auto out = relax(r.clauses, r.fixed, 100);
    EXPECT_EQ(out.relaxed, !r.keep.empty()) << r.what;
    auto expected = r.keep.empty() ? std::vector<bool>(r.clauses.size(), true) : r.keep;
    EXPECT_EQ(out.keep, expected) << r.what;
  }
}

}  // namespace
