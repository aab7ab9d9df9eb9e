import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query string as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * A local stand-in for a DingTalk/WeCom robot or an SMS gateway: an HTTP server on 127.0.0.1 at a
 * random port that records each request and answers from a script of statuses (the last repeats).
 * `hang` makes it never answer, to exercise timeouts. Nothing leaves the machine.
 */
export async function startFakeWebhook(
  script: { status: number; body?: unknown; hang?: boolean }[] = [
    { status: 200, body: { errcode: 0, errmsg: 'ok' } },
  ],
) {
  const received: ReceivedRequest[] = [];
  let step = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // not JSON: keep the text
      }
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const answer = script[Math.min(step, script.length - 1)]!;
      step += 1;
      if (answer.hang) return;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
