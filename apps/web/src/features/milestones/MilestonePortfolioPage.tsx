import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  Pagination,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { usePagedFilters } from '../../components/use-paged-filters';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { downloadSvgAsPng } from './chart-export';
import {
  chartFileName,
  type PortfolioFilters,
  portfolioExportHref,
  portfolioFiltersOf,
  portfolioQuery,
} from './milestone-logic';
import { useMilestonePortfolio } from './milestones.queries';
import { PortfolioChart } from './PortfolioChart';
import './milestones.css';

/**
 * 时间节点图 (portfolio): the projects with a milestone plan in the reader's jurisdiction, filtered by
 * region, name and 只看超期, a page at a time on one time axis; each name opens the project's
 * 节点计划 tab; 导出图片 downloads the page's chart.
 */
export default function MilestonePortfolioPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PortfolioFilters>();
  const [params] = useSearchParams();
  // The cockpit links here with a region and 只看超期.
  const linked = portfolioFiltersOf(params);
  const { query, applyFilters, pagination } = usePagedFilters<PortfolioFilters>(linked);
  useEffect(() => form.setFieldsValue(linked), [form, linked.regionCode, linked.overdue]);
  const { page, pageSize, ...filters } = query;
  const portfolio = useMilestonePortfolio(portfolioQuery(filters, { page, pageSize }));
  const svg = useRef<SVGSVGElement>(null);
  const [isExporting, setExporting] = useState(false);
  const data = portfolio.data;

  const exportImage = async () => {
    if (!svg.current) return;
    setExporting(true);
    try {
      await downloadSvgAsPng(
        svg.current,
        chartFileName(t('milestones.gantt.title'), t('milestones.portfolio.fileName')),
      );
    } catch {
      void message.error(t('milestones.gantt.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={t('milestones.portfolio.title')}
      extra={
        <Space wrap>
          <Button
            icon={<FileExcelOutlined />}
            href={portfolioExportHref(filters)}
            download
            disabled={!data || data.data.length === 0}
            data-testid="portfolio-export-excel"
          >
            {t('milestones.portfolio.exportExcel')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={isExporting}
            disabled={!data || data.data.length === 0}
            onClick={() => void exportImage()}
            data-testid="portfolio-export"
          >
            {t('milestones.gantt.exportImage')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('milestones.portfolio.intro')}</Typography.Paragraph>
      <FilterBar<PortfolioFilters> form={form} name="milestone-portfolio" onSearch={applyFilters}>
        <Form.Item name="regionCode" label={t('milestones.portfolio.region')}>
          <RegionTreeSelect style={{ width: 200 }} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="q" label={t('milestones.portfolio.name')}>
          <Input
            allowClear
            maxLength={60}
            className="tj-filter-md"
            placeholder={t('milestones.portfolio.namePlaceholder')}
            data-testid="portfolio-q"
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox data-testid="portfolio-overdue">{t('milestones.portfolio.overdueOnly')}</Checkbox>
        </Form.Item>
      </FilterBar>
      {portfolio.isError && <QueryError error={portfolio.error} onRetry={() => void portfolio.refetch()} />}
      {portfolio.isPending && <Spin style={{ display: 'block', margin: '32px auto' }} />}
      {data &&
        (data.data.length === 0 ? (
          <Empty description={t('milestones.portfolio.empty')} data-testid="portfolio-empty" />
        ) : (
          <Flex vertical gap={12}>
            <Spin spinning={portfolio.isFetching && !portfolio.isPending}>
              <PortfolioChart portfolio={data} svgRef={svg} />
            </Spin>
            <Pagination align="end" size="small" {...pagination(data.page.total)} />
          </Flex>
        ))}
    </Card>
  );
}
