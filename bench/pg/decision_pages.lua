-- wrk: random decision pages of the synthetic register; prints p50/p95 at the end.
local bodies = tonumber(os.getenv("BODIES") or "40")
local per_body = tonumber(os.getenv("PER_BODY") or "25000")
local kind = os.getenv("KIND") or "decision"
math.randomseed(os.time())
request = function()
  local b = math.random(1, bodies)
  if kind == "register" then
    return wrk.format("GET", "/body" .. b .. "/decisions?year=" .. (2011 + math.random(0, 14)))
  end
  local k = math.random(0, per_body - 1)
  return wrk.format("GET", string.format("/body%d/decisions/%05d-%d", b, k, 2011 + k % 15))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.3f p95_ms=%.3f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
