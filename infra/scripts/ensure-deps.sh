#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on their default local ports, starting the
# machine's own servers when they are down; says clearly what is missing otherwise.
set -euo pipefail

say() { printf 'leadwire: %s\n' "$*" >&2; }
pg_host=127.0.0.1 pg_port=5432 redis_port=6379

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  return 1
}

if ! port_open $pg_port; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    say "PostgreSQL is down on $pg_host:$pg_port; starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  fi
  wait_port $pg_port || { say "PostgreSQL is not reachable on $pg_host:$pg_port and could not be started (set DATABASE_URL to use another)"; exit 1; }
fi

if ! port_open $redis_port; then
  if command -v redis-server >/dev/null 2>&1; then
    say "Redis is down on 127.0.0.1:$redis_port; starting it"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port $redis_port --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
  fi
  wait_port $redis_port || { say "Redis is not reachable on 127.0.0.1:$redis_port and could not be started (set REDIS_URL to use another)"; exit 1; }
fi
