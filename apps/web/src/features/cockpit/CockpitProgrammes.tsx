import type { CockpitProgrammeFigure } from '@tuijin/contracts';
import { Card, Col, Descriptions, Flex, Popover, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { type AmountUnit, summaryUnit } from '../../lib/amount';
import { useAmount } from '../../lib/use-amount';
import { useCockpitProgrammes } from './cockpit.queries';
import { isRate, type ProgrammePlace, programmeHref, yiYuanKeys } from './cockpit-programmes';

interface ProgrammesProps {
  year: number;
  region: string | undefined;
}

/**
 * 专项工作 in the cockpit: for the region and year, a block per programme the reader may read
 * (白名单, 复工复产, 资金保障, 要素保障, 招商引资, 政银企对接, 集中开竣工); each figure shows its formula
 * and the numbers behind it on hover and opens its module's page on the same region and year.
 */
export function CockpitProgrammes({ year, region }: ProgrammesProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const programmes = useCockpitProgrammes({ year, ...(region ? { region } : {}) });
  const data = programmes.data;
  if (data && data.parts.length === 0) return null;
  const place: ProgrammePlace | null = data ? { regionCode: data.region.code, year, asOf: data.asOf } : null;
  /** 亿元 for credit signed and event investment; other amounts in the level's unit. */
  const moneyUnit = (figure: CockpitProgrammeFigure): AmountUnit =>
    yiYuanKeys.includes(figure.key) ? 'yiYuan' : summaryUnit(data?.region.level);
  const quantity = (figure: CockpitProgrammeFigure, raw: string) =>
    figure.unit === 'wanYuan'
      ? amount.withUnit(raw, moneyUnit(figure))
      : `${raw} ${t(`cockpit.programmes.units.${figure.unit}`)}`.trim();
  const shown = (figure: CockpitProgrammeFigure) =>
    isRate(figure)
      ? figure.percent === null
        ? t('cockpit.noPercent')
        : t('cockpit.programmes.percent', { percent: figure.percent })
      : quantity(figure, figure.value ?? '0');
  const explain = (figure: CockpitProgrammeFigure) => (
    <div style={{ maxWidth: 340 }} data-testid={`programme-explain-${figure.key}`}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t(`cockpit.formula.${figure.formula}`)}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={
          isRate(figure)
            ? [
                {
                  key: 'n',
                  label: t('cockpit.explain.numerator'),
                  children: quantity(figure, figure.numerator!),
                },
                {
                  key: 'd',
                  label: t('cockpit.explain.denominator'),
                  children: quantity(figure, figure.denominator!),
                },
              ]
            : [
                {
                  key: 'v',
                  label: t('cockpit.explain.value'),
                  children: quantity(figure, figure.value ?? '0'),
                },
              ]
        }
      />
    </div>
  );

  return (
    <Card
      size="small"
      data-testid="cockpit-programmes"
      title={t('cockpit.programmes.title')}
      extra={
        data && (
          <Typography.Text type="secondary">
            {t('cockpit.programmes.hint', { region: data.region.name, date: data.asOf })}
          </Typography.Text>
        )
      }
      loading={!data && !programmes.isError}
    >
      {programmes.isError && (
        <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />
      )}
      {data && place && (
        <Row gutter={[12, 12]}>
          {data.parts.map(({ part, figures }) => (
            <Col key={part} xs={24} md={12} xl={6}>
              <Card
                size="small"
                type="inner"
                title={t(`cockpit.programmes.parts.${part}`)}
                data-testid={`programme-${part}`}
                style={{ height: '100%' }}
              >
                <Flex vertical gap={6}>
                  {figures.map((figure) => (
                    <Flex key={figure.key} justify="space-between" gap={8}>
                      <Typography.Text type="secondary">
                        {t(`cockpit.programmes.figures.${figure.key}`)}
                      </Typography.Text>
                      <Popover content={explain(figure)} title={t('cockpit.explain.formula')}>
                        <Link
                          to={programmeHref(figure.key, place)}
                          data-testid={`programme-figure-${figure.key}`}
                          style={{ whiteSpace: 'nowrap', fontWeight: 600 }}
                        >
                          {shown(figure)}
                          {isRate(figure) && (
                            <Typography.Text
                              type="secondary"
                              style={{ fontWeight: 400, marginInlineStart: 6 }}
                            >
                              {t('cockpit.programmes.ratio', {
                                numerator:
                                  figure.unit === 'wanYuan'
                                    ? amount.digits(figure.numerator, moneyUnit(figure))
                                    : figure.numerator,
                                denominator:
                                  figure.unit === 'wanYuan'
                                    ? amount.digits(figure.denominator, moneyUnit(figure))
                                    : figure.denominator,
                              })}
                            </Typography.Text>
                          )}
                        </Link>
                      </Popover>
                    </Flex>
                  ))}
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
