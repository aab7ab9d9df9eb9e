import { SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicationDrawer } from './PublicationDrawer';
import {
  FiguresPanel,
  MapPanel,
  OverduePanel,
  RankingPanel,
  RedCountsPanel,
  RedProjectsPanel,
  ScreenHeader,
  screenColours,
  screenShell,
} from './ScreenPanels';
import { ScreenStage } from './ScreenStage';
import { useScreen } from './screen.queries';

/**
 * 大屏: the command room's 1920×1080 read-only view of the jurisdiction — headline figures, ranking,
 * red projects, overdue problems and the map — refreshed every 60 s, outside the app's menu shell.
 */
export default function ScreenPage() {
  const { t } = useTranslation();
  const screen = useScreen();
  const [publishing, setPublishing] = useState(false);
  const data = screen.data;
  const title = t('screen.title', { region: data?.region.name ?? '' });
  return (
    <ScreenStage>
      <div style={screenShell} data-testid="screen">
        <ScreenHeader
          title={title}
          generatedAt={data?.generatedAt}
          extra={
            data?.canPublish && (
              <Button
                ghost
                icon={<SettingOutlined />}
                style={{ marginLeft: 24 }}
                onClick={() => setPublishing(true)}
                data-testid="screen-publish-open"
              >
                {t('screen.publish.open')}
              </Button>
            )
          }
        />
        {!data && (
          <div style={{ fontSize: 28, color: screenColours.muted }}>
            {screen.isError ? t('screen.loadFailed') : t('screen.loading')}
          </div>
        )}
        {data && (
          <div
            style={{
              flex: 1,
              minHeight: 0,
              display: 'grid',
              gridTemplateColumns: '500px 1fr 500px',
              gridTemplateRows: '560px 1fr',
              gap: 16,
            }}
          >
            <div
              style={{ gridRow: '1 / 3', display: 'flex', flexDirection: 'column', gap: 16, minHeight: 0 }}
            >
              {data.figures && <FiguresPanel data={data.figures} />}
              {data.redCounts && <RedCountsPanel data={data.redCounts} />}
            </div>
            <div style={{ gridRow: '1 / 2', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
              {data.map && <MapPanel data={data.map} height={490} />}
            </div>
            <div
              style={{
                gridRow: '2 / 3',
                minHeight: 0,
                display: 'grid',
                gridTemplateColumns: '1fr 1fr',
                gap: 16,
              }}
            >
              <RedProjectsPanel
                data={data.redProjects}
                total={data.redCounts?.counts.red ?? data.redProjects.length}
              />
              <OverduePanel data={data.overdueProblems} />
            </div>
            <div style={{ gridRow: '1 / 3', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
              <RankingPanel data={data.ranking} />
            </div>
          </div>
        )}
        <PublicationDrawer open={publishing} onClose={() => setPublishing(false)} />
      </div>
    </ScreenStage>
  );
}
