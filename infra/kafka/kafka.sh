#!/usr/bin/env bash
# Local single-node Kafka (KRaft, broker+controller in one JVM) for development and CI.
# No Docker, no tarball: the broker's jars come from Maven Central through pom.xml beside
# this script and are cached once per machine. Needs java 17+ and mvn on PATH.
#
#   infra/kafka/kafka.sh start|stop|restart|status|reset|logs [-f]
#
# Environment (all optional):
#   KAFKA_PORT             client listener port            (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller listener port  (default 9093)
#   LEADWIRE_CACHE         cache root          (default ${XDG_CACHE_HOME:-~/.cache}/leadwire)
#   KAFKA_DATA_DIR         data, config, logs  (default $LEADWIRE_CACHE/kafka-data)
#   KAFKA_HEAP_OPTS        JVM heap            (default -Xmx768m -Xms768m)
#   KAFKA_JVM_PERFORMANCE_OPTS  GC flags       (default G1, as Kafka's own scripts)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer (default 90)
#   KAFKA_STOP_TIMEOUT     seconds to wait for a controlled shutdown (default 30)
set -euo pipefail

KAFKA_VERSION=4.4.0 # keep in step with kafka.version in pom.xml

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
cache=${LEADWIRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/leadwire}
libs="$cache/kafka-$KAFKA_VERSION/libs"
data=${KAFKA_DATA_DIR:-$cache/kafka-data}
log_dirs="$data/kraft-combined-logs"
pid_file="$data/kafka.pid"
server_log="$data/server.log"
jvm_out="$data/kafka.out"
start_timeout=${KAFKA_START_TIMEOUT:-90}
stop_timeout=${KAFKA_STOP_TIMEOUT:-30}

say() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java (17+) not found on PATH and JAVA_HOME is not set"
  fi
}

check_java() {
  local java version major
  java=$(java_bin)
  version=$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  major=${version%%.*}
  [ "$major" = 1 ] && major=$(printf '%s' "$version" | cut -d. -f2)
  case $major in
    '' | *[!0-9]*) say "warning: could not read the java version ('$version'); Kafka $KAFKA_VERSION needs 17+" ;;
    *) [ "$major" -ge 17 ] || die "Kafka $KAFKA_VERSION needs java 17+, found $version ($java)" ;;
  esac
}

