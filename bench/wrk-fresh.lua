-- as ../shared/bench/wrk-signed.lua, but a run starts where the previous run on the same file
-- stopped (kept in SIGNED_FILE.next), so no request is sent twice
local reqs = {}
idx = 0 -- a global: done() reads it through thread:get
local threads = {}
local path = os.getenv("SIGNED_FILE")
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(path) do
    local p, h, s, ct, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if p then
      reqs[#reqs + 1] = wrk.format("POST", p, {[h] = s, ["Content-Type"] = ct}, body)
    end
  end
  local next = io.open(path .. ".next", "r")
  if next then
    idx = tonumber(next:read("*l")) or 0
    next:close()
  end
end
function request()
  idx = idx % #reqs + 1
  return reqs[idx]
end
function done(summary, latency, requests)
  local last = 0
  for _, thread in ipairs(threads) do
    last = math.max(last, thread:get("idx") or 0)
  end
  local next = io.open(path .. ".next", "w")
  next:write(tostring(last), "\n")
  next:close()
end
