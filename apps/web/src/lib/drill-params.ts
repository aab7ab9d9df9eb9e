import { useSearchParams } from 'react-router';

/** What a drill-down link (from the cockpit) carries to a module page: a region code and a year. */
export interface DrillParams {
  regionCode?: string;
  year?: number;
}

/**
 * The region (`region`, a region code) and year (`year`, 2000–2100) of an address; a missing or
 * malformed value is left out, so the page keeps its own default (the reader's region, this year).
 */
export function readDrillParams(params: URLSearchParams): DrillParams {
  const region = params.get('region');
  const year = Number(params.get('year'));
  return {
    ...(region && /^[0-9A-Za-z-]{1,20}$/.test(region) ? { regionCode: region } : {}),
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
  };
}

/** The drill-down region and year of the current address, read once for a page's first state. */
export function useDrillParams(): DrillParams & { params: URLSearchParams } {
  const [params] = useSearchParams();
  return { ...readDrillParams(params), params };
}
