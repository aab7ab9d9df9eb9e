import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notificationDeliveries, notifications, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { channelAdapter, dingTalkSignature } from './channel-adapters';
import { deliverNotifications, maxDeliveryAttempts } from './deliver-notifications';
import { startFakeWebhook } from './fake-webhook.fixture';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const message = { title: '月报即将截止', text: '项目「A」3月月报将于 2026-03-25 截止', phone: '13800000000' };
const options = (timeoutMs = 2_000) => ({ timeoutMs, now: () => new Date('2026-03-02T01:00:00Z') });

describe('channel adapters against a local fake endpoint', () => {
  it('posts a DingTalk text message signed with timestamp and HMAC-SHA256 sign', async () => {
    const hook = await startFakeWebhook();
    try {
      await channelAdapter(
        { kind: 'dingtalk', url: `${hook.url}?access_token=abc`, secret: 'SECabc' },
        options(),
      ).send(message);
      const [request] = hook.received;
      expect(request?.method).toBe('POST');
      expect(request?.body).toEqual({
        msgtype: 'text',
        text: { content: '月报即将截止\n项目「A」3月月报将于 2026-03-25 截止' },
      });
      const query = new URL(request!.url, 'http://x').searchParams;
      const timestamp = new Date('2026-03-02T01:00:00Z').getTime();
      expect(query.get('access_token')).toBe('abc');
      expect(query.get('timestamp')).toBe(String(timestamp));
      const expected = createHmac('sha256', 'SECabc').update(`${timestamp}\nSECabc`).digest('base64');
      expect(query.get('sign')).toBe(expected);
      expect(dingTalkSignature('SECabc', timestamp)).toBe(expected);
    } finally {
      await hook.close();
    }
  });

  it('sends DingTalk unsigned without a secret, and treats a non-zero errcode as failure', async () => {
    const hook = await startFakeWebhook([
      { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } },
    ]);
    try {
      await expect(
        channelAdapter({ kind: 'dingtalk', url: hook.url, secret: null }, options()).send(message),
      ).rejects.toThrow('errcode 310000：sign not match');
      expect(hook.received[0]?.url).toBe('/hook');
    } finally {
      await hook.close();
    }
  });

  it('posts a WeCom markdown message', async () => {
    const hook = await startFakeWebhook();
    try {
      await channelAdapter({ kind: 'wecom', url: hook.url, secret: null }, options()).send(message);
      expect(hook.received[0]?.body).toEqual({
        msgtype: 'markdown',
        markdown: { content: '**月报即将截止**\n项目「A」3月月报将于 2026-03-25 截止' },
      });
    } finally {
      await hook.close();
    }
  });

  it('posts {phone, text} to an SMS gateway with a bearer token, and fails on HTTP 500', async () => {
    const hook = await startFakeWebhook([{ status: 200 }, { status: 500, body: { error: 'down' } }]);
    try {
      const sms = channelAdapter({ kind: 'sms', url: hook.url, secret: 'tok-1' }, options());
      await sms.send(message);
      expect(hook.received[0]?.headers.authorization).toBe('Bearer tok-1');
      expect(hook.received[0]?.body).toEqual({
        phone: '13800000000',
        text: '月报即将截止：项目「A」3月月报将于 2026-03-25 截止',
      });
      await expect(sms.send(message)).rejects.toThrow('HTTP 500');
      await expect(sms.send({ ...message, phone: null })).rejects.toThrow('未登记手机号');
    } finally {
      await hook.close();
    }
  });

  it('uses up a delivery at once when the SMS recipient has no mobile number', async () => {
    const hook = await startFakeWebhook();
    try {
      const admin = await t.as('admin');
      const sms = (
        await admin.post('/api/notification-channels', { name: '短信', kind: 'sms', url: hook.url })
      ).body;
      const [leader] = await t.db.select().from(users).where(eq(users.username, 'leader1'));
      await t.db.update(users).set({ phone: null }).where(eq(users.id, leader!.id));
      const [note] = await t.db
        .insert(notifications)
        .values({
          userId: leader!.id,
          kind: 'report.awaitingReview',
          params: { count: 1, date: '2026-03-02' },
          dedupeKey: 'test:no-phone',
          createdAt: t.clock.now(),
        })
        .returning();
      const outcome = await deliverNotifications(t.db, { now: () => t.clock.now(), timeoutMs: 2_000 });
      expect(outcome).toMatchObject({ failed: 1, retrying: 0 });
      const [delivery] = await t.db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.notificationId, note!.id));
      expect(delivery).toMatchObject({
        status: 'failed',
        attempts: maxDeliveryAttempts,
        lastError: '收件人未登记手机号',
      });
      expect(hook.received).toHaveLength(0);
      await admin.patch(`/api/notification-channels/${sms.id}`, { version: 0, enabled: false });
    } finally {
      await hook.close();
    }
  });

  it('gives up after the timeout when the endpoint never answers', async () => {
    const hook = await startFakeWebhook([{ status: 200, hang: true }]);
    try {
      await expect(
        channelAdapter({ kind: 'wecom', url: hook.url, secret: null }, options(300)).send(message),
      ).rejects.toThrow('超时');
    } finally {
      await hook.close();
    }
  });
});

