#!/usr/bin/env bash
# Installs what the scale-out integration test and queue benchmark need:
# Debian's PostgreSQL server (initdb and pg_ctl; the tests start their own
# throwaway server, never the system one) and nats-server (JetStream).
# PostGIS is optional: with MARSAD_POSTGIS=1 it is installed too, and the
# PostgreSQL store's tests then cover its bounding-box path as well.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || need+=(nats-server)
if [ "${MARSAD_POSTGIS:-0}" = 1 ] && ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  need+=(postgresql-15-postgis-3)
fi
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing ${need[*]} from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
