import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover } from 'antd';
import { useTranslation } from 'react-i18next';

interface ColumnChooserProps {
  columns: { key: string; title: string }[];
  shown: string[];
  onChange: (keys: string[]) => void;
  onReset: () => void;
}

/** A 列设置 button opening a checkbox list of the table's optional columns. */
export function ColumnChooser({ columns, shown, onChange, onReset }: ColumnChooserProps) {
  const { t } = useTranslation();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('projects.columnsTitle')}
      content={
        <Flex vertical gap={8}>
          <Checkbox.Group
            value={shown}
            onChange={(keys) => onChange(keys.map(String))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={columns.map((column) => ({ value: column.key, label: column.title }))}
          />
          <Button size="small" onClick={onReset}>
            {t('projects.columnsReset')}
          </Button>
        </Flex>
      }
    >
      <Button icon={<SettingOutlined />}>{t('projects.columns')}</Button>
    </Popover>
  );
}
