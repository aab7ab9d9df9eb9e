import type { Project } from '@tuijin/contracts';
import { Alert, App, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FormDrawer } from '../../components/FormDrawer';
import { useCurrentUser } from '../auth/use-current-user';
import { ProjectFormFields } from './ProjectFormFields';
import {
  ownerUpdate,
  type ProjectFormMode,
  type ProjectFormValues,
  toFormValues,
  toProjectFields,
} from './project-form';
import { useCreateProject, useUpdateProject } from './projects.queries';

interface ProjectFormDrawerProps {
  /** The project to edit; absent to create one. */
  project?: Project;
  onClose: () => void;
}

/**
 * Creates or edits a project. Editing with `abilities.update` changes every field; with only
 * `abilities.updateOwnerFields` the owner unit's fields are enabled and the rest shown locked.
 * Edits carry the version they were read at; a conflict refetches (global handler) and says so.
 */
export function ProjectFormDrawer({ project, onClose }: ProjectFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const createProject = useCreateProject();
  const updateProject = useUpdateProject();
  const reportError = useApiErrorHandler();
  const mode: ProjectFormMode = !project ? 'create' : project.abilities.update ? 'full' : 'owner';

  const initialValues = useMemo<Partial<ProjectFormValues>>(() => {
    if (project) return toFormValues(project);
    const year = new Date().getFullYear();
    return {
      regionCode: me.region.code,
      levels: ['county'],
      stage: 'conceived',
      constructionType: 'new',
      startYear: year,
      endYear: year + 1,
      tags: [],
      fundingSources: [],
    };
  }, [project, me.region.code]);

  const submit = (values: ProjectFormValues) => {
    const onError = (error: unknown) => reportError(error, form);
    if (!project) {
      createProject.mutate(
        { ...toProjectFields(values), stage: values.stage ?? 'conceived' },
        {
          onSuccess: (created) => {
            void message.success(t('projects.created'));
            onClose();
            void navigate(`/projects/${created.id}`);
          },
          onError,
        },
      );
      return;
    }
    const fields = mode === 'owner' ? ownerUpdate(project, values) : toProjectFields(values);
    updateProject.mutate(
      { ...fields, id: project.id, version: project.version },
      {
        onSuccess: () => {
          void message.success(t('projects.updated'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      title={project ? t('projects.editTitle', { name: project.name }) : t('projects.create')}
      isSaving={createProject.isPending || updateProject.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={760}
    >
      {mode === 'owner' && (
        <Alert type="info" showIcon title={t('projects.ownerFieldsHint')} style={{ marginBottom: 16 }} />
      )}
      <Form<ProjectFormValues>
        form={form}
        name="project-form"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError
      >
        <ProjectFormFields mode={mode} project={project} />
      </Form>
    </FormDrawer>
  );
}
