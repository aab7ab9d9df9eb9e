import { problemDescriptionLength } from '@tuijin/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DictionarySelect } from '../dictionaries/DictionarySelect';
import { ProjectPicker } from './ProjectPicker';

/** What the raise form holds (the body of 登记问题 without the channel). */
export interface RaiseValues {
  projectId: string;
  category: string;
  description: string;
  request?: string;
  callerName?: string;
  callerPhone?: string;
}

interface RaiseProblemFieldsProps {
  /** The project is fixed (raised from its page): no picker. */
  project?: { id: string; name: string } | null;
}

/** Project, 问题分类, description and request: the fields every intake shares. */
export function RaiseProblemFields({ project }: RaiseProblemFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="projectId"
        label={t('problems.raise.project')}
        rules={[{ required: true, message: t('problems.raise.projectRequired') }]}
        hidden={Boolean(project)}
      >
        <ProjectPicker current={project} data-testid="raise-project" />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('problems.raise.category')}
        rules={[{ required: true, message: t('problems.raise.categoryRequired') }]}
      >
        <DictionarySelect kind="problemCategory" data-testid="raise-category" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('problems.raise.description')}
        rules={[
          { required: true, whitespace: true, message: t('problems.raise.descriptionRequired') },
          {
            validator: (_, value?: string) =>
              !value?.trim() || value.trim().length >= problemDescriptionLength.min
                ? Promise.resolve()
                : Promise.reject(
                    new Error(
                      t('problemDeadlines.descriptionTooShort', { min: problemDescriptionLength.min }),
                    ),
                  ),
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={problemDescriptionLength.max}
          showCount
          placeholder={t('problems.raise.descriptionPlaceholder')}
          data-testid="raise-description"
        />
      </Form.Item>
      <Form.Item name="request" label={t('problems.raise.request')}>
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('problems.raise.requestPlaceholder')}
          data-testid="raise-request"
        />
      </Form.Item>
    </>
  );
}
