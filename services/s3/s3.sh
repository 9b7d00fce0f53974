#!/usr/bin/env bash
# S3-compatible server (S3Proxy, filesystem backend) on loopback for integration tests, run from
# the Maven Central jar (see pom.xml). Path-style URLs, AWS SigV2/SigV4, fixed credentials —
# what ClickHouse's s3() table function and the AWS SDKs expect.
#
#   s3.sh fetch                               jar into the cache (idempotent)
#   s3.sh run   [--port 9000] [--dir DIR]     configure, exec java (foreground)
#   s3.sh start [--port 9000] [--dir DIR]     run in background until the port answers
#   s3.sh stop  [--port 9000] [--dir DIR]
#
# `start` prints the endpoint (http://127.0.0.1:PORT). --dir defaults to
# $TMPDIR/livepeer-analytics-s3-PORT; buckets are directories under DIR/data.
# Env: S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (default testkit / testkit-secret),
#      LPA_SERVICES_CACHE (jar cache root, default ~/.cache/livepeer-analytics),
#      S3_HEAP_OPTS (default -Xmx256m), S3_START_TIMEOUT (seconds, default 60).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/service.sh
source "$HERE/../lib/service.sh"

POM="$HERE/pom.xml"
VERSION="$(svc_pom_property "$POM" s3proxy.version)"
LIBS="$(svc_cache_root)/s3proxy-$VERSION/libs"

PORT=9000
DIR=""

parse_args() {
  while (($#)); do
    case "$1" in
      --port) PORT="$2"; shift 2 ;;
      --dir) DIR="$2"; shift 2 ;;
      *) svc_die "unknown option '$1'" ;;
    esac
  done
  DIR="${DIR:-${TMPDIR:-/tmp}/livepeer-analytics-s3-$PORT}"
}

write_config() {
  cat >"$DIR/s3proxy.conf" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3_ACCESS_KEY_ID:-testkit}
s3proxy.credential=${S3_SECRET_ACCESS_KEY:-testkit-secret}
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DIR/data
PROPS
}

cmd_fetch() {
  svc_fetch "$POM" "$LIBS"
}

cmd_run() {
  parse_args "$@"
  cmd_fetch
  mkdir -p "$DIR/data"
  write_config
  # S3Proxy's bundled logback.xml reads LOG_LEVEL.
  # shellcheck disable=SC2086 # S3_HEAP_OPTS is a list of JVM flags
  LOG_LEVEL="${LOG_LEVEL:-warn}" exec java ${S3_HEAP_OPTS:--Xmx256m} -Djava.awt.headless=true \
    -jar "$LIBS/s3proxy-$VERSION-jar-with-dependencies.jar" --properties "$DIR/s3proxy.conf"
}

cmd_start() {
  parse_args "$@"
  # Jetty opens the connector last, so an open port means S3Proxy serves requests.
  svc_start_background "$PORT" "$DIR/s3proxy.log" "$DIR/s3proxy.pid" "${S3_START_TIMEOUT:-60}" \
    "$HERE/s3.sh" --port "$PORT" --dir "$DIR"
  echo "http://127.0.0.1:$PORT"
}

cmd_stop() {
  parse_args "$@"
  svc_stop_pidfile "$DIR/s3proxy.pid" 15
}

svc_main 2,15 "$@"
