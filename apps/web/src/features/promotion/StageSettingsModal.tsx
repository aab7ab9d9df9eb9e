import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PromotionStage } from '@tuijin/contracts';
import { Alert, App, Button, Flex, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { usePromotionSettings, useSavePromotionSettings } from './promotion.queries';

/**
 * 招商阶段设置: the jurisdiction's ordered stage list (its own, or the one inherited from above, or
 * the default), edited row by row or replaced by a preset (标准, 七个一批); keys stay stable.
 */
export function StageSettingsModal({
  open,
  regionCode,
  onClose,
}: {
  open: boolean;
  regionCode: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = usePromotionSettings(regionCode, open);
  const save = useSavePromotionSettings();
  const [stages, setStages] = useState<PromotionStage[]>([]);
  useEffect(() => {
    if (open && current.data) setStages(current.data.stages);
  }, [open, current.data]);
  const data = current.data;
  const canManage = data?.canManage ?? false;
  const setRow = (i: number, patch: Partial<PromotionStage>) =>
    setStages(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const submit = async () => {
    await save.mutateAsync({
      ...(regionCode ? { regionCode } : {}),
      stages,
      version: data?.version ?? 0,
    });
    void message.success(t('promotion.saved'));
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('promotion.settings.title')}
      okText={t('common.save')}
      okButtonProps={{ disabled: !canManage, 'data-testid': 'promotion-settings-save' } as never}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {data && (
        <Flex vertical gap={8} data-testid="promotion-settings">
          <Typography.Text type="secondary">
            {data.fromRegionCode === null
              ? t('promotion.settings.defaults')
              : data.fromRegionCode !== data.regionCode
                ? t('promotion.settings.inherited', { code: data.fromRegionCode })
                : t('promotion.settings.own')}
          </Typography.Text>
          {canManage ? (
            <Select
              placeholder={t('promotion.settings.preset')}
              style={{ width: 260 }}
              value={null}
              onChange={(key) => {
                const preset = data.presets.find((p) => p.key === key);
                if (preset) setStages(preset.stages);
              }}
              options={data.presets.map((p) => ({
                value: p.key,
                label: t(`promotion.settings.presets.${p.key}`),
              }))}
            />
          ) : (
            <Alert type="info" showIcon title={t('promotion.settings.readOnly')} />
          )}
          {stages.map((stage, i) => (
            <Flex key={`${i}-${stage.key}`} gap={8} align="center">
              <Typography.Text style={{ width: 20 }}>{i + 1}</Typography.Text>
              <Input
                aria-label={t('promotion.settings.key')}
                value={stage.key}
                disabled={!canManage}
                onChange={(e) => setRow(i, { key: e.target.value })}
                style={{ width: 140 }}
              />
              <Input
                aria-label={t('promotion.settings.name')}
                value={stage.name}
                disabled={!canManage}
                onChange={(e) => setRow(i, { name: e.target.value })}
              />
              {canManage && (
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('promotion.settings.remove')}
                  onClick={() => setStages(stages.filter((_, j) => j !== i))}
                />
              )}
            </Flex>
          ))}
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setStages([...stages, { key: '', name: '' }])}>
              {t('promotion.settings.add')}
            </Button>
          )}
          <Typography.Text type="secondary">{t('promotion.settings.keyHint')}</Typography.Text>
          {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
        </Flex>
      )}
    </Modal>
  );
}
