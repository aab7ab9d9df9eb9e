import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FilterBarProps<F> {
  form: FormInstance<F>;
  name: string;
  onSearch: (filters: F) => void;
  children: ReactNode;
  /** Buttons after 查询 and 重置 (e.g. a toggle for more filters). */
  extra?: ReactNode;
}

/** The filter row above a list: fields, then 查询 and 重置. Wraps on narrow screens. */
export function FilterBar<F extends object>({ form, name, onSearch, children, extra }: FilterBarProps<F>) {
  const { t } = useTranslation();
  return (
    <Form<F> form={form} name={name} layout="inline" className="tj-filters" onFinish={onSearch}>
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              form.resetFields();
              onSearch(form.getFieldsValue());
            }}
          >
            {t('common.reset')}
          </Button>
          {extra}
        </Space>
      </Form.Item>
    </Form>
  );
}
