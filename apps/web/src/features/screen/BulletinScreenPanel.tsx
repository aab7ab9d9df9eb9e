import type { ScreenBulletin } from '@tuijin/contracts';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel, screenColours } from './ScreenPanels';

const row: CSSProperties = { height: 28, borderBottom: `1px solid ${screenColours.border}` };
const cell: CSSProperties = { padding: '0 6px', whiteSpace: 'nowrap' };
const dash = (value: string | null, suffix = '') => (value === null ? '—' : `${value}${suffix}`);

/** 通报晾晒: the issued bulletin's title and 文号, its headline figures and the region ranking. */
export function BulletinScreenPanel({ data, style }: { data: ScreenBulletin; style?: CSSProperties }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('screen.bulletin.title')} testId="screen-bulletin" style={style}>
      <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.3 }}>{data.title}</div>
      <div style={{ fontSize: 16, color: screenColours.muted, margin: '4px 0 10px' }}>
        {t('screen.bulletin.serial', { serial: data.serial ?? '—', date: data.issuedOn ?? '—' })}
      </div>
      <div style={{ display: 'flex', gap: 20, minHeight: 0 }}>
        {data.headline && (
          <table style={{ width: 340, flex: 'none', fontSize: 17, borderCollapse: 'collapse' }}>
            <tbody>
              {data.headline.map((f) => (
                <tr key={f.label} style={row}>
                  <td style={{ ...cell, color: screenColours.muted }}>{f.label}</td>
                  <td style={{ ...cell, textAlign: 'right', fontWeight: 600 }}>
                    {dash(f.value)}
                    <span style={{ fontSize: 13, marginLeft: 2 }}>{f.value !== null && f.unit}</span>
                  </td>
                  <td style={{ ...cell, textAlign: 'right', fontSize: 13, color: screenColours.muted }}>
                    {f.yearOnYear !== null && t('screen.bulletin.yearOnYear', { value: f.yearOnYear })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.regions && (
          <table style={{ flex: 1, fontSize: 17, borderCollapse: 'collapse' }}>
            <thead>
              <tr style={{ ...row, color: screenColours.muted }}>
                <th style={{ ...cell, textAlign: 'left' }}>{t('screen.bulletin.rank')}</th>
                <th style={{ ...cell, textAlign: 'left' }}>{t('screen.bulletin.region')}</th>
                <th style={{ ...cell, textAlign: 'right' }}>{t('screen.bulletin.completionRate')}</th>
                <th style={{ ...cell, textAlign: 'right' }}>{t('screen.bulletin.progressGap')}</th>
              </tr>
            </thead>
            <tbody>
              {data.regions.map((r) => (
                <tr key={r.name} style={row}>
                  <td style={cell}>{r.rank ?? '—'}</td>
                  <td style={cell}>{r.name}</td>
                  <td style={{ ...cell, textAlign: 'right' }}>{dash(r.completionRate, '%')}</td>
                  <td style={{ ...cell, textAlign: 'right' }}>{dash(r.progressGap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {data.redBlack && (
        <div style={{ fontSize: 17, marginTop: 10 }}>
          <span style={{ color: screenColours.red }}>
            {t('screen.bulletin.red', {
              quarter: data.redBlack.quarter,
              names: data.redBlack.red.map((l) => l.name).join('、') || '—',
            })}
          </span>
          <span style={{ color: screenColours.black, marginLeft: 24 }}>
            {t('screen.bulletin.black', { names: data.redBlack.black.map((l) => l.name).join('、') || '—' })}
          </span>
        </div>
      )}
    </Panel>
  );
}
