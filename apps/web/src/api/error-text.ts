import type { ErrorDetailWire } from '@tuijin/contracts';
import { errorCodes, type FileRefusal, fileRefusals } from '@tuijin/domain';
import { currentLanguage, i18n } from '../i18n';
import { ApiError } from './client';

type KnownCode = (typeof errorCodes)[number];
const isKnownCode = (code: string): code is KnownCode => (errorCodes as readonly string[]).includes(code);

/**
 * The text to show for a failed call. The server's message is already zh-CN and the most specific
 * (e.g. "用户名或密码错误"), so Chinese shows it; other languages localise by error code.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (currentLanguage() === 'zh-CN' && error.message) return error.message;
    const refusedFile = error.details.find((detail) => detail.issue?.startsWith('file.'));
    if (refusedFile) return `${refusedFile.path}: ${detailText(refusedFile)}`;
    return isKnownCode(error.code) ? i18n.t(`errors.${error.code}`) : error.message;
  }
  return i18n.t('errors.network');
}

/** Codes the global query-cache handler already acts on, so forms need not report them again. */
export const globallyHandledCodes: readonly string[] = [
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  'PASSWORD_CHANGE_REQUIRED',
];

/**
 * One detail of a refusal in the reader's language: a refused upload (`issue` file.<reason>)
 * localised by its reason, anything else as the server wrote it.
 */
export function detailText(detail: ErrorDetailWire): string {
  const reason = detail.issue?.startsWith('file.') ? detail.issue.slice(5) : '';
  if (currentLanguage() === 'zh-CN' || !(fileRefusals as readonly string[]).includes(reason))
    return detail.message;
  return i18n.t(`fileRefusal.${reason as FileRefusal}`);
}
