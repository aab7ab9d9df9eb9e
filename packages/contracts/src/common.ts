import { z } from 'zod';

/**
 * A text field: trimmed, length-capped, and free of NUL bytes and lone surrogates (PostgreSQL
 * rejects both with a 500; here they are a 400 that names the field).
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过 ${max} 个字符` })
    .refine((value) => !hasUnsafeCharacters(value), { message: '包含不允许的控制字符或无效字符' });

/** Like {@link text} but required: at least one character after trimming. */
export const requiredText = (max: number) => text(max).pipe(z.string().min(1, { message: '必填' }));

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point
const unsafePattern = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string carries a NUL byte or a lone UTF-16 surrogate. */
export function hasUnsafeCharacters(value: string): boolean {
  return unsafePattern.test(value);
}

export const Id = z.uuid({ message: '无效的编号' });
export const Version = z.number().int().min(0).describe('记录版本号，用于防止覆盖他人修改');
export const Timestamp = z.string().describe('ISO 8601 时间');

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('页码，从 1 开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数，最多 200'),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const PageInfo = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** A page of rows plus paging facts. */
export const paged = <T extends z.ZodType>(row: T) => z.object({ data: z.array(row), page: PageInfo });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          issue: z.string().optional().describe('可本地化的原因代码'),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** A boolean in a query string: only `true` or `false` (a boolean too, for typed callers). */
export const QueryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false'])], { message: '应为 true 或 false' })
  .transform((value) => value === true || value === 'true');
