import type { EvaluationEntry } from '@tuijin/contracts';
import { App, Button, Card, Form, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { formatAmount } from '../../lib/amount';
import { useWhatItTakes } from './evaluation.queries';

/** A what-it-takes figure: the plan-completion amounts in 万元 by the one formatter, counts as they are. */
const figure = (key: EvaluationEntry['indicators'][number]['key'], value: string | null) =>
  key === 'planCompletionRate' ? formatAmount(value, { unit: 'wanYuan' }) : (value ?? '—');

/** 差距测算: pick a unit and a rank; answers the extra points and what each indicator alone would need. */
export function WhatItTakesCard({
  schemeId,
  quarter,
  entries,
}: {
  schemeId: string;
  quarter: string;
  entries: EvaluationEntry[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [code, setCode] = useState<string>();
  const [rank, setRank] = useState<number>(1);
  const ask = useWhatItTakes();
  const answer = ask.data;
  const name = entries.find((e) => e.code === answer?.code)?.name ?? '';
  const run = () => {
    if (!code) return;
    ask.mutate({ schemeId, quarter, code, rank }, { onError: (e) => void message.error(errorText(e)) });
  };
  return (
    <Card size="small" title={t('evaluation.whatIf.title')} data-testid="what-it-takes">
      <Space wrap>
        <Form.Item label={t('evaluation.whatIf.entity')} style={{ marginBottom: 0 }}>
          <Select
            style={{ width: 180 }}
            value={code}
            onChange={setCode}
            data-testid="what-if-entity"
            options={entries.map((e) => ({ value: e.code, label: e.name }))}
          />
        </Form.Item>
        <Form.Item label={t('evaluation.whatIf.rank')} style={{ marginBottom: 0 }}>
          <Select
            style={{ width: 120 }}
            value={rank}
            onChange={setRank}
            data-testid="what-if-rank"
            options={entries.map((_, i) => ({
              value: i + 1,
              label: t('evaluation.whatIf.rankOption', { rank: i + 1 }),
            }))}
          />
        </Form.Item>
        <Button type="primary" onClick={run} disabled={!code} loading={ask.isPending}>
          {t('evaluation.whatIf.run')}
        </Button>
      </Space>
      {answer && (
        <div style={{ marginTop: 12 }} data-testid="what-if-answer">
          <Typography.Paragraph strong>
            {answer.extraPoints === '0.00'
              ? t('evaluation.whatIf.already', { name, rank: answer.targetRank })
              : t('evaluation.whatIf.need', {
                  name,
                  current: answer.currentRank,
                  rank: answer.targetRank,
                  points: answer.extraPoints,
                  threshold: answer.thresholdTotal,
                })}
          </Typography.Paragraph>
          {answer.extraPoints !== '0.00' && (
            <>
              <Typography.Text type="secondary">{t('evaluation.whatIf.perIndicator')}</Typography.Text>
              <List
                size="small"
                dataSource={answer.indicators}
                renderItem={(i) => {
                  const unit =
                    i.key === 'planCompletionRate'
                      ? t('evaluation.whatIf.unitWanYuan')
                      : t('evaluation.whatIf.unitCount');
                  return (
                    <List.Item>
                      <Typography.Text>{t(`evaluation.indicators.${i.key}`)}</Typography.Text>
                      <Typography.Text type={i.isFeasible ? undefined : 'secondary'}>
                        {i.isFeasible
                          ? t('evaluation.whatIf.amount', {
                              percent: i.neededPercent,
                              needed: `${figure(i.key, i.neededNumerator)} ${unit}`,
                              extra: `${figure(i.key, i.extraNumerator)} ${unit}`,
                            })
                          : t('evaluation.whatIf.infeasible')}
                      </Typography.Text>
                    </List.Item>
                  );
                }}
              />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
