#!/usr/bin/env bash
# Single-node Kafka broker (KRaft: broker + controller in one JVM) on loopback for integration
# tests, run from Maven Central jars (see pom.xml) — no Docker, no Kafka tarball.
#
#   kafka.sh fetch                                            jars into the cache (idempotent)
#   kafka.sh run   [--port 9092] [--controller-port P] [--dir DIR]   configure, format, exec java
#   kafka.sh start [--port 9092] [--controller-port P] [--dir DIR]   run in background until ready
#   kafka.sh stop  [--port 9092] [--dir DIR]
#
# `start` prints the bootstrap address (127.0.0.1:PORT). --controller-port defaults to PORT+1 and
# --dir to $TMPDIR/livepeer-analytics-kafka-PORT; data, config, log and pid file live there.
# Env: LPA_SERVICES_CACHE (jar cache root, default ~/.cache/livepeer-analytics),
#      KAFKA_HEAP_OPTS (default -Xmx512m -Xms128m), KAFKA_START_TIMEOUT (seconds, default 90).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/service.sh
source "$HERE/../lib/service.sh"

POM="$HERE/pom.xml"
VERSION="$(svc_pom_property "$POM" kafka.version)"
LIBS="$(svc_cache_root)/kafka-$VERSION/libs"

PORT=9092
CONTROLLER_PORT=""
DIR=""

parse_args() {
  while (($#)); do
    case "$1" in
      --port) PORT="$2"; shift 2 ;;
      --controller-port) CONTROLLER_PORT="$2"; shift 2 ;;
      --dir) DIR="$2"; shift 2 ;;
      *) svc_die "unknown option '$1'" ;;
    esac
  done
  CONTROLLER_PORT="${CONTROLLER_PORT:-$((PORT + 1))}"
  DIR="${DIR:-${TMPDIR:-/tmp}/livepeer-analytics-kafka-$PORT}"
}

write_server_properties() {
  # Internal topics get one partition and replica: a single broker, and a first consumer group
  # that joins in well under a second instead of waiting for 50 offsets partitions.
  cat >"$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DIR/data
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

write_log4j2_properties() {
  # Warnings only, plus the one INFO line `start` waits for.
  cat >"$DIR/log4j2.properties" <<'PROPS'
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stdout.ref = STDOUT
logger.raftserver.name = kafka.server.KafkaRaftServer
logger.raftserver.level = info
PROPS
}

# A Kafka cluster id: 16 random bytes, base64url without padding; Kafka rejects a leading '-'.
random_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && break
  done
  printf '%s\n' "$id"
}

format_storage() {
  [[ -f "$DIR/data/meta.properties" ]] && return 0
  # A short-lived JVM: C1 only and serial GC start faster on a 2-core CI machine.
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LIBS/*" \
    -Dlog4j2.configurationFile="$DIR/log4j2.properties" \
    kafka.tools.StorageTool format --ignore-formatted \
    -t "$(random_cluster_id)" -c "$DIR/server.properties" >/dev/null
}

cmd_fetch() {
  svc_fetch "$POM" "$LIBS"
}

cmd_run() {
  parse_args "$@"
  cmd_fetch
  mkdir -p "$DIR/data"
  write_server_properties
  write_log4j2_properties
  format_storage
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of JVM flags
  exec java ${KAFKA_HEAP_OPTS:--Xmx512m -Xms128m} -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$DIR/log4j2.properties" \
    -cp "$LIBS/*" kafka.Kafka "$DIR/server.properties"
}

cmd_start() {
  parse_args "$@"
  local log="$DIR/kafka.log" timeout="${KAFKA_START_TIMEOUT:-90}"
  svc_start_background "$PORT" "$log" "$DIR/kafka.pid" "$timeout" "$HERE/kafka.sh" \
    --port "$PORT" --controller-port "$CONTROLLER_PORT" --dir "$DIR"
  # The listener opens before the broker has caught up with the metadata log; wait for that too.
  svc_wait_log "$log" 'Kafka Server started' "$timeout"
  echo "127.0.0.1:$PORT"
}

cmd_stop() {
  parse_args "$@"
  svc_stop_pidfile "$DIR/kafka.pid" 30
}

svc_main 2,13 "$@"
