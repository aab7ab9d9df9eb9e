import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { loginCaptchas } from '../../db/schema';

/** Characters a CAPTCHA is drawn from: no 0/O, 1/I/L that a person cannot tell apart. */
export const captchaAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const captchaLength = 4;
/** How long an issued CAPTCHA can be answered. */
export const captchaLifetimeMinutes = 5;

/** Draws a CAPTCHA text from the operating system's random source. */
export function randomCaptchaText(): string {
  return Array.from({ length: captchaLength }, () => captchaAlphabet[randomInt(captchaAlphabet.length)]).join(
    '',
  );
}

// The package's default export draws a given text (its `create` would pick the text with Math.random).
const drawCaptcha = svgCaptcha as unknown as (text: string, options: object) => string;

/** The CAPTCHA's answer as stored: an HMAC over its id and the upper-cased text, under a key derived from the audit key. */
function answerHash(auditKey: Buffer, id: string, answer: string): Buffer {
  const key = createHmac('sha256', auditKey).update('tuijin login captcha').digest();
  return createHmac('sha256', key).update(`${id}:${answer.trim().toUpperCase()}`).digest();
}

/**
 * Issues a login CAPTCHA (issue 20 item 6): an SVG image drawn offline, its answer kept only as an
 * HMAC with an expiry, answerable once. Issuing is not audited (it changes nothing a person owns);
 * what it is used for — the login — is. Expired CAPTCHAs older than a day are deleted here.
 */
export async function issueCaptcha(
  deps: { db: Queryable; clock: Clock; auditKey: Buffer },
  text: string = randomCaptchaText(),
): Promise<{ id: string; svg: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + captchaLifetimeMinutes * 60_000);
  const id = crypto.randomUUID();
  await deps.db
    .delete(loginCaptchas)
    .where(lt(loginCaptchas.expiresAt, new Date(now.getTime() - 86_400_000)));
  await deps.db.insert(loginCaptchas).values({
    id,
    answerHash: answerHash(deps.auditKey, id, text).toString('hex'),
    createdAt: now,
    expiresAt,
  });
  const svg = drawCaptcha(text, { width: 132, height: 44, fontSize: 48, noise: 3, color: false });
  return { id, svg, expiresAt };
}

/**
 * Uses up a CAPTCHA and says whether the answer was right (case-insensitive). An unknown, expired
 * or already used one is wrong; a right or wrong answer both use it, so each image gets one guess.
 */
export async function consumeCaptcha(
  db: Queryable,
  auditKey: Buffer,
  input: { id: string; answer: string; now: Date },
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) return false;
  const [row] = await db
    .update(loginCaptchas)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(loginCaptchas.id, input.id),
        isNull(loginCaptchas.usedAt),
        gt(loginCaptchas.expiresAt, input.now),
      ),
    )
    .returning({ answerHash: loginCaptchas.answerHash });
  if (!row) return false;
  const stored = Buffer.from(row.answerHash, 'hex');
  const given = answerHash(auditKey, input.id, input.answer);
  return stored.length === given.length && timingSafeEqual(stored, given);
}
