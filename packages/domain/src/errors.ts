/**
 * The closed set of error codes every layer speaks. The server maps a code to an HTTP status with
 * {@link errorStatus}; the web app localises by code. Nothing else is ever sent to a client.
 */
export const errorCodes = [
  'NOT_FOUND',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'CONFLICT',
  'INVALID_TRANSITION',
  'PERIOD_CLOSED',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'IMPORT_BUSY',
  'UNAVAILABLE',
  'SERVICE_BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status for each code: one table, used by the single error handler. */
export const errorStatus: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  UNAUTHENTICATED: 401,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PERIOD_CLOSED: 409,
  /** An `Idempotency-Key` sent again with another request body: refused, never replayed. */
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  /** A spreadsheet import refused because the caller's own or too many others are being parsed. */
  IMPORT_BUSY: 429,
  UNAVAILABLE: 503,
  /** A statistics read ran past its statement timeout (or found no free connection): try again later. */
  SERVICE_BUSY: 503,
  INTERNAL: 500,
};

/** One detail of a failed validation: where (a field path or a sheet cell) and what is wrong. */
export interface ErrorDetail {
  path: string;
  message: string;
  /** A machine-readable reason the web localises when it knows it (e.g. a GeoJSON issue code). */
  issue?: string;
  /** Figures the localised text of `issue` interpolates. */
  params?: Record<string, string | number>;
}

/** The one error type thrown by domain rules and use cases. `message` is already localised zh-CN. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
    super(message ?? defaultErrorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Default zh-CN message per code, used when a thrower gives no more specific one. */
export const defaultErrorMessages: Record<ErrorCode, string> = {
  NOT_FOUND: '记录不存在或无权查看',
  FORBIDDEN: '没有执行此操作的权限',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码（初始密码、重置后的密码或已到期的密码），再使用系统',
  UNAUTHENTICATED: '请先登录',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  CONFLICT: '记录已被他人修改，请刷新后重试',
  INVALID_TRANSITION: '当前状态不允许此操作',
  PERIOD_CLOSED: '填报期已关闭',
  IDEMPOTENCY_KEY_REUSED: '该请求编号已用于内容不同的请求，请刷新后重新提交',
  RATE_LIMITED: '操作过于频繁，请稍后重试',
  IMPORT_BUSY: '已有台账正在处理，请等其完成后再导入',
  UNAVAILABLE: '系统维护中，请稍后重试',
  SERVICE_BUSY: '系统繁忙，请稍后重试',
  INTERNAL: '系统内部错误，请稍后重试',
};

/** Shorthands that read well at the call site: `throw notFound()`. */
export const notFound = (message?: string) => new AppError('NOT_FOUND', message);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const conflict = (message?: string) => new AppError('CONFLICT', message);
export const invalid = (details: ErrorDetail[], message?: string) =>
  new AppError('VALIDATION_FAILED', message, details);
