import JSZip from 'jszip';

/**
 * Files an attacker would upload, built in the test so the repository holds no hostile bytes:
 * macro-enabled OOXML, documents and archives carrying programs, a decompression bomb, legacy OLE
 * files with macros or an embedded program — and the clean documents they pretend to be.
 */

/** The smallest Windows program header: `MZ`, its pointer at 0x3c, `PE\0\0` where it points. */
export function tinyProgram(): Buffer {
  const bytes = Buffer.alloc(0x80);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x40, 0x3c);
  bytes.write('PE\0\0', 0x40, 'latin1');
  return bytes;
}

/** A legacy OLE2 compound file header followed by the given streams' bytes. */
export function oleFile(...parts: Buffer[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, ...parts, Buffer.alloc(512)]);
}

async function zipOf(members: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(members)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A clean .docx. */
export const cleanDocx = () =>
  zipOf({ '[Content_Types].xml': contentTypes, 'word/document.xml': '<w:document/>' });

/** A clean .xlsx. */
export const cleanXlsx = () =>
  zipOf({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook/>' });

/** An .xlsm: a workbook carrying `xl/vbaProject.bin`. */
export const xlsm = () =>
  zipOf({
    '[Content_Types].xml': contentTypes,
    'xl/workbook.xml': '<workbook/>',
    'xl/vbaProject.bin': oleFile(Buffer.from('_VBA_PROJECT', 'utf16le')),
  });

/** A .docm (named .docx): a Word document carrying `word/vbaProject.bin`. */
export const docm = () =>
  zipOf({
    '[Content_Types].xml': contentTypes,
    'word/document.xml': '<w:document/>',
    'word/vbaProject.bin': Buffer.from('vba'),
  });

/** A .docx with a packager object (an embedded program) as an OLE embedding. */
export const docxWithEmbeddedProgram = () =>
  zipOf({
    '[Content_Types].xml': contentTypes,
    'word/document.xml': '<w:document/>',
    'word/embeddings/oleObject1.bin': oleFile(Buffer.from('\u0001Ole10Native', 'utf16le'), tinyProgram()),
  });

/** A plain zip archive holding an installer. */
export const zipWithProgram = () => zipOf({ 'readme.txt': '安装说明', 'setup.exe': tinyProgram() });

/** A .docx whose one member expands 20 MB from a few kilobytes (ratio ≈ 1000). */
export const zipBomb = () =>
  zipOf({
    '[Content_Types].xml': contentTypes,
    'word/document.xml': '<w:document/>',
    'word/media/image1.bin': Buffer.alloc(20 * 1024 * 1024),
  });

/** A legacy .doc/.xls carrying VBA macros. */
export const oleWithMacros = () =>
  oleFile(Buffer.from('Macros', 'utf16le'), Buffer.from('_VBA_PROJECT', 'utf16le'));

/** A legacy .doc with a program in one of its streams. */
export const oleWithProgram = () => oleFile(Buffer.from('WordDocument', 'utf16le'), tinyProgram());

/** A clean legacy .doc. */
export const cleanOle = () => oleFile(Buffer.from('WordDocument', 'utf16le'), Buffer.from('正文', 'utf8'));

/**
 * A zip bomb that lies: one member of 8 MB of zeros (a few KB deflated) whose local and central
 * headers declare 100 bytes, so a check that trusts the directory sees a tiny file.
 */
export async function underDeclaredBomb(): Promise<Buffer> {
  const zip = Buffer.from(await zipOf({ 'report.txt': Buffer.alloc(8 * 1024 * 1024) }));
  const central = zip.lastIndexOf(Buffer.from('report.txt')) - 46;
  zip.writeUInt32LE(100, central + 24);
  zip.writeUInt32LE(100, 22);
  return zip;
}

/** A zip of `count` tiny members. */
export const zipOfMany = (count: number) =>
  zipOf(Object.fromEntries(Array.from({ length: count }, (_, i) => [`p/${i}.txt`, 'x'])));

/** A zip holding a zip holding … `depth` levels down, a text file at the bottom. */
export async function nestedZip(depth: number): Promise<Buffer> {
  let inner: Buffer = Buffer.from(await zipOf({ 'note.txt': '现场说明' }));
  for (let level = 1; level < depth; level++)
    inner = Buffer.from(await zipOf({ [`level${level}.zip`]: inner }));
  return inner;
}

/** A clean zip attachment: a PDF and a photo list. */
export const cleanZip = () =>
  zipOf({ '批复.pdf': Buffer.from('%PDF-1.7\n%%EOF\n'), 'readme.txt': '1 号楼现场照片说明' });

/** Members by name: a script, an archive this check cannot open. */
export const zipWithScript = () => zipOf({ 'run.ps1': 'Invoke-WebRequest', 'a.txt': 'x' });
export const zipWithRar = () => zipOf({ 'old.rar': Buffer.from('Rar!\x1a\x07\x00') });

/** A PDF with a zip appended (both readers open it), and a PDF whose tail is a web page. */
export const pdfZipPolyglot = async () =>
  Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n'), await zipWithProgram()]);
export const pdfHtmlPolyglot = () =>
  Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n<html><script>alert(document.cookie)</script></html>');
