import type { securityZhCN } from './security.zh-CN';

/** en-US texts of the upload checks and other security refusals (same keys as zh-CN). */
export const securityEnUS: typeof securityZhCN = {
  fileRefusal: {
    tooLarge: 'The file is too large',
    unknownType: 'This type of file is not accepted (judged by its content)',
    notAllowedHere: 'This type of file is not accepted here',
    macro:
      'The file contains macros (e.g. .xlsm, .docm, .pptm) and is refused for security; save it without macros and upload again',
    executable: 'The file carries an embedded program or package and is refused for security',
    archiveBomb: 'The file expands to an abnormal size (a suspected decompression bomb) and is refused',
    sizeMismatch:
      'An archive member expands to another size than it declares (a suspected decompression bomb or tampering) and is refused',
    tooManyEntries: 'The archive holds too many files and is refused',
    nestedArchive:
      'The archive holds an archive that cannot be checked (RAR, 7z…) or is nested too deep; unpack it and upload the files',
    polyglot:
      'The file is also another kind of file (a PDF or image hiding an archive, a web page or a script) and is refused for safety',
    encrypted:
      'The file is encrypted, so its content cannot be checked; remove the password and upload again',
    damaged: 'The file is damaged and cannot be read',
  },
};
