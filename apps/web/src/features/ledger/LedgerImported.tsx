import type { LedgerImportResult } from '@tuijin/contracts';
import { Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LedgerActions } from './LedgerActions';

/** After a commit: what was created, updated and left as it was, with links into the project library. */
export function LedgerImported({ result, onAnother }: { result: LedgerImportResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const { counts } = result;
  const touched = result.actions.filter((a) => a.action === 'create' || a.action === 'update');
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  return (
    <Flex vertical gap={12} data-testid="ledger-imported">
      <Result
        status="success"
        title={t('ledger.importedTitle')}
        subTitle={
          <span data-testid="ledger-imported-counts">
            {t('ledger.importedCounts', {
              created: counts.created,
              updated: counts.updated,
              unchanged: counts.unchanged,
            })}
            {counts.ownersCreated > 0 && t('ledger.importedOwners', { count: counts.ownersCreated })}
            {counts.domainsCreated > 0 &&
              t('ledger.importedDomains', { names: result.domainsCreated.join('、') })}
            {result.planYears.length > 0 && (
              <span data-testid="ledger-imported-plans">
                {t('ledger.importedPlans', {
                  years: result.planYears.join('、'),
                  created: counts.plansCreated,
                  updated: counts.plansUpdated,
                  skipped: counts.plansSkipped,
                })}
              </span>
            )}
          </span>
        }
        extra={[
          <Link key="list" to="/projects" data-testid="ledger-to-projects">
            <Button type="primary">{t('ledger.toProjects')}</Button>
          </Link>,
          <Button key="again" onClick={onAnother}>
            {t('ledger.importAnother')}
          </Button>,
        ]}
      />
      {warnings > 0 && (
        <Typography.Text type="secondary">
          {t('ledger.importedWarnings', { count: warnings })}
        </Typography.Text>
      )}
      {touched.length > 0 && <LedgerActions actions={touched} linked />}
    </Flex>
  );
}
