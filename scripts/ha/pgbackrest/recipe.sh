#!/usr/bin/env bash
# The pgBackRest recipe for Tuijin's PostgreSQL, step by step (run the lines by hand as root on the
# database host; scripts/ha/pitr-drill.sh runs the same steps against a throw-away cluster).
set -euo pipefail
exit 0 # a recipe to read, not to run blindly

# 1. Install and configure.
apt-get install -y pgbackrest
install -o postgres -g postgres -m 640 scripts/ha/pgbackrest/pgbackrest.conf /etc/pgbackrest/pgbackrest.conf
install -o postgres -g postgres -d -m 750 /var/lib/pgbackrest
cp scripts/ha/pgbackrest/postgresql-archiving.conf /etc/postgresql/15/main/conf.d/archiving.conf
systemctl restart postgresql@15-main

# 2. Create the stanza and check that WAL reaches the repository.
sudo -u postgres pgbackrest --stanza=tuijin stanza-create
sudo -u postgres pgbackrest --stanza=tuijin check

# 3. Backups (cron as postgres): a full one on Sunday, a differential on the other nights.
#    30 1 * * 0   pgbackrest --stanza=tuijin --type=full backup
#    30 1 * * 1-6 pgbackrest --stanza=tuijin --type=diff backup
sudo -u postgres pgbackrest --stanza=tuijin --type=full backup
sudo -u postgres pgbackrest --stanza=tuijin info

# 4. Point-in-time recovery: stop the servers that write (every tuijin instance, then PostgreSQL),
#    restore to just before the mistake (Beijing time here), and promote when the target is reached.
systemctl stop tuijin postgresql@15-main
sudo -u postgres pgbackrest --stanza=tuijin --delta \
  --type=time "--target=2026-12-07 14:29:00+08" --target-action=promote restore
systemctl start postgresql@15-main
# 5. Check before letting users in: the audit chain and the counts.
sudo -u tuijin npx tuijin backup --out /srv/tuijin-backups/after-pitr   # writes and verifies
systemctl start tuijin
