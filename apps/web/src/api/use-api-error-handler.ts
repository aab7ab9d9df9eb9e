import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';
import { errorText, globallyHandledCodes } from './error-text';

/** Puts each detail on the form field its path names; returns how many fields got a message. */
function placeOnFields(form: FormInstance, details: ApiError['details']): number {
  const registered = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  for (const detail of details) {
    const field = detail.path.split('.')[0] ?? '';
    if (registered.has(field)) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size;
}

/**
 * Reports a failed mutation: VALIDATION_FAILED (and CONFLICT) details go onto the form fields they
 * name (`details[].path` is the field) with a short notice; a version conflict shows the standard
 * "changed by someone else" notice; anything else shows the server's message. Session and
 * maintenance errors are left to the global handler.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error: unknown, form?: FormInstance) => {
    if (error instanceof ApiError && globallyHandledCodes.includes(error.code)) return;
    const placed = error instanceof ApiError && form ? placeOnFields(form, error.details) : 0;
    if (error instanceof ApiError && error.code === 'CONFLICT' && error.details.length === 0) {
      void message.error(t('errors.CONFLICT'));
      return;
    }
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && placed > 0) {
      void message.error(t('errors.VALIDATION_FAILED'));
      return;
    }
    void message.error(errorText(error));
  };
}
