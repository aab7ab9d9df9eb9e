import type { Clock } from '../context';

const dayMs = 86_400_000;
const chinaOffsetMs = 8 * 3_600_000;

/**
 * The clock a demo step acts on: the scripted moment (`10:00 today`, say), or — when the demo loads
 * before that moment, at 02:00 on the day — a moment just before the load. Nothing the demo records
 * lies in the future of the person who opens it. Steps moved back keep their order: the later in the
 * day a step was scripted, the closer to the load it lands (a day pressed into 86 seconds).
 */
export function demoClock(scripted: Date, real: Clock): Clock {
  return { now: () => notAfter(scripted, real.now()) };
}

/** `scripted`, or a moment before `now` that keeps scripted steps in order; see {@link demoClock}. */
export function notAfter(scripted: Date, now: Date): Date {
  if (scripted.getTime() <= now.getTime()) return scripted;
  const chinaMs = scripted.getTime() + chinaOffsetMs;
  const untilMidnight = dayMs - (((chinaMs % dayMs) + dayMs) % dayMs);
  return new Date(now.getTime() - Math.max(1, Math.round(untilMidnight / 1000)));
}