describe('channel administration', () => {
  it('lets the system admin add, list, edit and disable a channel; the secret is never returned', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/notification-channels', {
      name: '重点办钉钉群',
      kind: 'dingtalk',
      url: 'http://127.0.0.1:9/robot/send?access_token=x',
      secret: 'SEC-very-secret',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: '重点办钉钉群',
      kind: 'dingtalk',
      hasSecret: true,
      enabled: true,
    });
    expect(JSON.stringify(created.body)).not.toContain('SEC-very-secret');

    const listed = await admin.get('/api/notification-channels');
    expect(JSON.stringify(listed.body)).not.toContain('SEC-very-secret');
    expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(created.body.id);

    const renamed = await admin.patch(`/api/notification-channels/${created.body.id}`, {
      version: created.body.version,
      name: '重点办工作群',
      secret: 'SEC-new',
    });
    expect(renamed.body).toMatchObject({ name: '重点办工作群', hasSecret: true, version: 1 });
    const stale = await admin.patch(`/api/notification-channels/${created.body.id}`, {
      version: 0,
      enabled: false,
    });
    expect(stale.status).toBe(409);
    const disabled = await admin.patch(`/api/notification-channels/${created.body.id}`, {
      version: 1,
      enabled: false,
    });
    expect(disabled.body).toMatchObject({ enabled: false, version: 2 });
    const cleared = await admin.patch(`/api/notification-channels/${created.body.id}`, {
      version: 2,
      secret: null,
    });
    expect(cleared.body.hasSecret).toBe(false);

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.body.id))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => e.action)).toEqual([
      'notificationChannel.create',
      'notificationChannel.update',
      'notificationChannel.disable',
      'notificationChannel.update',
    ]);
    expect(JSON.stringify(events)).not.toContain('SEC-');
    expect(events[1]?.changes).toMatchObject({ name: { before: '重点办钉钉群', after: '重点办工作群' } });
  });

  it('refuses a non-http URL, unknown fields and a missing name with 400', async () => {
    const admin = await t.as('admin');
    const ftp = await admin.post('/api/notification-channels', {
      name: 'x',
      kind: 'wecom',
      url: 'ftp://10.0.0.1/x',
    });
    expect(ftp.status).toBe(400);
    expect(JSON.stringify(ftp.body)).toContain('http');
    expect(
      (
        await admin.post('/api/notification-channels', {
          name: 'x',
          kind: 'wecom',
          url: 'javascript:alert(1)',
        })
      ).status,
    ).toBe(400);
    expect(
      (await admin.post('/api/notification-channels', { name: 'x', kind: 'fax', url: 'http://127.0.0.1/x' }))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/notification-channels', {
          name: 'x',
          kind: 'sms',
          url: 'http://127.0.0.1/x',
          extra: 1,
        })
      ).status,
    ).toBe(400);
    expect(
      (await admin.post('/api/notification-channels', { name: ' ', kind: 'sms', url: 'http://127.0.0.1/x' }))
        .status,
    ).toBe(400);
  });

  it('answers 401 signed out, 403 to everyone but the system admin, 404 for an unknown channel', async () => {
    expect((await t.call(null, 'GET', '/api/notification-channels')).status).toBe(401);
    for (const username of ['ningde', 'jiaocheng', 'owner1', 'security', 'auditor', 'supervisor']) {
      const person = await t.as(username);
      expect((await person.get('/api/notification-channels')).status).toBe(403);
      expect(
        (
          await person.post('/api/notification-channels', {
            name: 'x',
            kind: 'sms',
            url: 'http://127.0.0.1/x',
          })
        ).status,
      ).toBe(403);
      expect((await person.get('/api/reminder-settings')).status).toBe(403);
    }
    const admin = await t.as('admin');
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await admin.patch(`/api/notification-channels/${missing}`, { version: 0 })).status).toBe(404);
    expect((await admin.post(`/api/notification-channels/${missing}/test`, {})).status).toBe(404);
  });

  it('test-sends through a channel and reports the failure reason', async () => {
    const hook = await startFakeWebhook([{ status: 200, body: { errcode: 0 } }, { status: 500 }]);
    try {
      const admin = await t.as('admin');
      const channel = (
        await admin.post('/api/notification-channels', { name: '企业微信测试', kind: 'wecom', url: hook.url })
      ).body;
      const ok = await admin.post(`/api/notification-channels/${channel.id}/test`, { text: '你好' });
      expect(ok.body).toEqual({ ok: true, error: null });
      expect(hook.received[0]?.body).toEqual({
        msgtype: 'markdown',
        markdown: { content: '**推进 测试消息**\n你好' },
      });
      const failed = await admin.post(`/api/notification-channels/${channel.id}/test`, {});
      expect(failed.body.ok).toBe(false);
      expect(failed.body.error).toContain('HTTP 500');
      await admin.patch(`/api/notification-channels/${channel.id}`, { version: 0, enabled: false });
    } finally {
      await hook.close();
    }
  });
});

