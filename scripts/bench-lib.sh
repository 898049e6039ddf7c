# Shared by the bench-* scripts (sourced, not run): where things are, and starting and
# stopping session-chat nodes by PID.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
run_dir=${BENCH_RUN_DIR:-/tmp/session-chat-bench}
bench_jar=${BENCH_JAR:-$root/modules/bench/target/session-chat-bench.jar}
chat_jar=${CHAT_JAR:-$root/modules/chat/target/session-chat.jar}
# shellcheck source=node-jvm.sh
source "$root/scripts/node-jvm.sh"
jvm_flags=$node_module_flags

# Node limits lifted for load tests (all bench clients come from 127.0.0.1 and send faster
# than the default flood control allows); overridable with BENCH_CHAT_LIMITS. The slow-client
# limit is InspIRCd's hardsendq here (64 MB, scripts/bench-inspircd), so that both servers end
# a reader that falls behind at the same point (before the generator's window counted per
# message, one receiver at saturation fell more than the default 1 MB behind and was dropped).
chat_limits=${BENCH_CHAT_LIMITS:---max-connections 100000 --max-connections-per-address 100000 --max-rooms 100000 --idle-timeout 0 --no-rate-limit --max-outbound 67108864}

# Where the idle scenarios' clients connect from (the generator's --source-addresses; override
# with BENCH_SOURCE_ADDRESSES, empty for the kernel's choice). Linux gives a connection from one
# address to one server the next free port of half the ephemeral range, searched port by port:
# past about 14,000 such connections every connect walks the whole half, and Cmax's join spent
# a core of the two in that search. Eight loopback addresses keep each under 2,500 per server.
idle_sources=${BENCH_SOURCE_ADDRESSES-127.0.2.1,127.0.2.2,127.0.2.3,127.0.2.4,127.0.2.5,127.0.2.6,127.0.2.7,127.0.2.8}
idle_source_opts=()
[[ -n "$idle_sources" ]] && idle_source_opts=(--source-addresses "$idle_sources")

# What start_chat_node runs the node's java under: nothing, or a taskset naming the cores the
# node may use (scripts/bench-scenario's BENCH_CPUS); the JVM sizes its event loops, collector
# and compiler threads by the cores it is given.
node_cpus=()

# start_chat_node PORT NAME [node options...]: starts a node of $node_jar (default: this
# build's jar) in the background, waits for its READY line (up to 120 s) and prints its PID.
start_chat_node() {
  local port=$1 name=$2 jar=${node_jar:-$chat_jar}
  shift 2
  [[ -f "$jar" ]] || { echo "no $jar: build modules/chat first" >&2; return 1; }
  mkdir -p "$run_dir"
  local log="$run_dir/chat-$port.log"
  rm -f "$log" # the background job truncates it only once it runs: never read an old READY
  # shellcheck disable=SC2086
  "${node_cpus[@]}" java $jvm_flags $node_jvm_opts -jar "$jar" --port "$port" --node-name "$name" $chat_limits "$@" >"$log" 2>&1 &
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

# jar_has_option JAR OPTION: true if the node in JAR knows the command-line OPTION (a baseline
# build may predate it).
jar_has_option() {
  local matches
  matches=$(unzip -p "$1" org/sessionchat/chat/ChatNode.class 2>/dev/null | grep -ac -- "$2" || true)
  [[ "${matches:-0}" -gt 0 ]]
}

# jar_build JAR: "jar <first 12 hex digits of its SHA-256>", to tell builds apart in result lines.
jar_build() {
  [[ -f "$1" ]] || { echo "missing"; return 0; }
  echo "jar $(sha256sum "$1" | cut -c1-12)"
}

# source_build DIR: the git commit DIR is checked out at, "+changes" when its tree is not clean.
source_build() {
  local commit
  commit=$(git -C "$1" rev-parse --short=9 HEAD 2>/dev/null) || { echo "unknown commit"; return 0; }
  if [[ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit+="+changes"; fi
  echo "$commit"
}

# build_label JAR: what a result line calls the build of a chat jar, e.g.
# "session-chat 1a2b3c4d5 (jar 0123456789ab)"; the commit is that of the work tree the jar is in.
build_label() {
  local tree
  tree=$(cd "$(dirname "$1")" && git rev-parse --show-toplevel 2>/dev/null) || tree=$(dirname "$1")
  echo "session-chat $(source_build "$tree") ($(jar_build "$1"))"
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

# A peer IRC daemon (ngIRCd, InspIRCd) run in the foreground as a background job of the calling
# script, never through systemd: its files in DIR, its PID in DIR/pid.
#   daemon_start DIR PORT COMMAND...   start, wait up to 5 s for 127.0.0.1:PORT, print the PID
#   daemon_pid DIR                     print the PID if it runs (exit 1 if not)
#   daemon_stop DIR                    SIGTERM by PID, SIGKILL after 5 s
daemon_pid() {
  [[ -f "$1/pid" ]] && kill -0 "$(cat "$1/pid")" 2>/dev/null && cat "$1/pid"
}

daemon_start() {
  local dir=$1 port=$2
  shift 2
  if daemon_pid "$dir" >/dev/null; then echo "$1 already runs on port $port (pid $(daemon_pid "$dir"))" >&2; return 1; fi
  nohup "$@" >"$dir/daemon.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  for _ in $(seq 1 50); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then cat "$dir/pid"; return 0; fi
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
    sleep 0.1
  done
  echo "$1 did not open 127.0.0.1:$port; see $dir/daemon.log" >&2
  daemon_stop "$dir"
  return 1
}

daemon_stop() {
  local pid
  if pid=$(daemon_pid "$1"); then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$1/pid"
}

# busy_cores SECONDS: how many cores the whole machine kept busy (not idle, not waiting for
# I/O) over the next SECONDS, from /proc/stat; USER_HZ is 100.
busy_cores() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep "$1"
  read -r -a b < <(head -1 /proc/stat)
  awk -v s="$1" -v a="${a[*]:1}" -v b="${b[*]:1}" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); busy = 0
    for (i = 1; i <= n; i++) if (i != 4 && i != 5) busy += y[i] - x[i]
    printf "%.2f", busy / 100 / s }'
}

# wait_idle SECONDS [CORES] [MAX]: waits until the machine has kept fewer than CORES (0.25)
# cores busy for SECONDS in a row, at most MAX (120) seconds, and prints
# "<busy cores of the last second> busy cores after <waited> s" (with "not idle: " in front
# when MAX ran out), for a result line's labels.
wait_idle() {
  local need=$1 cores=${2:-0.25} max=${3:-120} quiet=0 waited=0 busy
  while ((waited < max)); do
    busy=$(busy_cores 1)
    waited=$((waited + 1))
    if awk -v b="$busy" -v c="$cores" 'BEGIN { exit !(b < c) }'; then
      quiet=$((quiet + 1))
      ((quiet >= need)) && { echo "$busy busy cores after $waited s"; return 0; }
    else
      quiet=0
    fi
  done
  echo "not idle: $busy busy cores after $waited s"
}
