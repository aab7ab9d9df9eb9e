import type { Dayjs } from 'dayjs';

/** A picked date as the API's `YYYY-MM-DD`, or null when none was picked. */
export const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
