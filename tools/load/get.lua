-- wrk script: sends GET requests with the API key in KEY to the path given after --, for example
-- KEY=ctk_... wrk -t2 -c16 -d20s -s tools/load/get.lua http://127.0.0.1:18080 -- /leads/stats/growth
local path = "/"

function init(args)
    path = args[1] or path
end

function request()
    return wrk.format("GET", path, {["Authorization"] = "Bearer " .. os.getenv("KEY")})
end

function done(summary, latency, requests)
    io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, non-2xx %d\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.errors.status))
end
