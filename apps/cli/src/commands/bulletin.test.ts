import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const dataDir = demoDataDir('tuijin-bulletin');

describe('tuijin bulletin generate', () => {
  it('writes the month’s bulletin of the user’s jurisdiction as Word, PDF and the Excel annex', async () => {
    const out = join(dataDir, '通报.docx');
    const result = await runCli(
      'bulletin',
      'generate',
      '--region',
      '350900',
      '--month',
      '2026-02',
      '--as',
      'ningde',
      '--out',
      out,
      '--pdf',
      '--xlsx',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('关于1—2月全宁德市重点项目建设进展情况的通报（草稿）');
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('宁德市重点项目建设进展情况');
    expect(readFileSync(join(dataDir, '通报.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(dataDir, '通报.xlsx'))).toBe(true);
  });

  it('refuses another jurisdiction, a period not written as one and a missing period, as usage errors', async () => {
    const out = join(dataDir, 'x.docx');
    const other = await runCli(
      'bulletin',
      'generate',
      '--region',
      '350902',
      '--month',
      '2026-02',
      '--as',
      'ningde',
      '--out',
      out,
    );
    expect(other.code).toBe(2);
    expect(other.err).toContain('ningde 的辖区是 350900');
    const wrong = await runCli('bulletin', 'generate', '--week', '2026-45', '--as', 'ningde', '--out', out);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('2026-W45');
    const none = await runCli('bulletin', 'generate', '--as', 'ningde', '--out', out);
    expect(none.code).toBe(2);
    expect(none.err).toContain('--month');
    expect(existsSync(out)).toBe(false);
  });
});
