import type { Workbench, WorkbenchSection } from '@tuijin/contracts';
import { Badge, Card, Flex, List, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineTag, ItemStatus, useItemDetail, useItemTitle } from './WorkbenchItemBits';

/** Which summary figures a section shows above its items, in order. */
const shownFigures: Partial<Record<WorkbenchSection['key'], string[]>> = {
  reportsToFill: ['due', 'submitted', 'approved', 'returned', 'missing'],
  statusBoard: ['due', 'submitted', 'approved', 'returned', 'late', 'missing'],
  warnings: ['red', 'yellow', 'green'],
  redProjects: ['red', 'yellow', 'green'],
  auditEvents: ['failedLogins', 'lockouts'],
};

/** The kind words when a section is empty, with the numbers some of them quote. */
function useEmptyText() {
  const { t } = useTranslation();
  return (section: WorkbenchSection) =>
    t(`workbench.empty.${section.key}`, {
      from: section.figures?.checkedFrom,
      to: section.figures?.checkedTo,
      checked: section.figures?.checked,
    });
}

/**
 * One workbench section: its title with the total, a link to the full list, summary figures where
 * the section has them, then the most pressing items — each a link to the page where it is
 * handled, with its state and deadline — or a kind sentence when there is nothing to do.
 */
export function WorkbenchSectionCard({ section }: { section: Workbench['sections'][number] }) {
  const { t } = useTranslation();
  const titleOf = useItemTitle();
  const detailOf = useItemDetail();
  const emptyText = useEmptyText();
  const figures = (shownFigures[section.key] ?? []).filter((key) => section.figures?.[key] !== undefined);
  const hidden = section.total - section.items.length;
  return (
    <Card
      size="small"
      className="tj-workbench-card"
      data-testid={`workbench-${section.key}`}
      title={
        <Space size={8}>
          <span>{t(`workbench.sections.${section.key}`)}</span>
          {section.total > 0 && <Badge count={section.total} overflowCount={999} color="#1677ff" />}
        </Space>
      }
      extra={section.link ? <Link to={section.link}>{t('workbench.seeAll')}</Link> : null}
    >
      {figures.length > 0 && (
        <Flex wrap gap={16} className="tj-workbench-figures">
          {figures.map((key) => (
            <Statistic
              key={key}
              title={t(`workbench.figures.${key as 'due'}`)}
              value={section.figures?.[key] ?? 0}
              valueStyle={{ fontSize: 18 }}
            />
          ))}
        </Flex>
      )}
      {section.items.length === 0 ? (
        <Typography.Text
          type={section.key === 'auditChain' ? 'success' : 'secondary'}
          data-testid="workbench-empty"
        >
          {emptyText(section)}
        </Typography.Text>
      ) : (
        <List
          size="small"
          split
          dataSource={section.items}
          renderItem={(item) => {
            const detail = detailOf(section.key, item);
            return (
              <List.Item className="tj-workbench-item">
                <Link to={item.link} className="tj-workbench-link" data-testid="workbench-item">
                  <Flex justify="space-between" align="flex-start" gap={8} wrap>
                    <Flex vertical style={{ minWidth: 0, flex: '1 1 180px' }}>
                      <Typography.Text strong ellipsis>
                        {titleOf(section.key, item)}
                      </Typography.Text>
                      {detail && (
                        <Typography.Text type="secondary" ellipsis className="tj-workbench-detail">
                          {detail}
                        </Typography.Text>
                      )}
                    </Flex>
                    <Space size={4} wrap>
                      <ItemStatus sectionKey={section.key} item={item} />
                      <DeadlineTag item={item} />
                    </Space>
                  </Flex>
                </Link>
              </List.Item>
            );
          }}
        />
      )}
      {hidden > 0 && (
        <Typography.Paragraph type="secondary" className="tj-workbench-more">
          {section.link ? (
            <Link to={section.link}>{t('workbench.more', { count: hidden })}</Link>
          ) : (
            t('workbench.more', { count: hidden })
          )}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
