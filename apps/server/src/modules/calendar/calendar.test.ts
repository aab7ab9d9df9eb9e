import { addWorkingDays, workingDeadline } from '@tuijin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { loadHolidayCalendar } from './calendar';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('holiday calendar', () => {
  it('shows a year of official days off and make-up workdays to anyone signed in', async () => {
    const county = await t.as('jiaocheng');
    const year = (await county.get('/api/calendar?year=2025')).body;
    expect(year.isKnown).toBe(true);
    expect(year.days).toContainEqual({
      date: '2025-10-01',
      kind: 'holiday',
      name: '国庆节',
      source: 'package',
    });
    expect(year.days).toContainEqual(
      expect.objectContaining({ date: '2025-10-11', kind: 'workday', source: 'package' }),
    );
    expect((await county.get('/api/calendar?year=1999')).status).toBe(400);
  });

  it('lets the system admin enter a year the package does not know, which deadlines then use', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/calendar?year=2030')).body.isKnown).toBe(false);
    // Not entered yet: weekends and 1–3 Oct only, marked provisional — Fri 4 (1), Mon 7 … Thu 10 (5).
    expect(workingDeadline('2030-09-30', 5, await loadHolidayCalendar(t.db))).toEqual({
      on: '2030-10-10',
      isProvisional: true,
    });
    for (const date of ['2030-10-01', '2030-10-02', '2030-10-03', '2030-10-04', '2030-10-07']) {
      expect(
        (await admin.put(`/api/calendar/overrides/${date}`, { kind: 'holiday', name: '国庆节' })).status,
      ).toBe(200);
    }
    const saturday = await admin.put('/api/calendar/overrides/2030-10-12', {
      kind: 'workday',
      name: '国庆节调休上班',
    });
    expect(saturday.body.isKnown).toBe(true);
    expect(saturday.body.days).toContainEqual({
      date: '2030-10-12',
      kind: 'workday',
      name: '国庆节调休上班',
      source: 'override',
    });
    // Mon 30 Sep; 1–4 and 7 Oct off; Tue 8 (1), Wed 9 (2), Thu 10 (3), Fri 11 (4), Sat 12 make-up (5).
    expect(addWorkingDays('2030-09-30', 5, await loadHolidayCalendar(t.db))).toBe('2030-10-12');
  });

  it('keeps the merged calendar between reads and reads it again after an edit or a removal', async () => {
    const admin = await t.as('admin');
    const kept = await loadHolidayCalendar(t.db);
    expect(await loadHolidayCalendar(t.db)).toBe(kept);
    expect(kept.holidays.has('2031-03-03')).toBe(false);
    await admin.put('/api/calendar/overrides/2031-03-03', { kind: 'holiday', name: '试行假日' });
    const edited = await loadHolidayCalendar(t.db);
    expect(edited.holidays.has('2031-03-03')).toBe(true);
    expect(addWorkingDays('2031-03-02', 1, edited)).toBe('2031-03-04');
    await t.call(admin.cookie, 'DELETE', '/api/calendar/overrides/2031-03-03');
    expect((await loadHolidayCalendar(t.db)).holidays.has('2031-03-03')).toBe(false);
  });

  it('overrides an official day and restores it, with both changes in the audit log', async () => {
    const admin = await t.as('admin');
    const changed = await admin.put('/api/calendar/overrides/2025-10-08', { kind: 'workday', name: null });
    expect(changed.body.days).toContainEqual({
      date: '2025-10-08',
      kind: 'workday',
      name: null,
      source: 'override',
    });
    const restored = await t.call(admin.cookie, 'DELETE', '/api/calendar/overrides/2025-10-08');
    expect(restored.body.days).toContainEqual(
      expect.objectContaining({ date: '2025-10-08', kind: 'holiday', source: 'package' }),
    );
    expect((await t.call(admin.cookie, 'DELETE', '/api/calendar/overrides/2025-10-08')).status).toBe(404);
    const auditor = await t.as('auditor');
    const events = (await auditor.get('/api/audit-events?entityType=calendar&entityId=2025-10-08')).body.data;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'calendar.override.delete',
      'calendar.override.set',
    ]);
    expect(events[1].changes.kind).toEqual({ before: 'holiday', after: 'workday' });
  });

  it('refuses changes from anyone but the system admin, and a malformed date', async () => {
    expect(
      (
        await (
          await t.as('ningde')
        ).put('/api/calendar/overrides/2030-05-01', { kind: 'holiday', name: '劳动节' })
      ).status,
    ).toBe(403);
    expect(
      (await (await t.as('admin')).put('/api/calendar/overrides/2030-13-01', { kind: 'holiday', name: null }))
        .status,
    ).toBe(400);
    expect(
      (await (await t.as('admin')).put('/api/calendar/overrides/2030-05-01', { kind: 'vacation' })).status,
    ).toBe(400);
  });
});
