import type { ReportWindow } from '@tuijin/contracts';
import type { TFunction } from 'i18next';

/**
 * The report form's submit button: "提交审核" while the window is open (or late), "M月D日开放报送"
 * before it opens (`state` is the server's, judged on the China date). Month and day are read from
 * the `YYYY-MM-DD` string itself, not through a Date, so the browser's time zone cannot move the day.
 */
export function reportSubmitLabel(
  window: Pick<ReportWindow, 'state' | 'opensOn'> | null,
  t: TFunction,
): string {
  if (window?.state !== 'notOpen') return t('reports.form.submit');
  return t('reportForm.opensOn', {
    month: Number(window.opensOn.slice(5, 7)),
    day: Number(window.opensOn.slice(8, 10)),
  });
}
