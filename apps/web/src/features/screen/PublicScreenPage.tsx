import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BulletinScreenPanel } from './BulletinScreenPanel';
import {
  FiguresPanel,
  MapPanel,
  RankingPanel,
  RedCountsPanel,
  ScreenHeader,
  screenColours,
  screenShell,
} from './ScreenPanels';
import { ScreenStage } from './ScreenStage';
import { usePublicScreen } from './screen.queries';

/**
 * 公开大屏: what the region's office published, to anyone without logging in — only the published
 * panels, all of them totals (no project is named).
 */
export default function PublicScreenPage() {
  const { t } = useTranslation();
  const { regionCode = '' } = useParams();
  const screen = usePublicScreen(regionCode);
  const data = screen.data;
  const shown = new Set(data?.panels ?? []);
  const left = shown.has('figures') || shown.has('redCounts');
  const right = shown.has('ranking');
  const bulletin = data?.bulletin ?? null;
  const centre = shown.has('map') || bulletin !== null;
  // With neither the map, the bulletin nor the ranking, the figures and the red counts share the width.
  const leftOnly = left && !centre && !right;
  const columns = leftOnly
    ? ['1fr']
    : [left ? '560px' : null, centre ? '1fr' : null, right ? '560px' : null].filter(Boolean);
  return (
    <ScreenStage>
      <div style={screenShell} data-testid="public-screen">
        <ScreenHeader
          title={t('screen.publicTitle', { region: data?.region.name ?? '' })}
          generatedAt={data?.generatedAt}
        />
        {!data && (
          <div style={{ fontSize: 28, color: screenColours.muted }} data-testid="public-screen-empty">
            {screen.isError ? t('screen.notPublished') : t('screen.loading')}
          </div>
        )}
        {data && (
          <div
            style={{
              flex: 1,
              minHeight: 0,
              display: 'grid',
              gridTemplateColumns: columns.join(' ') || '1fr',
              gap: 16,
            }}
          >
            {left && (
              <div
                style={{ display: 'flex', flexDirection: leftOnly ? 'row' : 'column', gap: 16, minHeight: 0 }}
              >
                {data.figures && (
                  <div style={{ flex: leftOnly ? 1 : undefined, display: 'flex', flexDirection: 'column' }}>
                    <FiguresPanel data={data.figures} />
                  </div>
                )}
                {data.redCounts && (
                  <div style={{ flex: leftOnly ? 1 : undefined, display: 'flex', flexDirection: 'column' }}>
                    <RedCountsPanel data={data.redCounts} />
                  </div>
                )}
              </div>
            )}
            {centre && (
              <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minHeight: 0, minWidth: 0 }}>
                {data.map && <MapPanel data={data.map} height={bulletin ? 400 : 820} />}
                {bulletin && <BulletinScreenPanel data={bulletin} style={{ flex: 1 }} />}
              </div>
            )}
            {right && <RankingPanel data={data.ranking ?? null} />}
          </div>
        )}
      </div>
    </ScreenStage>
  );
}
