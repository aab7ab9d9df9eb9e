import type { ProblemBoard } from '@tuijin/contracts';
import { type ProblemStatus, problemStatuses } from '@tuijin/domain';
import { Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { ProblemTable } from './ProblemTable';
import { useProblemBoard } from './problems.queries';
import './problems.css';

/** What a click on the board narrows the list to. */
interface BoardPick {
  status?: ProblemStatus;
  level?: number;
  overdue?: boolean;
}

interface BoardRow {
  status: ProblemStatus;
  byLevel: Map<number, number>;
  total: number;
}

/** The board's cells as rows by status (every status, zeros included) and the levels that occur. */
function boardRows(board: ProblemBoard | undefined) {
  const levels = [...new Set((board?.cells ?? []).map((cell) => cell.level))].sort((a, b) => a - b);
  const rows: BoardRow[] = problemStatuses.map((status) => {
    const cells = (board?.cells ?? []).filter((cell) => cell.status === status);
    return {
      status,
      byLevel: new Map(cells.map((cell) => [cell.level, cell.count])),
      total: cells.reduce((sum, cell) => sum + cell.count, 0),
    };
  });
  return { levels, rows };
}

/** 问题看板: counts by status and by level in the jurisdiction; a click narrows the list below. */
export default function ProblemBoardPage() {
  const { t } = useTranslation();
  const board = useProblemBoard();
  const [pick, setPick] = useState<BoardPick>({});
  const { levels, rows } = useMemo(() => boardRows(board.data), [board.data]);
  const levelTotal = (level: number) => rows.reduce((sum, row) => sum + (row.byLevel.get(level) ?? 0), 0);
  const total = rows.reduce((sum, row) => sum + row.total, 0);

  const count = (value: number, next: BoardPick, testId: string) => {
    const isSelected =
      pick.status === next.status && pick.level === next.level && pick.overdue === next.overdue;
    return (
      <Button
        type="link"
        size="small"
        className={`tj-board-count${isSelected ? ' is-selected' : ''}${next.overdue && value > 0 ? ' is-alert' : ''}`}
        onClick={() => setPick(next)}
        data-testid={testId}
      >
        {value}
      </Button>
    );
  };

  const describe = () => {
    const parts = [
      pick.status && t(`problems.status.${pick.status}`),
      pick.level && t('problems.levelNumber', { level: pick.level }),
      pick.overdue && t('problems.board.overdue'),
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('problems.board.allProblems');
  };

  return (
    <Flex vertical gap={16}>
      <Card title={t('problems.board.title')}>
        <Typography.Paragraph type="secondary">{t('problems.board.intro')}</Typography.Paragraph>
        {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('problems.board.total')} value={total} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('problems.board.overdue')}
              value={board.data?.overdue ?? 0}
              valueRender={() => count(board.data?.overdue ?? 0, { overdue: true }, 'board-overdue')}
            />
          </Col>
        </Row>
        <Table<BoardRow>
          rowKey="status"
          size="small"
          loading={board.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="problem-board"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('problems.board.byLevel')}</Table.Summary.Cell>
              {levels.map((level, index) => (
                <Table.Summary.Cell key={level} index={index + 1} align="right">
                  {count(levelTotal(level), { level }, `board-level-${level}`)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={levels.length + 1} align="right">
                {count(total, {}, 'board-all')}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
          columns={[
            {
              key: 'status',
              title: t('problems.board.byStatus'),
              render: (_, row) => t(`problems.status.${row.status}`),
            },
            ...levels.map((level) => ({
              key: `level-${level}`,
              title: t('problems.levelNumber', { level }),
              align: 'right' as const,
              render: (_: unknown, row: BoardRow) =>
                count(
                  row.byLevel.get(level) ?? 0,
                  { status: row.status, level },
                  `board-${row.status}-${level}`,
                ),
            })),
            {
              key: 'total',
              title: t('problems.board.total'),
              align: 'right',
              render: (_, row) => count(row.total, { status: row.status }, `board-${row.status}`),
            },
          ]}
        />
      </Card>
      <Card
        title={t('problems.board.showing', { what: describe() })}
        extra={
          (pick.status || pick.level || pick.overdue) && (
            <Button size="small" onClick={() => setPick({})}>
              {t('problems.board.clear')}
            </Button>
          )
        }
      >
        <ProblemTable testId="board-table" filter={pick} showOverdueDays={pick.overdue} />
      </Card>
    </Flex>
  );
}
