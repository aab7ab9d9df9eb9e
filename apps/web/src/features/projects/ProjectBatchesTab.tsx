import type { Project } from '@tuijin/contracts';
import { App, Button, Checkbox, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { currentYear, useBatchSchemes } from '../batches/batches.queries';
import { TextTags } from './ProjectTags';
import { useSetProjectBatches } from './projects.queries';

/**
 * 批次: the campaign batches the project is counted in. Those who manage batches tick this year's
 * batches; batches of other years are kept as they are.
 */
export function ProjectBatchesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const year = currentYear();
  const canManage = project.abilities.manageBatches;
  const schemes = useBatchSchemes(year, { enabled: canManage });
  const setBatches = useSetProjectBatches();
  const reportError = useApiErrorHandler();
  const [chosen, setChosen] = useState<string[]>(() => project.batches.map((batch) => batch.id));
  const thisYear = new Set((schemes.data ?? []).flatMap((scheme) => scheme.batches.map((batch) => batch.id)));
  const otherYears = project.batches.filter((batch) => !thisYear.has(batch.id));

  const save = () =>
    setBatches.mutate(
      {
        id: project.id,
        batchIds: [
          ...new Set([...otherYears.map((batch) => batch.id), ...chosen.filter((id) => thisYear.has(id))]),
        ],
        version: project.version,
      },
      {
        onSuccess: () => void message.success(t('projects.batchesSaved')),
        onError: (error) => reportError(error),
      },
    );

  const current = (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{t('projects.currentBatches')}</Typography.Text>
      {project.batches.length ? (
        <TextTags
          values={project.batches.map((batch) => `${batch.year} ${batch.schemeName} · ${batch.name}`)}
        />
      ) : (
        <Typography.Text type="secondary">{t('projects.noBatches')}</Typography.Text>
      )}
    </Flex>
  );
  if (!canManage) return current;

  return (
    <Flex vertical gap={16}>
      {current}
      {schemes.isError && <QueryError error={schemes.error} onRetry={() => void schemes.refetch()} />}
      {schemes.isPending ? (
        <Spin />
      ) : (schemes.data ?? []).length === 0 ? (
        <Empty description={t('batches.noSchemes', { year })} />
      ) : (
        <>
          {(schemes.data ?? []).map((scheme) => (
            <Flex key={scheme.id} vertical gap={4}>
              <Typography.Text strong>
                {scheme.year} {scheme.name} · {scheme.regionName}
              </Typography.Text>
              <Checkbox.Group
                value={chosen}
                onChange={(ids) => {
                  const ofScheme = new Set(scheme.batches.map((batch) => batch.id));
                  setChosen([...chosen.filter((id) => !ofScheme.has(id)), ...ids.map(String)]);
                }}
                options={scheme.batches.map((batch) => ({ value: batch.id, label: batch.name }))}
              />
            </Flex>
          ))}
          <div>
            <Button type="primary" loading={setBatches.isPending} onClick={save}>
              {t('common.save')}
            </Button>
          </div>
        </>
      )}
    </Flex>
  );
}
