import { type Fishbone, fishboneCauseKinds } from '@tuijin/contracts';
import { Card, Empty, Flex, Grid, List, Spin, Tag, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { chartFont } from './ChartParts';
import { fishboneMetrics, layoutFishbone } from './fishbone-layout';
import { chartColours } from './gantt-geometry';
import { useProjectFishbone } from './milestones.queries';
import { useElementWidth } from './use-element-width';

type Cause = Fishbone['bones'][number]['causes'][number];
type CauseKind = Cause['kind'];

const kindColours: Record<CauseKind, string> = {
  problem: '#f5222d',
  approval: '#fa8c16',
  milestone: '#1677ff',
};
const kindTags: Record<CauseKind, string> = { problem: 'red', approval: 'orange', milestone: 'blue' };

/** The cause's tooltip: its title, detail and since when. */
function useCauseTip() {
  const { t } = useTranslation();
  return (cause: Cause) =>
    [cause.title, cause.detail, cause.since ? t('milestones.fishbone.since', { date: cause.since }) : '']
      .filter(Boolean)
      .join('\n');
}

/** The drawing: spine, head, a bone per category and each cause a labelled branch that opens it. */
function FishboneDrawing({ fishbone }: { fishbone: Fishbone }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tip = useCauseTip();
  const [box, width] = useElementWidth<HTMLDivElement>();
  const layout = useMemo(
    () => layoutFishbone(fishbone.bones, width || fishboneMetrics.minWidth),
    [fishbone.bones, width],
  );
  const { head, spine } = layout;
  const open = (event: MouseEvent, link: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link);
  };

  return (
    <div ref={box} className="tj-chart-scroll" data-testid="fishbone-chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        fontFamily={chartFont}
        fontSize={fishboneMetrics.fontSize}
        role="img"
        aria-label={t('milestones.fishbone.ariaLabel', { name: fishbone.projectName })}
      >
        <rect width={layout.width} height={layout.height} fill="#ffffff" />
        <line x1={spine.x1} x2={spine.x2} y1={spine.y} y2={spine.y} stroke="#434343" strokeWidth={3} />
        <polygon
          points={[
            `${head.x},${head.y}`,
            `${head.x + head.width - 22},${head.y}`,
            `${head.x + head.width},${spine.y}`,
            `${head.x + head.width - 22},${head.y + head.height}`,
            `${head.x},${head.y + head.height}`,
          ].join(' ')}
          fill="#fff1f0"
          stroke="#ff4d4f"
          strokeWidth={1.5}
        />
        <text
          x={head.x + (head.width - 22) / 2 + 4}
          y={spine.y + 5}
          textAnchor="middle"
          fontSize={14}
          fontWeight={600}
          fill="#a8071a"
        >
          {t('milestones.fishbone.head')}
          <title>{fishbone.projectName}</title>
        </text>
        {layout.bones.map((bone) => (
          <g key={bone.category} data-testid="fishbone-bone">
            <line
              x1={bone.outerX}
              y1={bone.outerY}
              x2={bone.jointX}
              y2={bone.jointY}
              stroke="#595959"
              strokeWidth={2}
            />
            <text
              x={bone.outerX}
              y={bone.side === 'up' ? bone.outerY - 8 : bone.outerY + 18}
              textAnchor="middle"
              fontSize={13}
              fontWeight={600}
              fill={chartColours.text}
            >
              {bone.label}
            </text>
            {bone.causes.map((placed) => (
              <a
                key={`${placed.cause.kind}-${placed.cause.id}`}
                href={placed.cause.link}
                onClick={(event) => open(event, placed.cause.link)}
                data-testid="fishbone-cause"
              >
                <title>{tip(placed.cause)}</title>
                <line x1={placed.x1} x2={placed.x2} y1={placed.y} y2={placed.y} stroke="#bfbfbf" />
                <circle cx={placed.x1} cy={placed.y} r={3} fill={kindColours[placed.cause.kind]} />
                <text x={placed.x1 + 6} y={placed.y - 4} fill="#1d39c4">
                  {placed.label}
                </text>
              </a>
            ))}
            {bone.more && (
              <text x={bone.more.x1 + 6} y={bone.more.y - 4} fill={chartColours.muted}>
                {t('milestones.fishbone.more', { count: bone.more.count })}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}

/** On a phone: the same causes as a list per category. */
function FishboneList({ fishbone }: { fishbone: Fishbone }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="fishbone-list">
      {fishbone.bones.map((bone) => (
        <Card
          key={bone.category}
          size="small"
          title={`${bone.category}（${bone.causes.length}）`}
          data-testid="fishbone-bone"
        >
          <List
            size="small"
            dataSource={bone.causes}
            renderItem={(cause) => (
              <List.Item key={`${cause.kind}-${cause.id}`} data-testid="fishbone-cause">
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <span>
                    <Tag color={kindTags[cause.kind]}>{t(`milestones.fishbone.kind.${cause.kind}`)}</Tag>
                    <Link to={cause.link}>{cause.title}</Link>
                  </span>
                  {cause.detail && <Typography.Text type="secondary">{cause.detail}</Typography.Text>}
                  {cause.since && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('milestones.fishbone.since', { date: cause.since })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Flex>
  );
}

/**
 * 鱼刺图 of a project: what holds it up (open problems, late approvals, late nodes) by category, a
 * drawing on wide screens and a grouped list on a phone; each cause opens its page.
 */
export function ProjectFishbone({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const fishbone = useProjectFishbone(projectId);
  if (fishbone.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (fishbone.isError) return <QueryError error={fishbone.error} onRetry={() => void fishbone.refetch()} />;
  const data = fishbone.data;
  const bones = data.bones.filter((bone) => bone.causes.length > 0);
  if (bones.length === 0)
    return <Empty description={t('milestones.fishbone.empty')} data-testid="fishbone-empty" />;
  const shown = { ...data, bones };
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap>
        {fishboneCauseKinds.map((kind) => (
          <Tag key={kind} color={kindTags[kind]}>
            {t(`milestones.fishbone.kind.${kind}`)}
          </Tag>
        ))}
      </Flex>
      {screens.md === false ? <FishboneList fishbone={shown} /> : <FishboneDrawing fishbone={shown} />}
    </Flex>
  );
}
