# Shared by the bench-* scripts (sourced, not run): where things are, and starting and
# stopping session-chat nodes by PID.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
run_dir=${BENCH_RUN_DIR:-/tmp/session-chat-bench}
bench_jar=${BENCH_JAR:-$root/modules/bench/target/session-chat-bench.jar}
chat_jar=${CHAT_JAR:-$root/modules/chat/target/session-chat.jar}
jvm_flags="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"

# Node limits lifted for load tests (all bench clients come from 127.0.0.1 and send faster
# than the default flood control allows); overridable with BENCH_CHAT_LIMITS.
chat_limits=${BENCH_CHAT_LIMITS:---max-connections 100000 --max-connections-per-address 100000 --max-rooms 100000 --idle-timeout 0 --no-rate-limit}

# start_chat_node PORT NAME [node options...]: starts a node in the background, waits for its
# READY line (up to 120 s) and prints its PID.
start_chat_node() {
  local port=$1 name=$2
  shift 2
  [[ -f "$chat_jar" ]] || { echo "no $chat_jar: build modules/chat first" >&2; return 1; }
  mkdir -p "$run_dir"
  local log="$run_dir/chat-$port.log"
  rm -f "$log" # the background job truncates it only once it runs: never read an old READY
  # shellcheck disable=SC2086
  java $jvm_flags ${CHAT_JVM_OPTS:--Xmx1g} -jar "$chat_jar" --port "$port" --node-name "$name" $chat_limits "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    grep -q '^READY ' "$log" && { echo "$pid"; return 0; }
    kill -0 "$pid" 2>/dev/null || { echo "chat node $name died; see $log" >&2; return 1; }
    sleep 0.1
  done
  echo "chat node $name not READY within 120 s; see $log" >&2
  stop_pid "$pid"
  return 1
}

# stop_pid PID...: SIGTERM, up to 10 s grace, then SIGKILL.
stop_pid() {
  local pid
  for pid in "$@"; do
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || continue
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
  done
  return 0
}
