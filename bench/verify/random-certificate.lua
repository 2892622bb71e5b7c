-- wrk script of bench/run-verify-bench.sh: every request asks for a random one of the seeded
-- certificates, GET /api/v1/certificates/<prefix><serial>, serial 1,000,001 … 1,000,000 + count
-- (bench/verify/seed.sql). Arguments after "--": the 10-digit prefix, the count, a path
-- suffix ("/status" for the status check, "" for the full record), and the access pattern:
-- "uniform" (every certificate equally likely: the worst case for a cache) or "zipf" (a few
-- certificates read far more often than the rest, as public records are: rank k is drawn with
-- P(rank <= k) = ln(k + 1) / ln(count + 1), the continuous form of Zipf's law with s = 1, so the
-- 1,000 most read of 1,000,000 take half the requests).
-- At the end prints one tab-separated RESULT line for the script to collect.

local prefix, count, suffix, zipf

function init(args)
  prefix = args[1]
  count = tonumber(args[2])
  suffix = args[3] or ""
  zipf = args[4] == "zipf"
  -- Each wrk thread has its own Lua state: seed each differently.
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003))
end

local function pick()
  if not zipf then
    return math.random(count)
  end
  local rank = math.floor(math.exp(math.random() * math.log(count + 1)))
  return math.max(1, math.min(count, rank))
end

function request()
  local path = string.format("/api/v1/certificates/%s%07d%s", prefix, 1000000 + pick(), suffix)
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("RESULT\t%.1f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
