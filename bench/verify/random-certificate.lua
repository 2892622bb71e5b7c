-- wrk script of bench/run-verify-bench.sh: every request asks for a random one of the seeded
-- certificates, GET /api/v1/certificates/<prefix><serial>, serial 1,000,001 … 1,000,000 + count
-- (bench/verify/seed.sql). Arguments after "--": the 10-digit prefix, the count, and a path
-- suffix ("/status" for the status check, "" for the full record).
-- At the end prints one tab-separated RESULT line for the script to collect.

local prefix, count, suffix

function init(args)
  prefix = args[1]
  count = tonumber(args[2])
  suffix = args[3] or ""
  -- Each wrk thread has its own Lua state: seed each differently.
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003))
end

function request()
  local path = string.format("/api/v1/certificates/%s%07d%s", prefix, 1000000 + math.random(count), suffix)
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
