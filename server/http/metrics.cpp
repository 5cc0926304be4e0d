#include "server/http/metrics.h"

#include <fmt/format.h>

namespace peacesearch::server {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  auto& b = buckets_[route];
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++b[i];
  sum_[route] += seconds;
}

std::string Metrics::render(uint64_t documents, double last_reload_unix, uint64_t reloads) const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP peacesearch_requests_total HTTP requests by route and status.\n";
  out += "# TYPE peacesearch_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out += fmt::format("peacesearch_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first,
                       key.second, n);
  out += "# HELP peacesearch_request_duration_seconds Request latency by route.\n";
  out += "# TYPE peacesearch_request_duration_seconds histogram\n";
  for (const auto& [route, b] : buckets_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += b[i];
      out +=
          fmt::format("peacesearch_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      route, kBuckets[i], cumulative);
    }
    cumulative += b[kBuckets.size()];
    out +=
        fmt::format("peacesearch_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    route, cumulative);
    out += fmt::format("peacesearch_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route,
                       sum_.at(route));
    out += fmt::format("peacesearch_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       cumulative);
  }
  out += "# HELP peacesearch_index_documents Documents in the index being served.\n";
  out += "# TYPE peacesearch_index_documents gauge\n";
  out += fmt::format("peacesearch_index_documents {}\n", documents);
  out +=
      "# HELP peacesearch_index_last_reload_timestamp_seconds When the served index was loaded.\n";
  out += "# TYPE peacesearch_index_last_reload_timestamp_seconds gauge\n";
  out += fmt::format("peacesearch_index_last_reload_timestamp_seconds {:.3f}\n", last_reload_unix);
  out += "# HELP peacesearch_index_reloads_total Index swaps since start.\n";
  out += "# TYPE peacesearch_index_reloads_total counter\n";
  out += fmt::format("peacesearch_index_reloads_total {}\n", reloads);
  return out;
}

}  // namespace peacesearch::server