# True when something on 127.0.0.1:$port answers a Kafka Metadata request (v4, no topics)
# with at least one broker. Pure bash (/dev/tcp), no JVM. The data-plane listener of a
# KRaft broker only processes requests once the broker has registered and been unfenced,
# so this is also the readiness check.
broker_answers() {
  local hex
  hex=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    # size=23 | api_key=3 (Metadata) | version=4 | correlation_id=0x4c570001 |
    # client_id="kafka.sh" | topics=[] | allow_auto_topic_creation=false
    printf '\x00\x00\x00\x17\x00\x03\x00\x04\x4c\x57\x00\x01\x00\x08kafka.sh\x00\x00\x00\x00\x00' >&3
    # response: size | correlation_id | throttle_time_ms | number of brokers
    timeout 5 head -c 16 <&3 | od -An -v -tx1 | tr -d ' \n'
  ) || return 1
  [ "${#hex}" -eq 32 ] || return 1
  [ "${hex:8:8}" = 4c570001 ] || return 1
  [ $((16#${hex:24:8})) -ge 1 ]
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Pid of the broker this script started, if it still runs.
running_pid() {
  local pid
  [ -f "$pid_file" ] || return 1
  pid=$(cat "$pid_file" 2>/dev/null) || return 1
  case $pid in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled pid: it must be our kafka.Kafka JVM.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  printf '%s\n' "$pid"
}

with_lock() {
  mkdir -p "$cache"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$cache/kafka.lock"
    flock -w 300 9 || die "could not lock $cache/kafka.lock"
  fi
}

fetch_jars() {
  if [ -f "$libs/.complete" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (needed once to fetch the Kafka jars)"
  say "fetching Kafka $KAFKA_VERSION jars from Maven Central into $libs (once per machine)"
  local tmp="$libs.tmp.$$" mvn_log
  mvn_log=$(mktemp)
  rm -rf "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies \
    "-Dkafka.libs.dir=$tmp" >"$mvn_log" 2>&1; then
    cat "$mvn_log" >&2
    rm -rf "$tmp" "$mvn_log"
    die "mvn could not fetch the Kafka jars"
  fi
  rm -f "$mvn_log"
  [ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ] || die "mvn ran but $tmp/kafka_2.13-$KAFKA_VERSION.jar is missing"
  touch "$tmp/.complete"
  rm -rf "$libs"
  mkdir -p "$(dirname "$libs")"
  mv "$tmp" "$libs"
}

write_config() {
  mkdir -p "$data" "$log_dirs"
  cat >"$data/server.properties" <<EOF
# Written by infra/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$log_dirs

# Topics are created explicitly (by the services' admin step), never by a typo.
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=3

# Single node: every replication factor / min ISR is 1, or groups, transactions and
# share groups fail with "coordinator not available".
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=10

# No 3 s wait on every consumer group join.
group.initial.rebalance.delay.ms=0

# After an unclean stop (SIGKILL, crash) the restarted broker cannot register until the
# old registration's session expires (default 9 s); with one in-process node a shorter
# session costs nothing.
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000

# Small machine (2 cores), little traffic.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.retention.hours=24
log.segment.bytes=67108864
log.retention.check.interval.ms=300000
EOF

  cat >"$data/log4j2.properties" <<EOF
# Written by infra/kafka/kafka.sh on every start.
name = leadwire-kafka
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = $server_log
appender.file.filePattern = $server_log.%i
appender.file.append = true
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 10MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3

rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file

# Chatty at INFO and of little use locally (AbstractConfig: a full config dump per
# component; server.properties beside this file says what was set, and unknown keys
# are still reported at WARN).
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.cleaner.name = kafka.log.LogCleaner
logger.cleaner.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
logger.netclient.name = kafka.server.NodeToControllerRequestThread
logger.netclient.level = WARN
EOF
}

java_opts() {
  # Word splitting of the *_OPTS variables is intended (several flags in one variable).
  # shellcheck disable=SC2086
  printf '%s\n' ${KAFKA_HEAP_OPTS:--Xmx768m -Xms768m} \
    ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError} \
    -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$data/log4j2.properties" \
    "-Dkafka.logs.dir=$data"
}

format_storage() {
  [ -f "$log_dirs/meta.properties" ] && return 0
  local java cluster_id
  java=$(java_bin)
  cluster_id=$("$java" -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>>"$jvm_out" | tail -n1)
  [ -n "$cluster_id" ] || die "kafka.tools.StorageTool random-uuid printed nothing (see $jvm_out)"
  say "formatting KRaft storage in $log_dirs (cluster id $cluster_id)"
  "$java" -Dlog4j2.configurationFile="$data/log4j2.properties" -cp "$libs/*" \
    kafka.tools.StorageTool format --standalone --ignore-formatted \
    -t "$cluster_id" -c "$data/server.properties" >>"$jvm_out" 2>&1 ||
    { tail -n 20 "$jvm_out" >&2; die "formatting the KRaft storage failed"; }
}

show_log_tail() {
  if [ -f "$server_log" ]; then
    say "last lines of $server_log:"
    tail -n 40 "$server_log" >&2
  fi
  if [ -s "$jvm_out" ]; then
    say "last lines of $jvm_out (JVM stdout/stderr):"
    tail -n 20 "$jvm_out" >&2
  fi
}

cmd_start() {
  with_lock
  local pid
  if broker_answers; then
    if pid=$(running_pid); then
      say "already running (pid $pid), answering on 127.0.0.1:$port"
    else
      say "a Kafka broker already answers on 127.0.0.1:$port (not started by this script); reusing it"
    fi
    return 0
  fi
  if ! pid=$(running_pid); then
    if port_open "$port" || port_open "$controller_port"; then
      die "127.0.0.1:$port or :$controller_port is taken by something that does not answer as a Kafka broker"
    fi
    check_java
    fetch_jars
    write_config
    format_storage
    local java started opts
    java=$(java_bin)
    mapfile -t opts < <(java_opts)
    started=$(date +%s%N)
    printf '\n=== %s starting Kafka %s\n' "$(date -Is)" "$KAFKA_VERSION" >>"$jvm_out"
    # A broker that was killed (SIGKILL, machine reset) leaves its pid file behind; the
    # wait below must see the new JVM's pid, not mistake the stale one for a dead start.
    rm -f "$pid_file"
    # setsid: own session, so a Ctrl-C or the end of the calling job does not hit it.
    # The inner shell writes its own pid, then exec keeps that pid for the JVM.
    # 9>&- : the broker must not inherit the start lock.
    # shellcheck disable=SC2016 # expanded by the inner shell
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-start "$pid_file" \
      "$java" "${opts[@]}" -cp "$libs/*" kafka.Kafka "$data/server.properties" \
      </dev/null >>"$jvm_out" 2>&1 9>&- &
    # Wait for the pid file from the inner shell.
    for _ in $(seq 50); do [ -s "$pid_file" ] && break; sleep 0.1; done
    pid=$(cat "$pid_file" 2>/dev/null || true)
    say "started Kafka $KAFKA_VERSION (pid ${pid:-?}), data in $data; waiting for it to answer on 127.0.0.1:$port"
  else
    local started
    started=$(date +%s%N)
    say "broker started by this script is up (pid $pid) but not answering yet; waiting"
  fi
  local deadline=$((SECONDS + start_timeout))
  while ! broker_answers; do
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail
      rm -f "$pid_file"
      die "the broker exited during startup"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      show_log_tail
      die "the broker did not answer on 127.0.0.1:$port within ${start_timeout}s (still running as pid $pid; 'kafka.sh stop' to end it)"
    fi
    sleep 0.5
  done
  local ms=$((($(date +%s%N) - started) / 1000000))
  say "ready on 127.0.0.1:$port after $((ms / 1000)).$(printf '%03d' $((ms % 1000)))s (pid $pid)"
}

cmd_stop() {
  with_lock
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    if broker_answers; then
      say "not started by this script (no live pid in $pid_file), but a broker answers on 127.0.0.1:$port; leaving it alone"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping Kafka (pid $pid), waiting up to ${stop_timeout}s for a controlled shutdown"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + stop_timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "still running after ${stop_timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$pid_file"
  say "stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    if broker_answers; then
      echo "running (pid $pid), answering on 127.0.0.1:$port, data in $data"
    else
      echo "starting or unhealthy (pid $pid), not answering on 127.0.0.1:$port yet"
    fi
    return 0
  fi
  if broker_answers; then
    echo "a broker answers on 127.0.0.1:$port, not started by this script"
    return 0
  fi
  echo "not running"
  return 3
}

cmd_reset() {
  cmd_stop
  case $data in
    '' | / | "$HOME" | "$HOME/") die "refusing to delete data dir '$data'" ;;
  esac
  say "deleting $data"
  rm -rf "$data"
}

cmd_logs() {
  [ -f "$server_log" ] || die "no log yet at $server_log"
  if [ "${1:-}" = -f ]; then
    exec tail -n 100 -F "$server_log"
  fi
  tail -n "${LOG_LINES:-100}" "$server_log"
}

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") start|stop|restart|status|reset|logs [-f]
  start    start a local Kafka $KAFKA_VERSION on 127.0.0.1:$port (reuses one that answers)
  stop     stop the broker started by this script
  restart  stop, then start
  status   say whether it runs (exit 3 when not)
  reset    stop and delete the data dir ($data)
  logs     last lines of $server_log ('logs -f' follows it)
EOF
}

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) (cmd_stop) && cmd_start ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  logs) shift; cmd_logs "$@" ;;
  -h | --help | help) usage ;;
  *) usage; exit 2 ;;
esac
