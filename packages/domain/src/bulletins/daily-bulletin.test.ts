import { describe, expect, it } from 'vitest';
import { defaultBulletinTemplate } from './bulletin-template';
import {
  checkDailyBulletinSettings,
  chinaTimeOfDay,
  completeBulletinTemplate,
  dailyBulletinDue,
  defaultDailyBulletinSettings,
} from './daily-bulletin';

describe('一日一通报 on a timer', () => {
  const on = { ...defaultDailyBulletinSettings, enabled: true, at: '17:30' };

  it.each([
    ['2026-12-07T09:29:59Z', '17:29'],
    ['2026-12-07T09:30:00Z', '17:30'],
    ['2026-12-07T16:05:00Z', '00:05'],
  ])('%s is %s in China', (instant, time) => {
    expect(chinaTimeOfDay(new Date(instant))).toBe(time);
  });

  it.each([
    ['before the time', on, '17:29', true, false],
    ['at the time', on, '17:30', true, true],
    ['later the same evening', on, '21:00', true, true],
    ['on a holiday', on, '18:00', false, false],
    ['switched off', { ...on, enabled: false }, '18:00', true, false],
  ])('%s', (_label, settings, time, workingDay, due) => {
    expect(dailyBulletinDue(settings, time, workingDay)).toBe(due);
  });

  it.each([['24:00'], ['7:30'], ['17:60'], ['']])('refuses the time %j on its field', (at) => {
    expect(() => checkDailyBulletinSettings({ ...on, at })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ path: 'at' })],
      }),
    );
  });
});

describe('the daily template', () => {
  const office = { issuer: '宁德市重点项目建设办公室', prefix: '宁重点办通报' };

  it('opens with the site day and the stopped projects, switched on', () => {
    const daily = defaultBulletinTemplate('daily', office);
    expect(daily.sections.slice(0, 2).map((s) => [s.key, s.enabled])).toEqual([
      ['siteDay', true],
      ['stoppedProjects', true],
    ]);
    expect(daily.sections[0]!.lead).toContain('{在岗人数}');
  });

  it('offers them switched off in the monthly and weekly ones', () => {
    for (const kind of ['monthly', 'weekly'] as const) {
      const sections = defaultBulletinTemplate(kind, office).sections;
      expect(sections.filter((s) => s.key === 'siteDay' || s.key === 'stoppedProjects')).toEqual([
        expect.objectContaining({ key: 'siteDay', enabled: false }),
        expect.objectContaining({ key: 'stoppedProjects', enabled: false }),
      ]);
    }
  });

  it('completes an older stored template with the new sections switched off, keeping the office’s', () => {
    const built = defaultBulletinTemplate('daily', office);
    const older = { ...built, title: '本地标题', sections: built.sections.slice(2) };
    const completed = completeBulletinTemplate(older);
    expect(completed.title).toBe('本地标题');
    expect(completed.sections.slice(0, older.sections.length)).toEqual(older.sections);
    expect(completed.sections.slice(older.sections.length).map((s) => [s.key, s.enabled])).toEqual([
      ['siteDay', false],
      ['stoppedProjects', false],
    ]);
    expect(completeBulletinTemplate(built)).toBe(built);
  });
});
