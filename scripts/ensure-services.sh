#!/usr/bin/env bash
# Starts what the tests talk to — PostgreSQL, Redis — and installs Debian's chromium for the browser tests.
# Idempotent; each step is skipped when its service is already there.
set -uo pipefail

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "mullet: starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if command -v psql >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  if ! psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='mullet_test'" postgres 2>/dev/null | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -c 'create database mullet_test' postgres >/dev/null 2>&1 || true
  fi
fi

if command -v redis-server >/dev/null 2>&1 && ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "mullet: starting Redis" >&2
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis \
    --logfile /var/log/redis/ci.log >&2 || true
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "mullet: installing Debian chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2 \
      || echo "mullet: could not install chromium; browser tests will fail" >&2
  else
    echo "mullet: /usr/bin/chromium is missing and apt-get is not usable; install Debian's chromium" >&2
  fi
fi
exit 0
