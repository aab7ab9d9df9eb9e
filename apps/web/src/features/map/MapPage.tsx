import type { MapColourBy, MapIndicator, MapPoint, MapQuery, MapTile } from '@tuijin/contracts';
import { projectStages } from '@tuijin/domain';
import { Alert, Card, Flex, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { registerMap } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { formatAmount } from '../../lib/amount';
import { ProjectFilterBar } from '../projects/ProjectFilterBar';
import { useProjectListParams } from '../projects/project-list-params';
import { BasemapView } from './BasemapView';
import { BoundaryMapControls } from './BoundaryMapControls';
import { useMapBasemap } from './basemap.queries';
import { MapChart, type MapClick } from './MapChart';
import { useMapPoints, useMapRegions, useRegionMap } from './map.queries';
import { geoOption, type MapTexts, stageColours, tileGridOption, warningColours } from './map-options';
import { PointDrawer } from './PointDrawer';

const indicators: MapIndicator[] = ['projectCount', 'totalInvestment', 'completedYtd', 'planCompletionRate'];

/**
 * 挂图作战: the projects of the list's filters as points (by stage, or by warning colour once
 * warnings exist) over the regions shaded by an indicator — the uploaded boundary map when there is
 * one, else a schematic tile grid. Clicking a point opens it; clicking a region narrows to it.
 */
export default function MapPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const params = useProjectListParams();
  const [indicator, setIndicator] = useState<MapIndicator>('projectCount');
  const [colourBy, setColourBy] = useState<MapColourBy>('stage');
  const [opened, setOpened] = useState<MapPoint | null>(null);
  const filters = params.filters as Partial<MapQuery>;
  const points = useMapPoints(filters);
  const regions = useMapRegions(filters);
  const boundary = useRegionMap(params.filters.region);
  const basemap = useMapBasemap();
  const [view, setView] = useState<'basemap' | 'regions'>('basemap');
  const tileUrl = basemap.data?.isConfigured ? basemap.data.tileUrl : null;
  const showBasemap = Boolean(tileUrl) && view === 'basemap';
  const hasWarnings = points.data?.colourSources.warning ?? false;
  const effectiveColourBy = hasWarnings ? colourBy : 'stage';

  const texts: MapTexts = useMemo(
    () => ({
      tileName: (tile: MapTile) =>
        tile.kind === 'regionSelf' ? t('map.self', { name: tile.name }) : tile.name,
      noValue: t('map.noValue'),
      low: t('map.legendLow'),
      high: t('map.legendHigh'),
      pointTooltip: (point: MapPoint) =>
        `${point.name}<br/>${labels.projectStage(point.stage)} · ${t('map.project.investment')} ${formatAmount(point.totalInvestmentWanYuan, { unit: 'wanYuan' })}`,
    }),
    [t, labels],
  );
  const basemapTooltip = useMemo(
    () => (point: MapPoint) =>
      `${point.name}\n${labels.projectStage(point.stage)} · ${t('map.project.investment')} ${formatAmount(point.totalInvestmentWanYuan, { unit: 'wanYuan' })}`,
    [t, labels],
  );
  const pointColour = useMemo(
    () => (point: MapPoint) =>
      effectiveColourBy === 'warning'
        ? warningColours[point.warningColour ?? 'none']
        : stageColours[point.stage],
    [effectiveColourBy],
  );

  const map = boundary.data?.map ?? null;
  const mapName = map ? `tuijin-${map.id}-${params.filters.region ?? ''}` : null;
  const chart = useMemo(() => {
    const tiles = regions.data?.tiles ?? [];
    const data = points.data?.data ?? [];
    if (map && mapName) {
      registerMap(mapName, map.geojson as Parameters<typeof registerMap>[1]);
      const names = new Map(map.geojson.features.map((f) => [f.properties.code, f.properties.name]));
      return {
        kind: 'geo' as const,
        option: geoOption(mapName, names, tiles, data, indicator, pointColour, texts),
        height: 560,
      };
    }
    return { kind: 'tiles' as const, ...tileGridOption(tiles, data, indicator, pointColour, texts) };
  }, [regions.data, points.data, map, mapName, indicator, pointColour, texts]);

  const onClick = (click: MapClick) => {
    if (click.kind === 'point') setOpened(points.data?.data.find((p) => p.id === click.id) ?? null);
    else if (click.code !== params.filters.region)
      params.applyFilters({ ...params.filters, region: click.code });
  };

  const error = points.error ?? regions.error ?? boundary.error;
  const isReady = regions.data && points.data && boundary.data;

  return (
    <Card title={t('map.title')}>
      <Typography.Paragraph type="secondary">{t('map.intro')}</Typography.Paragraph>
      <ProjectFilterBar filters={params.filters} onSearch={params.applyFilters} />
      <BoundaryMapControls region={params.filters.region} answer={boundary.data} />
      {error && (
        <QueryError
          error={error}
          onRetry={() => {
            void points.refetch();
            void regions.refetch();
            void boundary.refetch();
          }}
        />
      )}
      <Flex wrap gap="middle" align="center" style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Text>{t('map.indicator')}</Typography.Text>
          <Select<MapIndicator>
            data-testid="map-indicator"
            value={indicator}
            onChange={setIndicator}
            style={{ minWidth: 200 }}
            options={indicators.map((key) => ({ value: key, label: t(`map.indicators.${key}`) }))}
          />
        </Space>
        <Space>
          <Typography.Text>{t('map.colourBy')}</Typography.Text>
          <Select<MapColourBy>
            value={effectiveColourBy}
            onChange={setColourBy}
            style={{ minWidth: 120 }}
            options={[
              { value: 'stage', label: t('map.colourByStage') },
              {
                value: 'warning',
                disabled: !hasWarnings,
                label: hasWarnings ? (
                  t('map.colourByWarning')
                ) : (
                  <Tooltip title={t('map.warningUnavailable')}>{t('map.colourByWarning')}</Tooltip>
                ),
              },
            ]}
          />
        </Space>
        {points.data && (
          <Typography.Text data-testid="map-summary">
            {t('map.summary', { count: points.data.count, located: points.data.located })}
          </Typography.Text>
        )}
      </Flex>
      {points.data?.isTruncated && (
        <Alert type="warning" showIcon title={t('map.truncated', { shown: points.data.data.length })} />
      )}
      {isReady && (
        <>
          <Flex justify="space-between" wrap style={{ marginBottom: 4 }}>
            <Typography.Text type="secondary" data-testid="map-mode">
              {showBasemap
                ? basemap.data?.attribution
                : map
                  ? t('map.boundary', { file: map.fileName, version: map.version, name: map.uploadedByName })
                  : t('map.schematic')}
            </Typography.Text>
            {indicator === 'planCompletionRate' || indicator === 'completedYtd' ? (
              <Typography.Text type="secondary">
                {t('map.period', { year: regions.data.year, month: regions.data.month })}
              </Typography.Text>
            ) : null}
          </Flex>
          {tileUrl && basemap.data && (
            <Segmented
              data-testid="map-view"
              style={{ marginBottom: 8 }}
              value={view}
              onChange={(value) => setView(value as 'basemap' | 'regions')}
              options={[
                { value: 'basemap', label: t('basemap.viewBasemap') },
                { value: 'regions', label: t('basemap.viewRegions') },
              ]}
            />
          )}
          {showBasemap && tileUrl && basemap.data ? (
            <BasemapView
              basemap={{ ...basemap.data, tileUrl }}
              points={points.data?.data ?? []}
              colour={pointColour}
              tooltip={basemapTooltip}
              ariaLabel={t('basemap.chartLabel')}
              onOpen={setOpened}
            />
          ) : (
            <MapChart
              option={chart.option}
              height={chart.height}
              onClick={onClick}
              testId={chart.kind === 'geo' ? 'map-geo' : 'map-tiles'}
              ariaLabel={chart.kind === 'geo' ? t('map.geoChartLabel') : t('map.tileChartLabel')}
            />
          )}
          <Flex wrap gap={4} style={{ marginTop: 8 }} data-testid="map-legend">
            {effectiveColourBy === 'stage'
              ? projectStages.map((stage) => (
                  <Tag key={stage} color={stageColours[stage]}>
                    {labels.projectStage(stage)}
                  </Tag>
                ))
              : (['red', 'yellow', 'green', 'none'] as const).map((colour) => (
                  <Tag key={colour} color={warningColours[colour]}>
                    {t(`map.warningColours.${colour}`)}
                  </Tag>
                ))}
          </Flex>
        </>
      )}
      <PointDrawer point={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}
