/**
 * 弱密码表: a modest blocklist shipped with the code (no download at run time), compared
 * case-insensitively. Written for this project from the well-known kinds of weak password: the most
 * common passwords, keyboard walks (QWERTY rows, number pad), words with a year or a digit run, and
 * pinyin that Chinese users pick (woaini, zhongguo, mima). The password rules also refuse a password
 * whose letters, stripped of the digits and symbols around them, are one of {@link weakWords}.
 */
// biome-ignore format: a word list reads better packed
export const commonPasswords: readonly string[] = [
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '0123456789',
  '111111', '11111111', '000000', '00000000', '888888', '88888888', '666666', '66666666',
  '123123', '123123123', '112233', '121212', '654321', '987654321', '147258369', '159753',
  '123321', '520520', '5201314', '1314520', '7758521', 'password', 'password1', 'password123',
  'password@123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssword1', 'p@ssw0rd123', 'pa$$w0rd',
  'qwerty', 'qwerty123', 'qwertyuiop', 'qwer1234', 'qwe123', 'qweasd', 'qweasdzxc', 'qazwsx',
  'qazwsxedc', '1qaz2wsx', '1qaz@wsx', '1qaz2wsx3edc', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e', 'zaq12wsx',
  'zxcvbnm', 'zxcvbn', 'asdfgh', 'asdfghjkl', 'asdf1234', 'abc123', 'abc12345', 'abcd1234',
  'abcdef', 'a123456', 'a12345678', 'aa123456', 'aaaaaa', 'iloveyou', 'letmein', 'welcome',
  'welcome1', 'welcome123', 'admin', 'admin123', 'admin@123', 'admin888', 'administrator', 'root',
  'root123', 'toor', 'test', 'test123', 'test@123', 'guest', 'user', 'changeme', 'default',
  'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'trustno1', 'starwars', 'shadow', 'michael', 'jennifer', 'hello123', 'login', 'secret',
  'woaini', 'woaini1314', 'woaini520', 'wangyue', 'zhongguo', 'china', 'china123', 'mima',
  'mima123', 'mima1234', 'huawei', 'huawei123', 'tuijin', 'tuijin123', 'tuijin@123',
  'Aa123456', 'Aa123456!', 'Aa@123456', 'Abc@123', 'Abc@1234', 'Abc@12345', 'Abcd@1234',
  'Abcd1234!', 'Admin@123', 'Admin@1234', 'Admin#123', 'Admin123!', 'Qwer@1234', 'Qwer1234!',
  'Qaz@2wsx', 'P@ssw0rd!', 'P@ssw0rd1', 'Passw0rd!', 'Password1!', 'Password@1', 'Welcome@123',
  'Root@123', 'Test@1234', 'Huawei@123', 'Huawei12#$', 'Changeme123!', 'Zxcv@1234',
];

/**
 * Words that stay weak whatever digits and symbols are put around them (`Password2026!`,
 * `#Admin123`, `qwerty@2026`): compared with the password's letters once the leading and trailing
 * digits and symbols are removed and common substitutions (@→a, 0→o, 1→i, 3→e, $→s) are undone.
 */
// biome-ignore format: a word list reads better packed
export const weakWords: readonly string[] = [
  'password', 'passwd', 'pass', 'admin', 'administrator', 'root', 'test', 'guest', 'user', 'qwerty',
  'qwertyuiop', 'qwer', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbnm', 'qazwsx', 'qweasd',
  'qweasdzxc', 'abc', 'abcd', 'abcdef', 'welcome', 'letmein', 'iloveyou', 'changeme', 'secret',
  'login', 'woaini', 'mima', 'zhongguo', 'china', 'huawei', 'system', 'manager',
];
