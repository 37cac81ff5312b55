# Sourced by bench/webhook-check and bench/where-time-goes: the gateway as ../shared/bench/side-by-side
# runs it (its JVM flags and settings, a private Redis, WireMock standing in for the Twilio API),
# started on free ports and stopped on exit. Set MODE first: sourcing sets WORK (kept with
# KEEP_WORK=1), KIND, JAR and JAVA. Then start_stores (Redis and WireMock: RPORT/RPID, WPORT/WPID),
# then start_gateway [JVM_FLAG...] (GPORT/GPID, TOKEN). WIREMOCK_JOURNAL=1 keeps WireMock's request
# journal (to count the replies sent).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; cd "$root"
SHARED=${SHARED_BENCH:-$root/../shared/bench}
JAR=${GATEWAY_JAR:-hotline-gateway/target/hotline-gateway.jar}
[[ -f $JAR ]] || { echo "no $JAR: run mvn -DskipTests package first" >&2; exit 1; }
case $MODE in voice) KIND=twilio-voice;; whatsapp) KIND=whatsapp;; *) echo "mode: voice or whatsapp" >&2; exit 2;; esac
for t in wrk redis-server redis-cli python3 curl openssl; do command -v $t >/dev/null || { echo "needs $t" >&2; exit 1; }; done
WORK=$(mktemp -d); PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; if [[ -n ${KEEP_WORK:-} ]]; then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
JAVA=$(bin/find-java)

start_stores() {
  RPORT=$(free_port)
  redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 & RPID=$!; PIDS+=($RPID)
  for _ in $(seq 1 40); do redis-cli -p "$RPORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
  local wm_jar=~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
  [[ -f $wm_jar ]] || mvn -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2 >/dev/null
  WPORT=$(free_port); mkdir -p "$WORK/wm/mappings"
  cat >"$WORK/wm/mappings/twilio.json" <<'JSON'
{ "request": { "method": "POST", "urlPathPattern": "/2010-04-01/Accounts/[^/]+/(Messages|Calls).json" },
  "response": { "status": 201, "headers": { "Content-Type": "application/json" },
    "body": "{\"sid\":\"SM00000000000000000000000000000000\",\"status\":\"queued\"}" } }
JSON
  local journal=(--no-request-journal); [[ -n ${WIREMOCK_JOURNAL:-} ]] && journal=()
  "$JAVA" -Xmx512m -jar "$wm_jar" --port "$WPORT" --bind-address 127.0.0.1 --root-dir "$WORK/wm" --disable-banner "${journal[@]}" \
    >"$WORK/wm.log" 2>&1 & WPID=$!; PIDS+=($WPID)
  for _ in $(seq 1 40); do curl -s -o /dev/null "http://127.0.0.1:$WPORT/__admin/mappings" && break; sleep 0.5; done
}

start_gateway() {
  TOKEN=tok$(openssl rand -hex 12); GPORT=$(free_port)
  HOTLINE_STORE=redis SPRING_DATA_REDIS_URL=redis://127.0.0.1:$RPORT HOTLINE_PII_KEY=$(openssl rand -base64 32) \
  TWILIO_AUTH_TOKEN=$TOKEN TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 \
  HOTLINE_PUBLIC_BASE_URL=http://127.0.0.1:$GPORT HOTLINE_TWILIO_API_BASE_URL=http://127.0.0.1:$WPORT \
  HOTLINE_DATA_DIR=$WORK/data SERVER_PORT=$GPORT HOTLINE_CONFIG_DIR=config HOTLINE_SCRIPTS_DIR=ivr-scripts \
    "$JAVA" -XX:+UseSerialGC -Xmx512m "$@" -jar "$JAR" >"$WORK/gateway.log" 2>&1 & GPID=$!; PIDS+=($GPID)
  for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$GPORT/actuator/health" && break; sleep 0.5; done
}
