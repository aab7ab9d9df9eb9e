/**
 * The file types the platform accepts, told by their bytes on the server: photos and office
 * documents, and zip archives whose every member is checked (programs, scripts, bombs, nesting).
 * Macro-enabled Office files, executables, other archives, HTML, SVG and scripts are never among them.
 */
export const fileTypes = {
  jpeg: { kind: 'photo', label: 'JPG' },
  png: { kind: 'photo', label: 'PNG' },
  gif: { kind: 'photo', label: 'GIF' },
  webp: { kind: 'photo', label: 'WebP' },
  pdf: { kind: 'document', label: 'PDF' },
  ofd: { kind: 'document', label: 'OFD' },
  docx: { kind: 'document', label: 'Word' },
  zip: { kind: 'document', label: 'ZIP' },
  xlsx: { kind: 'document', label: 'Excel' },
  pptx: { kind: 'document', label: 'PPT' },
  doc: { kind: 'document', label: 'Word 97-2003' },
  xls: { kind: 'document', label: 'Excel 97-2003' },
  ppt: { kind: 'document', label: 'PPT 97-2003' },
} as const;
export type FileTypeId = keyof typeof fileTypes;
export type FileKind = (typeof fileTypes)[FileTypeId]['kind'];

/**
 * What an upload is for, one per upload route: a project's files (项目资料: photos and documents),
 * a problem's attachments (问题附件: photos and documents as evidence), a monthly report's site
 * photos (月报现场照片: photos only). The ledger import and the boundary map have their own checks.
 */
export const uploadPurposes = {
  projectFile: [
    'jpeg',
    'png',
    'gif',
    'webp',
    'pdf',
    'ofd',
    'docx',
    'xlsx',
    'pptx',
    'doc',
    'xls',
    'ppt',
    'zip',
  ],
  problemAttachment: [
    'jpeg',
    'png',
    'gif',
    'webp',
    'pdf',
    'ofd',
    'docx',
    'xlsx',
    'pptx',
    'doc',
    'xls',
    'ppt',
    'zip',
  ],
  reportPhoto: ['jpeg', 'png', 'gif', 'webp'],
} as const satisfies Record<string, readonly FileTypeId[]>;
export type UploadPurpose = keyof typeof uploadPurposes;

/** How many members an archive (a zip attachment, an OOXML file) may hold. */
export const maxArchiveEntries = 5000;

/** Why a file is refused; the web localises by `file.<reason>`. */
export const fileRefusals = [
  'tooLarge',
  'unknownType',
  'notAllowedHere',
  'macro',
  'executable',
  'archiveBomb',
  'sizeMismatch',
  'tooManyEntries',
  'nestedArchive',
  'polyglot',
  'encrypted',
  'damaged',
] as const;
export type FileRefusal = (typeof fileRefusals)[number];

/** Whether a file of this type may be uploaded for this purpose. */
export const allowsFileType = (purpose: UploadPurpose, type: FileTypeId): boolean =>
  (uploadPurposes[purpose] as readonly FileTypeId[]).includes(type);

/** The accepted types of a purpose as shown to people: 照片（JPG、PNG…）和文档（PDF、Word…）. */
export function acceptedTypesText(purpose: UploadPurpose): string {
  const types = uploadPurposes[purpose] as readonly FileTypeId[];
  const labels = (kind: FileKind) =>
    [
      ...new Set(
        types.filter((t) => fileTypes[t].kind === kind).map((t) => fileTypes[t].label.split(' ')[0]),
      ),
    ].join('、');
  const photos = labels('photo');
  const documents = labels('document');
  return [photos && `照片（${photos}）`, documents && `文档（${documents}）`].filter(Boolean).join('和');
}

/** The zh-CN reason for a refused file (the message names the file in front of it). */
export function fileRefusalMessage(
  reason: FileRefusal,
  purpose: UploadPurpose,
  maxMegabytes: number,
): string {
  switch (reason) {
    case 'tooLarge':
      return `文件超过 ${maxMegabytes} MB`;
    case 'unknownType':
      return `不支持的文件类型（按文件内容识别），只接受${acceptedTypesText(purpose)}`;
    case 'notAllowedHere':
      return `此处只接受${acceptedTypesText(purpose)}`;
    case 'macro':
      return '文件包含宏（如 .xlsm、.docm、.pptm），出于安全原因不予接收，请另存为不含宏的格式后上传';
    case 'executable':
      return '文件内嵌可执行程序或程序包，出于安全原因不予接收';
    case 'archiveBomb':
      return '文件解压后异常巨大（疑似压缩炸弹），不予接收';
    case 'sizeMismatch':
      return '压缩包内文件声明的大小与实际解压大小不符（疑似压缩炸弹或被篡改），不予接收';
    case 'tooManyEntries':
      return `压缩包内文件过多（超过 ${maxArchiveEntries} 个），不予接收`;
    case 'nestedArchive':
      return '压缩包内含无法检查的压缩包（RAR、7z 等）或嵌套层数过多，请解压后分别上传';
    case 'polyglot':
      return '文件同时是另一种文件（如 PDF 或图片中藏有压缩包、网页或脚本），出于安全原因不予接收';
    case 'encrypted':
      return '文件已加密，无法检查其内容，请取消密码后上传';
    case 'damaged':
      return '文件已损坏，无法读取';
  }
}
