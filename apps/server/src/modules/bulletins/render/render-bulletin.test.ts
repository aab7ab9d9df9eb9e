import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulletinDocument } from './bulletin-document';
import { bulletinDocumentFixture as fixture } from './bulletin-document.fixture';
import { renderBulletinAnnex, renderBulletinDocx, renderBulletinPdf } from './index';

/** A copy sharing nothing with the fixture, so equal bytes come from equal content, not from identity. */
const copy = (doc: BulletinDocument): BulletinDocument => structuredClone(doc);
const draft: BulletinDocument = { ...copy(fixture), serial: null };

async function docxPart(bytes: Buffer, part: string) {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  expect(file, part).not.toBeNull();
  return file!.async('string');
}

async function readAnnex(doc: BulletinDocument) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderBulletinAnnex(doc)) as unknown as ArrayBuffer);
  return workbook;
}

/** The PDF's text layer: pdftotext when installed, else the characters its ToUnicode maps name. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-pdf-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), bytes);
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
    if (run.status === 0) return run.stdout.replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const latin = bytes.toString('latin1');
  const chars: string[] = [];
  for (const m of latin.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let text: string;
    try {
      text = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!text.includes('beginbfchar') && !text.includes('beginbfrange')) continue;
    for (const hex of text.matchAll(/<([0-9a-fA-F]{4,})>\s*\]?\s*$/gm))
      chars.push(Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le'));
  }
  return chars.join('');
}

describe('bulletin renderers', () => {
  afterEach(() => vi.useRealTimers());

  it('render the same document to the same bytes, Word, PDF and Excel alike, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const render of [renderBulletinDocx, renderBulletinPdf, renderBulletinAnnex]) {
      vi.setSystemTime(new Date('2026-12-06T09:00:00Z'));
      const first = await render(fixture);
      vi.setSystemTime(new Date('2027-07-01T18:30:45Z'));
      const second = await render(copy(fixture));
      expect(first.length).toBeGreaterThan(1000);
      expect(second.equals(first), render.name).toBe(true);
    }
  });

  it('a different date gives different bytes (the files are stamped with the document’s date)', async () => {
    const base = await renderBulletinDocx(fixture);
    expect((await renderBulletinDocx({ ...copy(fixture), dated: '2026-11-10' })).equals(base)).toBe(false);
    expect(
      (await renderBulletinAnnex({ ...copy(fixture), dated: '2026-11-10' })).equals(
        await renderBulletinAnnex(fixture),
      ),
    ).toBe(false);
  });

  it('writes the Word file as an official document: red head, 文号, title, figures, tables, page numbers', async () => {
    const bytes = await renderBulletinDocx(fixture);
    const xml = await docxPart(bytes, 'word/document.xml');
    for (const text of [
      '宁德市重点项目建设领导小组办公室',
      '宁重点办通报〔2026〕10号',
      '关于1—10月全宁德市重点项目建设进展情况的通报',
      '各县（市、区）重点项目建设办公室，市直有关单位：',
      '一、总体情况',
      '5082550.00 万元',
      '+11.2%',
      '+3.4 个百分点',
      '年度计划（万元）',
      '周宁县城区污水处理厂提标改造工程',
      'WT-2026-0412',
      '2026年11月9日',
      '黑体',
      '仿宋_GB2312',
    ])
      expect(xml).toContain(text);
    expect(xml).toContain('w:color w:val="C00000"');
    expect(xml).toContain('<w:tblHeader/>');
    for (const region of fixture.snapshot.regions)
      expect(xml).toContain(`<w:t xml:space="preserve">${region.name}</w:t>`);
    const footer = await docxPart(bytes, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
    const core = await docxPart(bytes, 'docProps/core.xml');
    expect(core).toContain('2026-11-08T16:00:00Z');
  });

  it('marks a draft 草稿 where the 文号 goes', async () => {
    const xml = await docxPart(await renderBulletinDocx(draft), 'word/document.xml');
    expect(xml).toContain('（草稿）');
    expect(xml).not.toContain('宁重点办通报〔2026〕');
  });

  it('writes a PDF with the Chinese font embedded and the 文号 in its text layer', async () => {
    const bytes = await renderBulletinPdf(fixture);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    const text = pdfText(bytes);
    expect(text).toContain('宁重点办通报〔2026〕10号');
    expect(text).toContain('周宁县');
  });

  it('writes the Excel annex: one sheet per table, Chinese headers, region rows as numbers, frozen header', async () => {
    const workbook = await readAnnex(fixture);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '总体情况',
      '各地进展',
      '红黑榜',
      '红黄灯项目',
      '蜗牛榜',
      '逾期问题',
      '逾期交办事项',
      '超期手续',
    ]);
    const regions = workbook.getWorksheet('各地进展')!;
    expect(regions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(regions.getRow(1).values).toEqual([
      undefined,
      '序号',
      '地区',
      '项目数',
      '年度计划（万元）',
      '完成投资（万元）',
      '完成率',
      '较序时进度',
      '开工率',
      '排名',
    ]);
    expect(regions.rowCount).toBe(1 + fixture.snapshot.regions.length);
    const jiaocheng = regions.getRow(3);
    expect(jiaocheng.getCell(2).value).toBe('蕉城区');
    expect(jiaocheng.getCell(4).value).toBe(1563000);
    expect(jiaocheng.getCell(6).value).toBe(0.883);
    expect(jiaocheng.getCell(6).numFmt).toBe('#,##0.0%');
    expect(regions.getRow(10).getCell(7).value).toBe(-15.5);
    const headline = workbook.getWorksheet('总体情况')!;
    expect(headline.getRow(1).getCell(4).value).toBe('同比');
    expect(headline.getRow(4).getCell(2).value).toBe('5082550.00 万元');
    expect(headline.getRow(4).getCell(4).value).toBe(0.112);
    expect(headline.getRow(4).getCell(4).numFmt).toBe('+#,##0.0%;-#,##0.0%;#,##0.0%');
    const problems = workbook.getWorksheet('逾期问题')!;
    expect(problems.getRow(3).getCell(3).value).toBe("'=林地占用指标不足");
  });

  it('leaves out the table of a section the template turned off', async () => {
    const doc = { ...copy(fixture), sections: fixture.sections.filter((s) => s.key !== 'snails') };
    const workbook = await readAnnex(doc);
    expect(workbook.getWorksheet('蜗牛榜')).toBeUndefined();
    const xml = await docxPart(await renderBulletinDocx(doc), 'word/document.xml');
    expect(xml).not.toContain('五、蜗牛榜');
    expect(xml).toContain('六、逾期未解决问题');
  });

  it('says 本期无 for an empty list and keeps its annex sheet with the header only', async () => {
    const doc = copy(fixture);
    doc.snapshot.overdueTasks = [];
    const xml = await docxPart(await renderBulletinDocx(doc), 'word/document.xml');
    const tasksPart = xml.slice(xml.indexOf('七、逾期交办事项'), xml.indexOf('八、超期前期手续'));
    expect(tasksPart).toContain('（本期无。）');
    expect(tasksPart).not.toContain('交办编号');
    const sheet = (await readAnnex(doc)).getWorksheet('逾期交办事项')!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).getCell(2).value).toBe('交办编号');
  });
});
