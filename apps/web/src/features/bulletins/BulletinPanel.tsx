import {
  CheckOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  ReloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { type Bulletin, type BulletinFormat, type BulletinSectionKey, fileRoutes } from '@tuijin/contracts';
import { isPublicBulletinSection } from '@tuijin/domain';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  Descriptions,
  List,
  Modal,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../auth/use-current-user';
import { BulletinStatusTag } from './BulletinBits';
import { shortHash } from './bulletin-logic';
import { useBulletinMove, useDeleteBulletin, usePublishBulletin } from './bulletins.queries';
import { useBulletinError } from './use-bulletin-error';

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

/** 晾晒到公开大屏: which enabled aggregate sections the public screen shows; none withdraws it. */
function PublishModal({ bulletin, onClose }: { bulletin: Bulletin; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publish = usePublishBulletin();
  const onError = useBulletinError();
  const [chosen, setChosen] = useState<BulletinSectionKey[]>(
    (bulletin.publicSections ?? []).filter(isPublicBulletinSection),
  );
  const submit = () =>
    publish.mutate(
      { id: bulletin.id, version: bulletin.version, publicSections: chosen.length > 0 ? chosen : null },
      {
        onSuccess: () => {
          void message.success(t('bulletins.panel.published'));
          onClose();
        },
        onError: (error) => onError(error),
      },
    );
  return (
    <Modal
      open
      title={t('bulletins.panel.publishTitle')}
      okText={t('common.confirm')}
      okButtonProps={{ loading: publish.isPending, 'data-testid': 'bulletin-publish-ok' } as ButtonProps}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('bulletins.panel.publishHint')}</Typography.Paragraph>
      <Checkbox.Group<BulletinSectionKey>
        value={chosen}
        onChange={setChosen}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        options={bulletin.sections
          .filter((s) => isPublicBulletinSection(s.key))
          .map((s) => ({ value: s.key, label: s.heading }))}
      />
    </Modal>
  );
}

type Move = 'refreshBulletin' | 'reviewBulletin' | 'issueBulletin';

/** One move button; `confirm` asks first (签发 says the figures will be frozen). */
function MoveButton({
  bulletin,
  move,
  label,
  done,
  icon,
  primary,
  confirm,
  testId,
}: {
  bulletin: Bulletin;
  move: Move;
  label: string;
  done: (b: Bulletin) => string;
  icon: ReactNode;
  primary?: boolean;
  confirm?: { title: string; content: string };
  testId: string;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const mutation = useBulletinMove(move);
  const onError = useBulletinError();
  const run = () =>
    new Promise<void>((resolve) =>
      mutation.mutate(
        { id: bulletin.id, version: bulletin.version },
        {
          onSuccess: (b) => {
            void message.success(done(b));
            resolve();
          },
          onError: (error) => {
            onError(error);
            resolve();
          },
        },
      ),
    );
  return (
    <Button
      block
      type={primary ? 'primary' : 'default'}
      icon={icon}
      loading={mutation.isPending}
      data-testid={testId}
      onClick={() =>
        confirm
          ? modal.confirm({
              title: confirm.title,
              content: confirm.content,
              okText: t('common.confirm'),
              okButtonProps: { 'data-testid': `${testId}-ok` } as ButtonProps,
              onOk: run,
            })
          : void run()
      }
    >
      {label}
    </Button>
  );
}

const formats: { format: BulletinFormat; label: 'word' | 'pdf' | 'excel' }[] = [
  { format: 'docx', label: 'word' },
  { format: 'pdf', label: 'pdf' },
  { format: 'xlsx', label: 'excel' },
];

export const bulletinFileHref = (id: string, format: BulletinFormat) =>
  fileRoutes.downloadBulletinFile.replace(':id', id).replace(':format', format);

/**
 * The side panel of the preview: status and who reviewed and issued it, the moves the reader may
 * make (from `canEdit/canReview/canIssue`), the downloads, and once issued the files' hashes and who read it.
 */
export function BulletinPanel({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const remove = useDeleteBulletin();
  const onError = useBulletinError();
  const [isPublishing, setPublishing] = useState(false);
  const can = useCan();
  const issued = bulletin.status === 'issued';
  const editable = bulletin.canEdit && !issued;
  // An issued bulletin is no longer editable (canEdit false), but its own office may still choose what
  // the public screen shows; the server checks the same (own jurisdiction, bulletin.manage).
  const mayPublish = issued && !bulletin.isReceived && can('bulletin.manage');

  const confirmDelete = () =>
    modal.confirm({
      title: t('bulletins.panel.deleteConfirm'),
      okText: t('common.confirm'),
      okButtonProps: { danger: true, 'data-testid': 'bulletin-delete-ok' } as ButtonProps,
      onOk: () =>
        new Promise<void>((resolve) =>
          remove.mutate(bulletin.id, {
            onSuccess: () => {
              void message.success(t('bulletins.panel.deleted'));
              resolve();
              void navigate('/bulletins');
            },
            onError: (error) => {
              onError(error);
              resolve();
            },
          }),
        ),
    });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} className="tj-bulletin-side">
      <Card size="small" title={t('bulletins.panel.status')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 's',
              label: t('bulletins.panel.status'),
              children: <BulletinStatusTag status={bulletin.status} />,
            },
            { key: 'k', label: t('bulletins.panel.kind'), children: t(`bulletins.kinds.${bulletin.kind}`) },
            { key: 'p', label: t('bulletins.panel.period'), children: bulletin.snapshot.periodLabel },
            { key: 'r', label: t('bulletins.panel.region'), children: bulletin.regionName },
            { key: 'g', label: t('bulletins.panel.generatedAt'), children: time(bulletin.generatedAt) },
            ...(bulletin.reviewedAt
              ? [
                  {
                    key: 'rv',
                    label: t('bulletins.panel.reviewedBy'),
                    children: `${bulletin.reviewedByName ?? ''} ${time(bulletin.reviewedAt)}`,
                  },
                ]
              : []),
            ...(issued
              ? [
                  {
                    key: 'sn',
                    label: t('bulletins.panel.serial'),
                    children: <span data-testid="bulletin-panel-serial">{bulletin.serial}</span>,
                  },
                  {
                    key: 'is',
                    label: t('bulletins.panel.issuedBy'),
                    children: `${bulletin.issuedByName ?? ''} ${time(bulletin.issuedAt)}`,
                  },
                  {
                    key: 'pub',
                    label: t('bulletins.panel.publicSections'),
                    children: bulletin.publicSections?.length
                      ? bulletin.publicSections.map((k) => t(`bulletins.sectionNames.${k}`)).join('、')
                      : t('bulletins.panel.notPublished'),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {(bulletin.canEdit || bulletin.canReview || bulletin.canIssue || mayPublish) && (
        <Card size="small" title={t('bulletins.panel.actions')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {editable && (
              <Tooltip title={t('bulletins.panel.refreshHint')}>
                <MoveButton
                  bulletin={bulletin}
                  move="refreshBulletin"
                  label={t('bulletins.panel.refresh')}
                  done={() => t('bulletins.panel.refreshed')}
                  icon={<ReloadOutlined />}
                  testId="bulletin-refresh"
                />
              </Tooltip>
            )}
            {bulletin.canReview && bulletin.status === 'draft' && (
              <MoveButton
                bulletin={bulletin}
                move="reviewBulletin"
                label={t('bulletins.panel.review')}
                done={() => t('bulletins.panel.reviewed')}
                icon={<CheckOutlined />}
                primary
                testId="bulletin-review"
              />
            )}
            {bulletin.canIssue && bulletin.status === 'reviewed' && (
              <MoveButton
                bulletin={bulletin}
                move="issueBulletin"
                label={t('bulletins.panel.issue')}
                done={(b) => t('bulletins.panel.issued', { serial: b.serial ?? '' })}
                icon={<SendOutlined />}
                primary
                confirm={{
                  title: t('bulletins.panel.issueConfirm'),
                  content: t('bulletins.panel.issueConfirmText'),
                }}
                testId="bulletin-issue"
              />
            )}
            {mayPublish && (
              <Button
                block
                icon={<EyeOutlined />}
                onClick={() => setPublishing(true)}
                data-testid="bulletin-publish"
              >
                {t('bulletins.panel.publish')}
              </Button>
            )}
            {editable && (
              <Button
                block
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending}
                onClick={confirmDelete}
              >
                {t('bulletins.panel.delete')}
              </Button>
            )}
          </Space>
        </Card>
      )}
      <Card size="small" title={t('bulletins.panel.downloads')}>
        <Space wrap>
          {formats.map(({ format, label }) => (
            <a
              key={format}
              href={bulletinFileHref(bulletin.id, format)}
              download
              data-testid={`bulletin-download-${format}`}
            >
              <DownloadOutlined /> {t(`bulletins.panel.${label}`)}
            </a>
          ))}
        </Space>
        {bulletin.files.length > 0 && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 8 }}
            title={<Typography.Text type="secondary">{t('bulletins.panel.fileHash')}</Typography.Text>}
            items={bulletin.files.map((f) => ({
              key: f.format,
              label: f.format.toUpperCase(),
              children: (
                <Typography.Text code copyable={{ text: f.sha256 }}>
                  {shortHash(f.sha256)}
                </Typography.Text>
              ),
            }))}
          />
        )}
      </Card>
      {issued && !bulletin.isReceived && (
        <Card size="small" title={t('bulletins.panel.receipts')} data-testid="bulletin-receipts">
          <List
            size="small"
            dataSource={bulletin.receipts}
            locale={{ emptyText: t('bulletins.panel.receiptsEmpty') }}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={r.organisationName}
                  description={t('bulletins.panel.readAt', { name: r.readByName, time: time(r.readAt) })}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {isPublishing && <PublishModal bulletin={bulletin} onClose={() => setPublishing(false)} />}
    </Space>
  );
}
