import { type DictionaryKind, dictionaryKinds } from '@tuijin/domain';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLabels } from '../../i18n/use-labels';
import { DictionaryKindPanel } from './DictionaryKindPanel';

const isKind = (value: string | null): value is DictionaryKind =>
  dictionaryKinds.includes(value as DictionaryKind);

/** 字典管理: the office's own lists of domains, industries, tags and funding sources. */
export default function DictionariesPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('kind');
  const active: DictionaryKind = isKind(requested) ? requested : 'domain';
  return (
    <Card title={t('dictionaries.title')}>
      <Tabs
        activeKey={active}
        onChange={(kind) => setSearch({ kind }, { replace: true })}
        items={dictionaryKinds.map((kind) => ({
          key: kind,
          label: labels.dictionaryKind(kind),
          children: <DictionaryKindPanel kind={kind} />,
        }))}
      />
    </Card>
  );
}
