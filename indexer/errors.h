#pragma once
#include <stdexcept>
#include <string>

namespace peacesearch::indexer {

/// Input that breaks the data contract. `what()` reads "file:line: what is wrong".
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A build that failed as a whole (several bad records, a missing input, a full disk).
class BuildError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An index that cannot be opened or is not a peacesearch index.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace peacesearch::indexer
