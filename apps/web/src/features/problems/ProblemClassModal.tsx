import { type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useCreateProblemClass } from './problem-config.queries';

interface ProblemClassModalProps {
  problemIds: string[];
  onClose: () => void;
}

/** 归为一类: names a class for the ticked problems, then opens it. */
export function ProblemClassModal({ problemIds, onClose }: ProblemClassModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateProblemClass();
  const onError = useApiErrorHandler();

  return (
    <Modal
      open
      title={t('problems.classes.create')}
      okText={t('problems.classes.createOk')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'class-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('problems.classes.createHint', { count: problemIds.length })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="problem-class"
        onFinish={(values) =>
          create.mutate(
            { name: values.name.trim(), problemIds },
            {
              onSuccess: (created) => {
                onClose();
                navigate(`/problems/classes/${created.id}`);
              },
              onError: (error) => onError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('problems.classes.name')}
          rules={[{ required: true, whitespace: true, message: t('problems.classes.nameRequired') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('problems.classes.namePlaceholder')}
            data-testid="class-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
