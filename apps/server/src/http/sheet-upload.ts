import { AppError } from '@tuijin/domain';
import type { FastifyRequest } from 'fastify';
import { ledgerLimits } from '../lib/xlsx-guard';

/** One uploaded spreadsheet and the form's text fields, trimmed (sent before or after the file). */
export interface SheetUpload {
  bytes: Buffer;
  /** The file's own name, without any path the browser sent, at most 200 characters. */
  fileName: string;
  fields: Record<string, string>;
}

/**
 * Reads a spreadsheet upload (`multipart/form-data`: one file, up to `maxFields` text fields) for
 * the imports — ledger, 前期手续, 入统, 资金 — under the ledger's size cap; `what` names the sheet in
 * the refusals ("请选择资金台账（.xlsx）").
 */
export async function readSheetUpload(
  request: FastifyRequest,
  what: string,
  maxFields = 6,
): Promise<SheetUpload> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', `请以 multipart/form-data 上传${what}`, [
      { path: 'file', message: '需要 multipart/form-data' },
    ]);
  let file: { bytes: Buffer; fileName: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts({
    limits: { fileSize: ledgerLimits.maxFileBytes, files: 1, fields: maxFields },
  })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value.trim();
      continue;
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated)
      throw new AppError('VALIDATION_FAILED', `文件超过 ${ledgerLimits.maxFileBytes / 1024 / 1024} MB`, [
        { path: 'file', message: '文件过大' },
      ]);
    file = { bytes, fileName: part.filename.split(/[\\/]/).pop()!.slice(0, 200) };
  }
  if (!file)
    throw new AppError('VALIDATION_FAILED', `请选择${what}`, [{ path: 'file', message: '没有文件' }]);
  return { ...file, fields };
}
