import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeetingDetail, RecordAttendance } from '@tuijin/contracts';
import { App, Button, type ButtonProps, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DispatchOrganisationSelect } from './DispatchBits';
import { useRecordAttendance } from './dispatch.queries';
import { useDispatchError } from './use-dispatch-error';

type Attendee = MeetingDetail['attendees'][number];
type Row = RecordAttendance['attendees'][number];
const statuses = ['present', 'excused', 'delegated'] as const;
const statusColours: Record<Attendee['status'], string> = {
  present: 'success',
  excused: 'default',
  delegated: 'blue',
};

/** 登记参会: the whole list at once — person, organisation, present / excused / delegated with the delegate. */
function AttendanceModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ attendees: Row[] }>();
  const record = useRecordAttendance();
  const onError = useDispatchError();
  const rows = Form.useWatch('attendees', form) as Row[] | undefined;
  const initial: Row[] =
    meeting.attendees.length > 0
      ? meeting.attendees.map((a) => ({
          organisationId: a.organisationId,
          personName: a.personName,
          status: a.status,
          delegateName: a.delegateName,
        }))
      : [{ organisationId: null, personName: '', status: 'present', delegateName: null }];

  return (
    <Modal
      open
      width={760}
      title={t('dispatch.meeting.attendanceTitle')}
      okText={t('common.save')}
      okButtonProps={{ loading: record.isPending, 'data-testid': 'attendance-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ attendees: Row[] }>
        form={form}
        name="meeting-attendance"
        initialValues={{ attendees: initial }}
        onFinish={({ attendees }) =>
          record.mutate(
            {
              id: meeting.id,
              body: {
                attendees: (attendees ?? []).map((a) => ({
                  organisationId: a.organisationId ?? null,
                  personName: a.personName.trim(),
                  status: a.status,
                  delegateName: a.status === 'delegated' ? (a.delegateName?.trim() ?? null) : null,
                })),
                version: meeting.version,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('dispatch.meeting.attendanceSaved'));
                onClose();
              },
              onError: (error) => onError(error),
            },
          )
        }
      >
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="flex-start" data-testid="attendance-row">
                  <Form.Item
                    name={[field.name, 'personName']}
                    rules={[
                      { required: true, whitespace: true, message: t('dispatch.meeting.personRequired') },
                    ]}
                    style={{ width: 130, marginBottom: 8 }}
                  >
                    <Input
                      maxLength={40}
                      placeholder={t('dispatch.meeting.personName')}
                      data-testid="attendance-person"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'organisationId']} style={{ width: 230, marginBottom: 8 }}>
                    <DispatchOrganisationSelect allowClear placeholder={t('dispatch.meeting.organisation')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'status']} style={{ width: 96, marginBottom: 8 }}>
                    <Select
                      data-testid="attendance-status"
                      options={statuses.map((s) => ({
                        value: s,
                        label: t(`dispatch.meeting.attendStatuses.${s}`),
                      }))}
                    />
                  </Form.Item>
                  {rows?.[index]?.status === 'delegated' && (
                    <Form.Item
                      name={[field.name, 'delegateName']}
                      rules={[
                        { required: true, whitespace: true, message: t('dispatch.meeting.delegateRequired') },
                      ]}
                      style={{ width: 120, marginBottom: 8 }}
                    >
                      <Input
                        maxLength={40}
                        placeholder={t('dispatch.meeting.delegateName')}
                        data-testid="attendance-delegate"
                      />
                    </Form.Item>
                  )}
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('dispatch.meeting.removeAttendee')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ organisationId: null, personName: '', status: 'present', delegateName: null })
                }
                data-testid="attendance-add"
              >
                {t('dispatch.meeting.addAttendee')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 参会情况: who attended, was excused or sent a delegate; the office records it before or after the meeting. */
export function AttendanceCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title={t('dispatch.meeting.attendance')}
      extra={
        meeting.canManage && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="attendance-edit"
          >
            {t('dispatch.meeting.attendanceEdit')}
          </Button>
        )
      }
    >
      <Table<Attendee>
        rowKey={(a) => `${a.personName}-${a.organisationId ?? ''}`}
        size="small"
        pagination={false}
        dataSource={meeting.attendees}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('dispatch.meeting.attendanceEmpty') }}
        data-testid="attendance"
        columns={[
          { key: 'person', title: t('dispatch.meeting.personName'), dataIndex: 'personName' },
          {
            key: 'organisation',
            title: t('dispatch.meeting.organisation'),
            render: (_, a) => a.organisationName ?? '—',
          },
          {
            key: 'status',
            title: t('dispatch.meeting.attendStatus'),
            render: (_, a) => (
              <Tag color={statusColours[a.status]}>
                {t(`dispatch.meeting.attendStatuses.${a.status}`)}
                {a.delegateName ? ` · ${a.delegateName}` : ''}
              </Tag>
            ),
          },
        ]}
      />
      {isEditing && <AttendanceModal meeting={meeting} onClose={() => setEditing(false)} />}
    </Card>
  );
}
