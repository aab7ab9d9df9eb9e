import type { z } from 'zod';
import type { Endpoint, EndpointName, Endpoints } from './endpoints';
import { endpoints } from './endpoints';

type Present<S> = Exclude<S, undefined>;
type In<S> = Present<S> extends z.ZodType ? z.input<Present<S>> : never;
type Out<T> = T extends z.ZodType ? z.output<T> : never;
type Part<K extends string, S, IsOptional extends boolean> = [Present<S>] extends [never]
  ? object
  : IsOptional extends true
    ? Partial<Record<K, In<S>>>
    : Record<K, In<S>>;

/**
 * What a call takes: path params, query and body as the endpoint declares them. Endpoint fields are
 * optional properties (`body?: B`), so `undefined` is stripped before matching a schema.
 */
export type CallInput<E extends Endpoint> = Part<'params', E['params'], false> &
  Part<'query', E['query'], true> &
  Part<'body', E['body'], false> & { idempotencyKey?: string };

/** What a call answers. */
export type CallOutput<E extends Endpoint> = Out<E['response']>;

/** An error answered by the API, carrying its code so the caller can localise it. */
/** One detail of an error answer: the field or place, the zh-CN text, and optionally a localisable reason. */
export interface ErrorDetailWire {
  path: string;
  message: string;
  issue?: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetailWire[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: () => Record<string, string>;
}

/** Fills `:name` segments of a path from params. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(String(params?.[key] ?? '')));
}

/**
 * The typed API client shared by the web app and the CLI: `client.call('login', { body })`.
 * Non-2xx answers throw {@link ApiError} with the server's code, message and details.
 */
export function createClient(options: ClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl ?? '';
  return {
    async call<N extends EndpointName>(
      name: N,
      input?: CallInput<Endpoints[N]>,
    ): Promise<CallOutput<Endpoints[N]>> {
      const e = endpoints[name] as Endpoint;
      const raw = (input ?? {}) as {
        params?: Record<string, unknown>;
        query?: Record<string, unknown>;
        body?: unknown;
        idempotencyKey?: string;
      };
      let url = baseUrl + buildPath(e.path, raw.params);
      if (raw.query) {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(raw.query)) {
          if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
        }
        const qs = search.toString();
        if (qs) url += `?${qs}`;
      }
      const headers: Record<string, string> = { accept: 'application/json', ...(options.headers?.() ?? {}) };
      if (raw.body !== undefined) headers['content-type'] = 'application/json';
      if (raw.idempotencyKey) headers['idempotency-key'] = raw.idempotencyKey;
      const response = await doFetch(url, {
        method: e.method,
        headers,
        body: raw.body === undefined ? undefined : JSON.stringify(raw.body),
        credentials: 'same-origin',
      });
      const payload = response.status === 204 ? null : await response.json().catch(() => null);
      if (!response.ok) {
        const error = (
          payload as {
            error?: { code?: string; message?: string; details?: ErrorDetailWire[] };
          } | null
        )?.error;
        throw new ApiError(
          response.status,
          error?.code ?? 'INTERNAL',
          error?.message ?? response.statusText,
          error?.details ?? [],
        );
      }
      return payload as CallOutput<Endpoints[N]>;
    },
  };
}
export type Client = ReturnType<typeof createClient>;
