import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanDocx, pdfHtmlPolyglot, pdfZipPolyglot, zipWithProgram } from '../testing/hostile-files';
import { isPolyglot } from './polyglot';

const png = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();

describe('isPolyglot', () => {
  it('refuses a PDF that is also a zip, and a PDF whose tail is a web page', async () => {
    expect(isPolyglot(await pdfZipPolyglot(), 'pdf')).toBe(true);
    expect(isPolyglot(pdfHtmlPolyglot(), 'pdf')).toBe(true);
  });

  it('refuses an image with a script or an HTML page in its head or tail, or a zip appended', async () => {
    const image = await png();
    expect(isPolyglot(Buffer.concat([image, Buffer.from('<script>fetch("/api")</script>')]), 'png')).toBe(
      true,
    );
    const head = Buffer.concat([image.subarray(0, 8), Buffer.from('<!DOCTYPE html><p>'), image.subarray(8)]);
    expect(isPolyglot(head, 'png')).toBe(true);
    expect(isPolyglot(Buffer.concat([image, await zipWithProgram()]), 'png')).toBe(true);
  });

  it('accepts a plain image and a plain PDF, and leaves office documents to the member checks', async () => {
    expect(isPolyglot(await png(), 'png')).toBe(false);
    expect(isPolyglot(Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n'), 'pdf')).toBe(false);
    expect(isPolyglot(await cleanDocx(), 'docx')).toBe(false);
  });
});
