# Shared helpers for services/*/*.sh: fetch jars with Maven into a cache outside the repo, start a
# service in the background and wait for it, stop it, dispatch the commands. Sourced, not run.

# Cache root for downloaded jars (never inside the repo).
svc_cache_root() {
  printf '%s\n' "${LPA_SERVICES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/livepeer-analytics}"
}

svc_die() {
  echo "error: $*" >&2
  exit 1
}

svc_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || svc_die "'$tool' is required on PATH"
  done
}

# The text of <$2> in pom $1, e.g. svc_pom_property pom.xml kafka.version -> 4.3.1
svc_pom_property() {
  sed -n "s:.*<$2>\(.*\)</$2>.*:\1:p" "$1" | head -n 1
}

# Copy the pom's runtime dependencies into $2 unless $2 already holds them for this exact pom.
# A marker with the pom's sha256 makes this idempotent; a lock serialises concurrent fetches (in a
# subshell, so the lock is not inherited by a broker exec'd later) and the copy lands in a temp dir
# first, so a half-finished download is never mistaken for a cache.
svc_fetch() {
  local pom="$1" dest="$2"
  svc_require java mvn sha256sum
  mkdir -p "$(dirname "$dest")"
  (
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    svc_fetch_unlocked "$pom" "$dest"
  ) 9>"$dest.lock"
}

svc_fetch_unlocked() {
  local pom="$1" dest="$2" sum tmp
  sum="$(sha256sum "$pom" | cut -d' ' -f1)"
  [[ "$(cat "$dest/.pom-sha256" 2>/dev/null)" == "$sum" ]] && return 0
  tmp="$(mktemp -d "$dest.tmp.XXXXXX")"
  echo "fetching jars for $pom into $dest (Maven caches downloads in ~/.m2)" >&2
  # Output only on failure: quiet Maven 3.8 still prints stray ANSI resets.
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    svc_die "mvn could not resolve the dependencies of $pom"
  fi
  rm -f "$tmp.log"
  echo "$sum" >"$tmp/.pom-sha256"
  rm -rf "$dest"
  mv "$tmp" "$dest"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
svc_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Wait up to $3 seconds for port $1 to open while pid $2 lives; on failure show the log $4.
svc_wait_port() {
  local port="$1" pid="$2" timeout="$3" log="$4" deadline=$((SECONDS + $3))
  until svc_port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2 || true
      svc_die "process $pid exited before port $port opened (log: $log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$log" >&2 || true
      svc_die "port $port not open after ${timeout}s (log: $log)"
    fi
    sleep 0.2
  done
}

# Wait up to $3 seconds for a line matching the grep pattern $2 in log $1 (a readiness message).
svc_wait_log() {
  local log="$1" pattern="$2" timeout="$3" deadline=$((SECONDS + $3))
  until grep -q "$pattern" "$log"; do
    if ((SECONDS >= deadline)); then
      tail -n 40 "$log" >&2 || true
      svc_die "no '$pattern' in $log after ${timeout}s"
    fi
    sleep 0.2
  done
}

# `start`: refuses a port that is already in use, calls the sourcing script's cmd_fetch (so the
# timeout does not include a download), runs `bash SCRIPT run ARGS…` in the background (output in
# LOG, pid in PIDFILE) and waits up to TIMEOUT seconds for PORT to open.
#   svc_start_background PORT LOG PIDFILE TIMEOUT SCRIPT [ARGS…]
svc_start_background() {
  local port="$1" log="$2" pidfile="$3" timeout="$4" script="$5" pid
  shift 5
  svc_port_open "$port" && svc_die "port $port is already in use"
  cmd_fetch
  mkdir -p "$(dirname "$log")" "$(dirname "$pidfile")"
  nohup bash "$script" run "$@" >"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pidfile"
  svc_wait_port "$port" "$pid" "$timeout" "$log"
}

# SIGTERM the pid in file $1, SIGKILL after $2 seconds; remove the pid file. No-op when absent.
svc_stop_pidfile() {
  local pidfile="$1" grace="${2:-30}" pid deadline
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
}

# The command line of a service script: `fetch|run|start|stop ARGS…` calls the sourcing script's
# cmd_fetch / cmd_run / cmd_start / cmd_stop; anything else prints the usage (lines $1 of the
# script, a sed range such as 2,13) and exits 2.
#   svc_main USAGE_LINES "$@"
svc_main() {
  local usage="$1" cmd="${2:-}"
  shift
  (($#)) && shift
  case "$cmd" in
    fetch | run | start | stop) "cmd_$cmd" "$@" ;;
    *)
      sed -n "${usage}p" "$0" >&2
      exit 2
      ;;
  esac
}
