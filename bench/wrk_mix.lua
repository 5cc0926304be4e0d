-- wrk script: cycles through a file of request paths (one a line, already URL-encoded, as
-- bench/lib/requests.py writes them); each thread starts at a different offset.
-- usage: wrk -t2 -c8 -d10s --latency -s bench/wrk_mix.lua http://127.0.0.1:PORT -- PATHS [LABEL]
-- At the end prints one line "WRK_JSON {...}" with latency percentiles (ms), requests,
-- throughput and error counts (status = non-2xx/3xx responses).
local paths = {}
local label = ""
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("wrk_mix.lua: pass the paths file after --")
  label = args[2] or file
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("wrk_mix.lua: no paths in " .. file) end
  pos = ((id or 0) * 7919) % #paths
end

function request()
  pos = pos % #paths + 1
  return wrk.format("GET", paths[pos])
end

local function ms(us) return string.format("%.3f", us / 1000.0) end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write("WRK_JSON {")
  io.write(string.format('"requests": %d, "duration_s": %.3f, "rps": %.1f, "bytes": %d, ',
    summary.requests, secs, summary.requests / secs, summary.bytes))
  io.write(string.format('"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ',
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format('"latency_ms": {"p50": %s, "p90": %s, "p95": %s, "p99": %s, "mean": %s, "max": %s, "stdev": %s}',
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)),
    ms(latency:percentile(99)), ms(latency.mean), ms(latency.max), ms(latency.stdev)))
  io.write("}\n")
end
