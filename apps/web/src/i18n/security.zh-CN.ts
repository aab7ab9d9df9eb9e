/** zh-CN texts of the upload checks and other security refusals (merged into zh-CN.ts). */
export const securityZhCN = {
  fileRefusal: {
    tooLarge: '文件过大',
    unknownType: '不支持的文件类型（按文件内容识别）',
    notAllowedHere: '此处不接受这种文件',
    macro: '文件包含宏（如 .xlsm、.docm、.pptm），出于安全原因不予接收，请另存为不含宏的格式后上传',
    executable: '文件内嵌可执行程序或程序包，出于安全原因不予接收',
    archiveBomb: '文件解压后异常巨大（疑似压缩炸弹），不予接收',
    sizeMismatch: '压缩包内文件声明的大小与实际解压大小不符（疑似压缩炸弹或被篡改），不予接收',
    tooManyEntries: '压缩包内文件过多，不予接收',
    nestedArchive: '压缩包内含无法检查的压缩包（RAR、7z 等）或嵌套层数过多，请解压后分别上传',
    polyglot: '文件同时是另一种文件（如 PDF 或图片中藏有压缩包、网页或脚本），出于安全原因不予接收',
    encrypted: '文件已加密，无法检查其内容，请取消密码后上传',
    damaged: '文件已损坏，无法读取',
  },
};
