import type { Notification } from '@tuijin/contracts';
import { useTranslation } from 'react-i18next';

/** The title and sentence of a notification in the current language, from its kind and params. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (item: Pick<Notification, 'kind' | 'params'>) => {
    const known = i18n.exists(`notifications.kinds.${item.kind}`);
    const key = known ? item.kind : 'unknown';
    return {
      title: t(`notifications.titles.${key}` as 'notifications.titles.unknown'),
      text: t(`notifications.kinds.${key}` as 'notifications.kinds.unknown', item.params),
    };
  };
}
