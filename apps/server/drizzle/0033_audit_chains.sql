ALTER TABLE "audit_events" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "request_hash" text;--> statement-breakpoint
CREATE INDEX "audit_events_chain_idx" ON "audit_events" USING btree ("chain","id");--> statement-breakpoint
-- Audit chains (issue 18 item 4): appends spread over a few parallel hash chains instead of queuing
-- on one lock. This returns the chain the calling transaction appends to and that chain's last hash.
-- A transaction keeps the chain it took first (a transaction-local setting), so all its events link
-- in one chain, in order. It takes the first chain whose lock is free, starting from a random one;
-- when every chain is taken it waits for a random one. The locks are transaction-scoped: a chain is
-- free again at commit or rollback. The head is read after the lock is held, in a new snapshot, so
-- it is the chain's last committed event.
CREATE FUNCTION tuijin_audit_chain_head(p_chains int) RETURNS TABLE(chain int, hash text)
LANGUAGE plpgsql AS $$
DECLARE
  taken text := current_setting('tuijin.audit_chain', true);
  picked int;
  first int;
BEGIN
  IF taken IS NOT NULL AND taken <> '' THEN
    picked := taken::int;
  ELSE
    first := floor(random() * p_chains)::int;
    FOR i IN 0 .. p_chains - 1 LOOP
      IF pg_try_advisory_xact_lock(7243002, (first + i) % p_chains) THEN
        picked := (first + i) % p_chains;
        EXIT;
      END IF;
    END LOOP;
    IF picked IS NULL THEN
      picked := first;
      PERFORM pg_advisory_xact_lock(7243002, picked);
    END IF;
    PERFORM set_config('tuijin.audit_chain', picked::text, true);
  END IF;
  RETURN QUERY SELECT picked, (SELECT e.hash FROM audit_events e WHERE e.chain = picked ORDER BY e.id DESC LIMIT 1);
END $$;
