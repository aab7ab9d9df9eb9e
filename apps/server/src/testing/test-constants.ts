/** The audit HMAC key of every test database. */
export const testAuditKey = Buffer.alloc(32, 7);
/** The moment test databases were seeded: a Monday in term time, 2026-03-02 09:00 Beijing time. */
export const testEpoch = new Date('2026-03-02T01:00:00.000Z');
/** The text of every login CAPTCHA a test app draws (the app is given it; the image is real). */
export const testCaptchaText = 'K7PQ';
