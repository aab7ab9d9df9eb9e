import { useSearchParams } from 'react-router';

/** What a drill-down link (from the cockpit or a bulletin) carries to a module page: a region code, a year, a day. */
export interface DrillParams {
  regionCode?: string;
  year?: number;
  /** A day (`date`, YYYY-MM-DD), as a daily bulletin's figure links to the day's records. */
  date?: string;
}

/**
 * The region (`region`, a region code), year (`year`, 2000–2100) and day (`date`, a real calendar day) of an address; a missing or
 * malformed value is left out, so the page keeps its own default (the reader's region, this year).
 */
export function readDrillParams(params: URLSearchParams): DrillParams {
  const region = params.get('region');
  const year = Number(params.get('year'));
  const date = params.get('date');
  const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  return {
    ...(region && /^[0-9A-Za-z-]{1,20}$/.test(region) ? { regionCode: region } : {}),
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(day && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date ? { date } : {}),
  };
}

/** The drill-down region and year of the current address, read once for a page's first state. */
export function useDrillParams(): DrillParams & { params: URLSearchParams } {
  const [params] = useSearchParams();
  return { ...readDrillParams(params), params };
}
