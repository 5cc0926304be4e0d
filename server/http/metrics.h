#pragma once
#include <array>
#include <map>
#include <mutex>
#include <string>

namespace peacesearch::server {

/// Request counters and a latency histogram, rendered in Prometheus text format.
class Metrics {
 public:
  void record(const std::string& route, int status, double seconds);
  /// The exposition text; index figures are passed in by the caller.
  std::string render(uint64_t documents, double last_reload_unix, uint64_t reloads) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,    0.25,  1.0};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, std::array<uint64_t, kBuckets.size() + 1>> buckets_;
  std::map<std::string, double> sum_;
};

}  // namespace peacesearch::server
