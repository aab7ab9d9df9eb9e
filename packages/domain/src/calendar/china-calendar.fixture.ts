import type { HolidayCalendar } from './working-days';

/** `days('2025-10', [1, 2])` → ['2025-10-01', '2025-10-02']. */
const days = (month: string, dayNumbers: number[]) =>
  dayNumbers.map((day) => `${month}-${String(day).padStart(2, '0')}`);

const named = (name: string, dates: string[]) => dates.map((date) => [date, name] as const);

/**
 * The official 2025 and 2026 arrangements, written out by hand for tests. Sources: 国办发明电〔2024〕12号
 * (https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm) and the 2026 notice
 * (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm); it agrees day for day with the
 * `chinese-days` package data the server uses.
 */
const holidays2025 = [
  ...named('元旦', ['2025-01-01']),
  ...named('春节', [...days('2025-01', [28, 29, 30, 31]), ...days('2025-02', [1, 2, 3, 4])]),
  ...named('清明', days('2025-04', [4, 5, 6])),
  ...named('劳动节', days('2025-05', [1, 2, 3, 4, 5])),
  ...named('端午', [...days('2025-05', [31]), ...days('2025-06', [1, 2])]),
  ...named('国庆节', days('2025-10', [1, 2, 3, 4, 5, 7, 8])),
  ...named('中秋', ['2025-10-06']),
];
const workdays2025 = [
  ...named('春节调休上班', ['2025-01-26', '2025-02-08']),
  ...named('劳动节调休上班', ['2025-04-27']),
  ...named('国庆节调休上班', ['2025-09-28', '2025-10-11']),
];
const holidays2026 = [
  ...named('元旦', days('2026-01', [1, 2, 3])),
  ...named('春节', days('2026-02', [15, 16, 17, 18, 19, 20, 21, 22, 23])),
  ...named('清明', days('2026-04', [4, 5, 6])),
  ...named('劳动节', days('2026-05', [1, 2, 3, 4, 5])),
  ...named('端午', days('2026-06', [19, 20, 21])),
  ...named('中秋', days('2026-09', [25, 26, 27])),
  ...named('国庆节', days('2026-10', [1, 2, 3, 4, 5, 6, 7])),
];
const workdays2026 = [
  ...named('元旦调休上班', ['2026-01-04']),
  ...named('春节调休上班', ['2026-02-14', '2026-02-28']),
  ...named('劳动节调休上班', ['2026-05-09']),
  ...named('国庆节调休上班', ['2026-09-20', '2026-10-10']),
];

export const china2025And2026: HolidayCalendar = {
  holidays: new Set([...holidays2025, ...holidays2026].map(([date]) => date)),
  workdays: new Set([...workdays2025, ...workdays2026].map(([date]) => date)),
  holidayNames: new Map([...holidays2025, ...workdays2025, ...holidays2026, ...workdays2026]),
  knownYears: new Set([2025, 2026]),
};
