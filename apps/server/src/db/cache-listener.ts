import pg from 'pg';
import { applyCacheChange, cacheChannel, forgetCachedReadings, parseCacheChange } from '../lib/process-cache';

/** A running listener; `stop` ends its connection and any reconnect. */
export interface CacheListener {
  stop(): Promise<void>;
}

/**
 * Listens on PostgreSQL for the changes other processes announce (`announceChange`) and forgets
 * them here. A lost connection is reopened with backoff (1 s doubling to 30 s); every (re)connection
 * forgets all kept readings, since changes made while it was down were not heard.
 */
export function startCacheListener(
  connection: pg.ClientConfig,
  onError: (error: Error) => void = () => {},
): CacheListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 1_000;
  let timer: NodeJS.Timeout | null = null;

  const reconnectLater = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  async function connect() {
    if (stopped) return;
    const next = new pg.Client(connection);
    client = next;
    next.on('notification', (message) => {
      const change = message.channel === cacheChannel ? parseCacheChange(message.payload) : null;
      if (change) applyCacheChange(change);
    });
    next.on('error', (error) => {
      onError(error);
      if (client === next) client = null;
      next.end().catch(() => {});
      reconnectLater();
    });
    next.on('end', () => {
      if (client !== next) return;
      client = null;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`listen ${cacheChannel}`);
      if (stopped) {
        await next.end();
        return;
      }
      retryMs = 1_000;
      forgetCachedReadings();
    } catch (error) {
      onError(error as Error);
      if (client === next) client = null;
      next.end().catch(() => {});
      reconnectLater();
    }
  }

  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
