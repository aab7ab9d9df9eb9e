import type { BulletinStatus } from '@tuijin/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColours: Record<BulletinStatus, string> = {
  draft: 'default',
  reviewed: 'processing',
  issued: 'success',
};

/** 草稿 / 已审核 / 已签发. */
export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status]} data-testid="bulletin-status">
      {t(`bulletins.statuses.${status}`)}
    </Tag>
  );
}
