import { createHmac } from 'node:crypto';

/** One message to push out: a title line and the body, plus the person it is for. */
export interface OutgoingMessage {
  title: string;
  text: string;
  /** The recipient's mobile number (used by the SMS gateway; group robots ignore it). */
  phone: string | null;
}

/** A configured webhook, as stored (the secret included — adapters run only on the server). */
export interface ChannelConfig {
  kind: 'dingtalk' | 'wecom' | 'sms';
  url: string;
  secret: string | null;
}

export interface SendOptions {
  /** Abort a request after this long; a gateway that hangs must not hold the job. */
  timeoutMs: number;
  /** Time source for DingTalk's signature timestamp. */
  now: () => Date;
}

/** The interface every outgoing channel implements: send one message or throw why it failed. */
export interface NotificationChannel {
  send(message: OutgoingMessage): Promise<void>;
}

export class ChannelSendError extends Error {
  override name = 'ChannelSendError';
  /** True when retrying cannot help (e.g. the recipient has no mobile number). */
  readonly isPermanent: boolean;
  constructor(message: string, options: { isPermanent?: boolean } = {}) {
    super(message);
    this.isPermanent = options.isPermanent ?? false;
  }
}

export const defaultSendTimeoutMs = 5_000;

/**
 * DingTalk custom robot (自定义机器人): a JSON text message; with a signing secret (加签) the URL
 * carries `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
 * DingTalk answers HTTP 200 with `errcode` ≠ 0 on refusal, which counts as a failure.
 */
export function dingTalkSignature(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

function dingTalkChannel(config: ChannelConfig, options: SendOptions): NotificationChannel {
  return {
    async send(message) {
      const url = new URL(config.url);
      if (config.secret) {
        const timestamp = options.now().getTime();
        url.searchParams.set('timestamp', String(timestamp));
        url.searchParams.set('sign', dingTalkSignature(config.secret, timestamp));
      }
      const body = { msgtype: 'text', text: { content: `${message.title}\n${message.text}` } };
      await postJson(url.toString(), body, {}, options.timeoutMs, true);
    },
  };
}

/** WeCom group robot (企业微信群机器人): a markdown message; `errcode` ≠ 0 is a failure. */
function weComChannel(config: ChannelConfig, options: SendOptions): NotificationChannel {
  return {
    async send(message) {
      const body = {
        msgtype: 'markdown',
        markdown: { content: `**${escapeMarkdown(message.title)}**\n${escapeMarkdown(message.text)}` },
      };
      await postJson(config.url, body, {}, options.timeoutMs, true);
    },
  };
}

/** A generic SMS gateway: POST `{ phone, text }` with `Authorization: Bearer <token>`; any 2xx is success. */
function smsChannel(config: ChannelConfig, options: SendOptions): NotificationChannel {
  return {
    async send(message) {
      if (!message.phone) throw new ChannelSendError('收件人未登记手机号', { isPermanent: true });
      const headers: Record<string, string> = config.secret
        ? { authorization: `Bearer ${config.secret}` }
        : {};
      await postJson(
        config.url,
        { phone: message.phone, text: `${message.title}：${message.text}` },
        headers,
        options.timeoutMs,
        false,
      );
    },
  };
}

/** The adapter for a stored channel. */
export function channelAdapter(config: ChannelConfig, options: SendOptions): NotificationChannel {
  switch (config.kind) {
    case 'dingtalk':
      return dingTalkChannel(config, options);
    case 'wecom':
      return weComChannel(config, options);
    case 'sms':
      return smsChannel(config, options);
  }
}

function escapeMarkdown(value: string): string {
  return value.replace(/([*_`[\]<>])/g, '\\$1');
}

/**
 * POSTs JSON and throws a {@link ChannelSendError} naming the HTTP status, the robot's error code
 * or the network failure. Redirects are not followed: a webhook is called where it was configured.
 */
async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
  checkErrcode: boolean,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError')
      throw new ChannelSendError(`超时（${Math.round(timeoutMs / 1000)} 秒无响应）`);
    const code = (cause as { cause?: { code?: string } }).cause?.code;
    throw new ChannelSendError(`网络错误：${code ?? cause.message}`);
  }
  const raw = await response.text().catch(() => '');
  if (!response.ok)
    throw new ChannelSendError(`HTTP ${response.status}${raw ? `：${raw.slice(0, 200)}` : ''}`);
  if (!checkErrcode) return;
  let parsed: { errcode?: unknown; errmsg?: unknown } | null = null;
  try {
    parsed = JSON.parse(raw) as { errcode?: unknown; errmsg?: unknown };
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed.errcode === 'number' && parsed.errcode !== 0) {
    throw new ChannelSendError(`errcode ${parsed.errcode}：${String(parsed.errmsg ?? '').slice(0, 200)}`);
  }
}
