import { Button, Drawer, Grid, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDrawerProps {
  title: string;
  isSaving: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
  /** Width on tablets and desktops (phones always get the full width). */
  width?: number;
}

/** A right-hand drawer holding one form, full width on phones, with 取消 / 保存 in its header. */
export function FormDrawer({ title, isSaving, onSave, onClose, children, width = 520 }: FormDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open
      title={title}
      size={screens.sm === false ? '100%' : width}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={isSaving} onClick={onSave}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
