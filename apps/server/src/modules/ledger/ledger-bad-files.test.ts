import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseLedger } from './parse-ledger';

/**
 * Bad files through the importer, beyond those in parse-ledger.test.ts (empty bytes, CSV text, a
 * bare OLE header, macros, 5,000 columns): each is refused with a plain-Chinese reason, never a crash.
 */
const expectRefusal = async (bytes: Buffer, fragment: string) => {
  await expect(parseLedger(bytes)).rejects.toMatchObject({
    code: 'VALIDATION_FAILED',
    message: expect.stringContaining(fragment),
    details: [{ path: 'file', message: expect.stringContaining(fragment) }],
  });
};

const free = 0xffffffff;
const endOfChain = 0xfffffffe;
const fatSector = 0xfffffffd;

/** A 128-byte compound-file directory entry. */
function directoryEntry(
  name: string,
  type: 0 | 2 | 5,
  options: { right?: number; child?: number; start?: number; size?: number } = {},
) {
  const entry = Buffer.alloc(128);
  if (type !== 0) {
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
  }
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67); // black
  entry.writeUInt32LE(free, 68); // left sibling
  entry.writeUInt32LE(options.right ?? free, 72);
  entry.writeUInt32LE(options.child ?? free, 76);
  entry.writeUInt32LE(options.start ?? (type === 5 ? endOfChain : 0), 116);
  entry.writeUInt32LE(options.size ?? 0, 120);
  return entry;
}

/**
 * What Excel writes when a workbook has an open password (ECMA-376 agile encryption): not a zip but
 * an OLE compound file (version 3, 512-byte sectors) with the streams `EncryptionInfo` (version 4.4
 * and its XML descriptor) and `EncryptedPackage` (size, then ciphertext). Built sector by sector:
 * FAT, directory, 8 sectors per stream.
 */
function encryptedWorkbook(): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff: both streams are bigger, in normal sectors
  header.writeUInt32LE(endOfChain, 60);
  header.writeUInt32LE(endOfChain, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : free, 76 + i * 4);

  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(fatSector, 0);
  fat.writeUInt32LE(endOfChain, 4);
  for (const [first, last] of [
    [2, 9],
    [10, 17],
  ] as const) {
    for (let s = first; s < last; s++) fat.writeUInt32LE(s + 1, s * 4);
    fat.writeUInt32LE(endOfChain, last * 4);
  }

  const directory = Buffer.concat([
    directoryEntry('Root Entry', 5, { child: 1 }),
    directoryEntry('EncryptionInfo', 2, { right: 2, start: 2, size: 4096 }),
    directoryEntry('EncryptedPackage', 2, { start: 10, size: 4096 }),
    directoryEntry('', 0),
  ]);

  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>',
    8,
    'utf8',
  );
  const payload = Buffer.alloc(4096);
  payload.writeBigUInt64LE(9000n, 0);
  for (let i = 8; i < payload.length; i++) payload[i] = (i * 131 + 7) & 0xff;
  return Buffer.concat([header, fat, directory, info, payload]);
}

/** A zip holding one stored member, with a correct central directory: valid zip, not a workbook. */
function zipWith(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('bad ledger files', () => {
  it('refuses a password-protected workbook (encrypted OOXML in a compound file) and says so', async () => {
    const bytes = encryptedWorkbook();
    expect(bytes.length).toBe(512 * 19);
    await expectRefusal(bytes, '文件已加密（设置了打开密码）');
  });

  it('refuses a workbook without any sheet, and one whose only sheet is empty', async () => {
    await expectRefusal(Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()), '工作簿是空的');
    const oneEmptySheet = new ExcelJS.Workbook();
    oneEmptySheet.addWorksheet('Sheet1');
    await expectRefusal(Buffer.from(await oneEmptySheet.xlsx.writeBuffer()), '工作簿是空的');
  });

  it('refuses a workbook of prose without a ledger header', async () => {
    const prose = new ExcelJS.Workbook();
    prose.addWorksheet('填报说明').addRow(['填报说明：请于每月25日前报送']);
    await expectRefusal(Buffer.from(await prose.xlsx.writeBuffer()), '找不到台账表头');
  });

  it('refuses a zip that is not a workbook, and a truncated workbook', async () => {
    await expectRefusal(zipWith('word/document.xml', '<w:document/>'), '缺少工作簿');
    const whole = new ExcelJS.Workbook();
    whole.addWorksheet('Sheet1').addRow(['项目名称', '建设单位', '总投资']);
    const bytes = Buffer.from(await whole.xlsx.writeBuffer());
    await expectRefusal(bytes.subarray(0, Math.floor(bytes.length / 2)), '已损坏');
  });

  it('refuses a sheet 5,000 columns wide even when its header row is narrow', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['序号', '项目名称', '建设单位', '总投资']);
    sheet.getCell(2, 5000).value = 1;
    await expectRefusal(Buffer.from(await workbook.xlsx.writeBuffer()), '5000 列');
  });
});
