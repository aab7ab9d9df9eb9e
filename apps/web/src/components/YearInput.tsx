import { InputNumber } from 'antd';

/**
 * The year picker of the yearly pages (funds, factors' quotas, promotion, bank matchmaking, events):
 * a whole year from 2000 to 2100 with its label in front. A cleared field answers `null`; the page
 * decides what that means (this year, or the server's default).
 */
export function YearInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange: (year: number | null) => void;
}) {
  return (
    <InputNumber
      aria-label={label}
      addonBefore={label}
      min={2000}
      max={2100}
      precision={0}
      value={value}
      onChange={(year) => onChange(year ?? null)}
      style={{ width: 160 }}
    />
  );
}
