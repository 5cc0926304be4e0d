-- wrk script: sends every path of a file at most once over all threads and connections, then
-- stops, so a run is bounded by the paths (-d is only an upper bound) and never repeats one.
-- usage: wrk -tT -cC -dMAX --latency -s bench/wrk_once.lua URL -- UNITS LABEL T MARKDIR
--   UNITS    one unit a line (bench/lib/requests.py): a URL-encoded path, or several separated
--            by tabs (a typed query's keystroke states: one thread sends them in order)
--   T        wrk's -t; thread i takes units i+1, i+1+T, ... (round-robin, in file order)
--   MARKDIR  an empty directory: each thread leaves a file there when its slice is answered
-- At the end prints "WRK_JSON {...}": latency percentiles (ms), requests, errors, and what was
-- sent, rebuilt from each thread's count (paths in the file, sent, distinct among those sent).
local ffi = require("ffi")
ffi.cdef [[
int getpid(void);
int tgkill(int tgid, int tid, int sig);
]]

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function read_units(file)
  local units = {}
  for line in io.lines(file) do
    if #line > 0 then
      local u = {}
      for p in line:gmatch("[^\t]+") do u[#u + 1] = p end
      units[#units + 1] = u
    end
  end
  return units
end

-- The paths thread `id` (0-based) of `t` sends, in order.
local function slice(units, id, t)
  local out = {}
  for i = id + 1, #units, t do
    for _, p in ipairs(units[i]) do out[#out + 1] = p end
  end
  return out
end

function init(args)
  file, label, nthreads, markdir = args[1], args[2], tonumber(args[3]), args[4]
  if not (file and nthreads and markdir) then
    error("wrk_once.lua: pass UNITS LABEL THREADS MARKDIR after --")
  end
  mine = slice(read_units(file), id, nthreads)
  sent, answered, lost, grants, started, finished = 0, 0, 0, 0, false, false
end

-- This thread's slice is answered: stop its loop. wrk's main thread sleeps for the whole -d
-- before it joins the threads, so the last thread to finish interrupts that sleep with the
-- SIGINT wrk handles (sent to the main thread itself: a signal to the process could land on
-- a worker and leave main asleep). The marker files tell the last one; each thread writes its
-- own before looking at the others', so at least one sees them all.
local function finish()
  if finished then return end
  finished = true
  local f = assert(io.open(markdir .. "/" .. id, "w"))
  f:close()
  for i = 0, nthreads - 1 do
    local m = io.open(markdir .. "/" .. i)
    if not m then
      wrk.thread:stop()
      return
    end
    m:close()
  end
  local pid = ffi.C.getpid()
  ffi.C.tgkill(pid, pid, 2)
  wrk.thread:stop()
end

-- wrk calls delay() before each request of a connection (a 0 ms timer when it returns 0), and
-- request() after it. A 0 reserves one of the paths left (`grants`): several connections can
-- be between the two calls at once, and each must find a path. With none left to reserve,
-- the connection is parked (an hour: the thread stops long before).
function delay()
  started = true
  if sent + grants < #mine then
    grants = grants + 1
    return 0
  end
  if grants == 0 and answered + lost >= sent then finish() end
  return 3600000
end

function request()
  -- Before the thread runs, wrk calls request() once on thread 0 to check it is one request
  -- (no pipelining): that call sends nothing, so it takes no path.
  if not started then return wrk.format(nil, mine[1] or "/") end
  -- A request without delay() first is a connection sending again after a socket error: its
  -- request in flight was lost and will never be answered (wrk counts the error).
  if grants > 0 then grants = grants - 1 else lost = lost + 1 end
  -- (then, should the slice be all sent, wrk still needs a request: a cheap one, outside the
  -- count; a run with socket errors is reported as such anyway)
  if sent >= #mine then return wrk.format(nil, "/health") end
  sent = sent + 1
  return wrk.format(nil, mine[sent])
end

function response(status, headers, body)
  answered = answered + 1
  if answered + lost >= #mine then finish() end
end

local function ms(us) return string.format("%.3f", us / 1000.0) end

function done(summary, latency, requests)
  local t = threads[1]
  local units = read_units(t:get("file"))
  local nthreads = t:get("nthreads")
  local in_file, sent_total, answered_total, lost_total, distinct, seen = 0, 0, 0, 0, 0, {}
  for _, u in ipairs(units) do in_file = in_file + #u end
  for _, th in ipairs(threads) do
    local n = th:get("sent")
    sent_total = sent_total + n
    answered_total = answered_total + th:get("answered")
    lost_total = lost_total + th:get("lost")
    for k, p in ipairs(slice(units, th:get("id"), nthreads)) do
      if k > n then break end
      if not seen[p] then
        seen[p] = true
        distinct = distinct + 1
      end
    end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write("WRK_JSON {")
  io.write(string.format('"paths_in_file": %d, "units_in_file": %d, "sent": %d, "answered": %d, "lost": %d, "distinct_sent": %d, ',
    in_file, #units, sent_total, answered_total, lost_total, distinct))
  io.write(string.format('"requests": %d, "duration_s": %.3f, "rps": %.1f, "bytes": %d, ',
    summary.requests, secs, summary.requests / secs, summary.bytes))
  io.write(string.format('"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ',
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format('"latency_ms": {"p50": %s, "p90": %s, "p95": %s, "p99": %s, "mean": %s, "max": %s, "stdev": %s}',
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)),
    ms(latency:percentile(99)), ms(latency.mean), ms(latency.max), ms(latency.stdev)))
  io.write("}\n")
end
