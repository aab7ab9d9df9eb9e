import { AppError } from '@tuijin/domain';
import { zipEntries } from './zip-directory';

/** Limits on an uploaded ledger: a real office sheet is far below all of them. */
export const ledgerLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 600 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
};

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);

/**
 * Checks an uploaded spreadsheet before any parsing: it must be a real .xlsx (a zip with
 * `xl/workbook.xml`), not an encrypted or legacy .xls (OLE2), not a macro workbook (`vbaProject.bin`),
 * and its members must not expand beyond the limit (a zip bomb). Reads only the zip's central
 * directory, so it costs nothing on a big file.
 */
export function checkXlsx(bytes: Buffer): void {
  if (bytes.length === 0) throw refuse('文件为空');
  if (bytes.length > ledgerLimits.maxFileBytes)
    throw refuse(`文件超过 ${ledgerLimits.maxFileBytes / 1024 / 1024} MB`);
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An encrypted .xlsx is a compound file holding the streams EncryptionInfo and EncryptedPackage.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw refuse(
        '文件已加密（设置了打开密码），无法读取：请在 Excel/WPS 中取消打开密码并另存为 .xlsx 后再导入',
      );
    }
    throw refuse('文件已加密（设置了打开密码）或是旧版 .xls 格式：请取消密码并另存为 .xlsx 后再导入');
  }
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw refuse('不是 Excel .xlsx 文件');
  const entries = zipEntries(bytes);
  if (!entries) throw refuse('Excel 文件已损坏，无法读取');
  const names = entries.map((e) => e.name);
  if (!names.includes('xl/workbook.xml')) throw refuse('不是 Excel .xlsx 文件（缺少工作簿）');
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) {
    throw refuse('文件包含宏（.xlsm），出于安全原因不予导入：请另存为不含宏的 .xlsx');
  }
  const expanded = entries.reduce((total, e) => total + e.uncompressedSize, 0);
  if (expanded > ledgerLimits.maxUncompressedBytes) throw refuse('文件解压后过大，疑似异常文件，不予导入');
}
