import type { MessageInstance } from 'antd/es/message/interface';

let instance: MessageInstance | null = null;

/** Lets code outside React (the query cache's error handler) show a themed, localised message. */
export function bindNotifier(message: MessageInstance | null) {
  instance = message;
}

/** Shows an error toast once, keyed so that several failing requests do not stack duplicates. */
export function notifyError(text: string, key = text) {
  void instance?.error({ content: text, key });
}