describe('delivery of notifications to channels', () => {
  it('records pending → failed on HTTP 500, retries on the next run, and stops after the last attempt', async () => {
    const hook = await startFakeWebhook([{ status: 500 }, { status: 200, body: { errcode: 0 } }]);
    const broken = await startFakeWebhook([{ status: 503 }]);
    try {
      // Channels receive only notifications created since they were configured.
      t.clock.advance(60_000);
      const admin = await t.as('admin');
      const good = (
        await admin.post('/api/notification-channels', {
          name: '钉钉',
          kind: 'dingtalk',
          url: hook.url,
          secret: 'S',
        })
      ).body;
      const bad = (
        await admin.post('/api/notification-channels', { name: '坏网关', kind: 'wecom', url: broken.url })
      ).body;
      const [owner] = await t.db.select().from(users).where(eq(users.username, 'owner1'));
      const [note] = await t.db
        .insert(notifications)
        .values({
          userId: owner!.id,
          kind: 'report.late',
          params: { projectName: '测试项目', year: 2026, month: 2, dueOn: '2026-02-25' },
          dedupeKey: 'test:delivery',
          createdAt: t.clock.now(),
        })
        .returning();
      const deliveriesOf = () =>
        t.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, note!.id));
      const run = () => deliverNotifications(t.db, { now: () => t.clock.now(), timeoutMs: 2_000 });

      const first = await run();
      expect(first).toMatchObject({ sent: 0, retrying: 2 });
      const afterFirst = await deliveriesOf();
      expect(afterFirst.find((d) => d.channelId === good.id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('HTTP 500'),
      });
      const second = await run();
      expect(second.sent).toBe(1);
      expect((await deliveriesOf()).find((d) => d.channelId === good.id)).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
      });
      expect(hook.received).toHaveLength(2);
      expect(hook.received[1]?.body).toEqual({
        msgtype: 'text',
        text: {
          content:
            '月报已逾期\n黄建华：项目「测试项目」2026年2月月报已过截止日 2026-02-25 仍未报送，请尽快补报。',
        },
      });
      expect(new URL(hook.received[1]!.url, 'http://x').searchParams.get('sign')).toBeTruthy();

      for (let i = 0; i < maxDeliveryAttempts + 2; i++) await run();
      const last = (await deliveriesOf()).find((d) => d.channelId === bad.id);
      expect(last).toMatchObject({ status: 'failed', attempts: maxDeliveryAttempts });
      expect(broken.received).toHaveLength(maxDeliveryAttempts);
      expect(hook.received).toHaveLength(2);
      await admin.patch(`/api/notification-channels/${good.id}`, { version: 0, enabled: false });
      await admin.patch(`/api/notification-channels/${bad.id}`, { version: 0, enabled: false });
    } finally {
      await hook.close();
      await broken.close();
    }
  });
});
