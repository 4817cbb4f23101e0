-- wrk script: creates a lead with a unique email per request through the gateway.
-- Usage: KEY=ctk_... wrk -t2 -c32 -d30s -s tools/load/create-leads.lua http://127.0.0.1:18080
local counter = 0
local thread_tag = ""
local run_tag = tostring(os.time())

function setup(thread)
    thread:set("thread_id", tostring(math.random(1, 1000000000)))
end

function init(args)
    thread_tag = thread_id or tostring(math.random(1, 1000000000))
end

function request()
    counter = counter + 1
    local email = "load-" .. run_tag .. "-" .. thread_tag .. "-" .. counter .. "@example.org"
    local body = '{"name":"Load Test","email":"' .. email .. '","company":"Load Co","organization_type":"Corporate",'
        .. '"sustainability_score":70,"regulatory_compliance":{"status":"pending","requirements":["permit"]},'
        .. '"procurement_cycle":{"estimated_duration":90,"stage":"RFP"},"deal_value":250000,'
        .. '"source":{"channel":"ABM","campaign":"load"}}'
    return wrk.format("POST", "/leads", {
        ["Authorization"] = "Bearer " .. os.getenv("KEY"),
        ["Content-Type"] = "application/json",
    }, body)
end

local statuses = {}
function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
    io.write(string.format("errors: connect %d read %d write %d status %d timeout %d\n",
        summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
        summary.errors.timeout))
end
