// In-process query latency of peacesearch: opens an index, turns each request of the query
// mix into the parameters /search would receive (httplib's own query-string parser), and
// times parse_search_request + Searcher::search (all facets, exact) + the JSON response, one
// query at a time. Prints one JSON object (latency percentiles per kind and overall).
//
// usage: peacesearch-query-bench --index ROOT --requests FILE [--warmup N] [--repeat R]
//                                [--hits-out FILE]
// FILE: one request a line, "KIND<TAB>GROUP<TAB>/search?q=...": KIND is the query kind
// (word, phrase, prefix, browse), GROUP an extra group it also counts in ("-" for none).
#include <httplib.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/engine/index_holder.h"
#include "server/engine/searcher.h"
#include "server/http/json_response.h"
#include "server/http/request_parser.h"

namespace ps = peacesearch::server;
using Clock = std::chrono::steady_clock;

namespace {

struct Request {
  std::string kind, group, path;
  ps::Params params;
};

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  double k = (sorted.size() - 1) * p / 100.0;
  size_t lo = static_cast<size_t>(k), hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - lo);
}

/// CPU time of the calling thread, ms: separates the engine's own cost from time the
/// thread spent waiting for a core on a busy machine.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double round3(double v) {
  return std::round(v * 1000.0) / 1000.0;
}

nlohmann::json stats(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double v : ms) sum += v;
  return {{"count", ms.size()},
          {"p50", round3(percentile(ms, 50))},
          {"p95", round3(percentile(ms, 95))},
          {"p99", round3(percentile(ms, 99))},
          {"mean", round3(ms.empty() ? 0 : sum / ms.size())},
          {"max", round3(ms.empty() ? 0 : ms.back())}};
}

std::vector<Request> load_requests(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::vector<Request> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos)
      throw std::runtime_error("bad request line: " + line);
    Request r{line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1), {}};
    size_t qm = r.path.find('?');
    if (qm != std::string::npos) httplib::detail::parse_query_text(r.path.substr(qm + 1), r.params);
    out.push_back(std::move(r));
  }
  return out;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return round3(ru.ru_maxrss / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string index, requests_file, hits_out;
  int warmup = 50, repeat = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--index")
      index = next();
    else if (a == "--requests")
      requests_file = next();
    else if (a == "--warmup")
      warmup = std::stoi(next());
    else if (a == "--repeat")
      repeat = std::max(1, std::stoi(next()));
    else if (a == "--hits-out")
      hits_out = next();
    else {
      std::cerr << "usage: peacesearch-query-bench --index ROOT --requests FILE [--warmup N] "
                   "[--repeat R] [--hits-out FILE]\n";
      return 2;
    }
  }
  if (index.empty() || requests_file.empty()) {
    std::cerr << "peacesearch-query-bench: --index and --requests are required\n";
    return 2;
  }
  auto requests = load_requests(requests_file);
  auto t_open = Clock::now();
  ps::IndexHolder holder(index);
  auto snapshot = holder.get();
  double open_ms = std::chrono::duration<double, std::milli>(Clock::now() - t_open).count();
  ps::RequestLimits limits;

  // One /search: parameters -> request -> search -> response body, as the handler does.
  size_t bytes = 0;
  auto run = [&](const Request& r, ps::SearchResult& result, double& search_ms) {
    ps::SearchRequest req = ps::parse_search_request(r.params, snapshot->labels(), limits);
    ps::Searcher searcher(snapshot);
    auto t0 = Clock::now();
    result = searcher.search(req);
    search_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    bytes += ps::search_response(req, result, snapshot->labels()).dump().size();
  };

  ps::SearchResult result;
  double search_ms = 0;
  for (int i = 0; i < warmup && !requests.empty(); ++i) {
    try {
      run(requests[i % requests.size()], result, search_ms);
    } catch (const std::exception&) {
    }
  }
  std::vector<double> all, all_search, all_cpu;
  std::map<std::string, std::vector<double>> by_kind, by_kind_search;
  size_t errors = 0, zero_hits = 0;
  double total_hits = 0;
  std::ofstream hits;
  if (!hits_out.empty()) hits.open(hits_out);
  auto wall0 = Clock::now();
  for (int rep = 0; rep < repeat; ++rep) {
    for (size_t i = 0; i < requests.size(); ++i) {
      const Request& r = requests[i];
      auto t0 = Clock::now();
      double cpu0 = thread_cpu_ms();
      try {
        run(r, result, search_ms);
      } catch (const std::exception& e) {
        if (errors++ < 5) std::cerr << "query " << i << " (" << r.path << "): " << e.what() << "\n";
        continue;
      }
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      all.push_back(ms);
      all_cpu.push_back(thread_cpu_ms() - cpu0);
      all_search.push_back(search_ms);
      for (const std::string& k : {r.kind, r.group}) {
        if (k.empty() || k == "-") continue;
        by_kind[k].push_back(ms);
        by_kind_search[k].push_back(search_ms);
      }
      if (rep == 0) {
        total_hits += result.total;
        zero_hits += result.total == 0;
        if (hits) {
          nlohmann::json h = {{"i", i}, {"total", result.total}, {"ms", round3(ms)}};
          nlohmann::json top = nlohmann::json::array();
          for (auto& hit : result.hits) top.push_back(hit.record.value("id", ""));
          h["top"] = top;
          hits << h.dump() << "\n";
        }
      }
    }
  }
  double wall_s = std::chrono::duration<double>(Clock::now() - wall0).count();

  nlohmann::json kinds = nlohmann::json::object(), kinds_search = nlohmann::json::object();
  for (auto& [k, v] : by_kind) kinds[k] = stats(v);
  for (auto& [k, v] : by_kind_search) kinds_search[k] = stats(v);
  size_t n = requests.size();
  nlohmann::json out = {
      {"engine", "peacesearch"},
      {"index", index},
      {"open_ms", round3(open_ms)},
      {"queries",
       {{"count", all.size()},
        {"errors", errors},
        {"repeat", repeat},
        {"warmup", warmup},
        {"wall_s", round3(wall_s)},
        {"qps", round3(wall_s > 0 ? all.size() / wall_s : 0)},
        {"latency_ms", stats(all)},
        {"by_kind", kinds},
        {"search_only_ms", stats(all_search)},
        {"cpu_ms", stats(all_cpu)},
        {"search_only_by_kind", kinds_search},
        {"mean_total_hits", round3(n ? total_hits / n : 0)},
        {"zero_hit_queries", zero_hits},
        {"response_bytes_mean", round3(all.empty() ? 0 : double(bytes) / (all.size() + warmup))}}},
      {"peak_rss_mb", peak_rss_mb()}};
  std::cout << out.dump(2) << "\n";
  return errors ? 1 : 0;
}
