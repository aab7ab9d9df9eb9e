#!/usr/bin/env bash
# Point-in-time recovery drill with pgBackRest (issue 19), on a throw-away PostgreSQL 15 cluster on a
# loopback port — never the shared server. It follows scripts/ha/pgbackrest/recipe.sh: WAL archiving
# into a repository, stanza-create, check, a full backup, Tuijin's schema (`tuijin migrate`) and rows
# written before and after a chosen moment, then a restore with --type=time to that moment. It passes
# when the rows before the moment are back, the rows after it are not, and the migrated schema with
# its audit trigger is intact. Bounded (DRILL_TIMEOUT seconds, default 420) and cleans up after itself.
#
#   scripts/ha/pitr-drill.sh            (as root or as the postgres user; needs pgbackrest and PostgreSQL 15)
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${DRILL_PORT:-55439}
TIMEOUT=${DRILL_TIMEOUT:-420}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if [[ -z "${PITR_DRILL_INNER:-}" ]]; then
  export PITR_DRILL_INNER=1
  exec timeout --kill-after=10 "$TIMEOUT" "$0" "$@"
fi

command -v pgbackrest >/dev/null || { echo "pgbackrest 未安装（Debian：apt-get install -y pgbackrest）" >&2; exit 2; }
[[ -x "$PGBIN/pg_ctl" ]] || { echo "找不到 $PGBIN/pg_ctl（PostgreSQL 15）" >&2; exit 2; }

WORK=$(mktemp -d /tmp/tuijin-pitr.XXXXXX)
chmod 755 "$WORK"
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ $(id -u) -eq 0 ]] && chown postgres: "$WORK"

started=$(date +%s)
step() { printf '[%3ss] %s\n' "$(($(date +%s) - started))" "$*"; }
CONF="$WORK/pgbackrest.conf"
BR=(pgbackrest "--config=$CONF" --stanza=tuijin)
URL="postgres://postgres@127.0.0.1:$PORT/tuijin"
psql_q() { as_pg psql -X -q -At -h "$WORK" -p "$PORT" -d tuijin -c "$1"; }

step "initdb 与 WAL 归档配置（端口 $PORT，目录 $WORK）"
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust --no-sync >/dev/null
as_pg mkdir -p "$WORK/log" "$WORK/lock" "$WORK/repo"
as_pg tee "$CONF" >/dev/null <<EOF
[global]
repo1-path=$WORK/repo
repo1-retention-full=2
compress-type=zst
start-fast=y
log-path=$WORK/log
lock-path=$WORK/lock
log-level-console=warn

[tuijin]
pg1-path=$WORK/pg
pg1-port=$PORT
pg1-socket-path=$WORK
EOF
as_pg tee -a "$WORK/pg/postgresql.conf" >/dev/null <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=tuijin archive-push %p'
archive_timeout = 60
EOF
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start >/dev/null
as_pg "$PGBIN/createdb" -h "$WORK" -p "$PORT" tuijin

step "Tuijin 的数据库结构（tuijin migrate）"
(cd "$ROOT" && DATABASE_URL=$URL TUIJIN_DATA_DIR="$WORK/app" npx tuijin migrate >/dev/null)

step "stanza-create、check、全量备份"
as_pg "${BR[@]}" stanza-create
as_pg "${BR[@]}" check
as_pg "${BR[@]}" --type=full backup

step "备份之后、目标时刻之前写入"
psql_q "create table pitr_drill (note text primary key, at timestamptz not null default now())"
psql_q "insert into pitr_drill (note) values ('before-1'), ('before-2')"
migrations=$(psql_q "select count(*) from drizzle.__drizzle_migrations")
sleep 1
target=$(psql_q "select now()")
sleep 1
step "目标时刻 $target 之后的“误操作”"
psql_q "insert into pitr_drill (note) values ('after')"
psql_q "delete from pitr_drill where note = 'before-2'"
psql_q "select pg_switch_wal()" >/dev/null
# Wait until the segment holding the mistake is archived.
for _ in $(seq 1 30); do
  archived=$(psql_q "select coalesce(last_archived_wal, '') from pg_stat_archiver")
  current=$(psql_q "select pg_walfile_name(pg_current_wal_lsn())")
  [[ -n "$archived" && "$archived" < "$current" ]] && break
  sleep 1
done

step "停止并按时间点恢复（--type=time --target=\"$target\"）"
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null
as_pg "${BR[@]}" --delta --type=time "--target=$target" --target-action=promote restore
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 60 start >/dev/null
for _ in $(seq 1 30); do
  [[ $(psql_q "select pg_is_in_recovery()") == f ]] && break
  sleep 1
done

rows=$(psql_q "select string_agg(note, ',' order by note) from pitr_drill")
migrations_after=$(psql_q "select count(*) from drizzle.__drizzle_migrations")
trigger=$(psql_q "select count(*) from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal")
elapsed=$(($(date +%s) - started))
step "恢复后：pitr_drill = $rows；迁移 $migrations_after/$migrations；audit_events 触发器 $trigger 个"

if [[ "$rows" == "before-1,before-2" && "$migrations_after" == "$migrations" && "$trigger" -gt 0 ]]; then
  echo "PITR 演练通过：恢复到 $target，目标时刻前的行都在，之后的插入与删除都未出现（用时 ${elapsed} s）"
else
  echo "PITR 演练失败：期望 pitr_drill = before-1,before-2，实际 $rows" >&2
  exit 1
fi
