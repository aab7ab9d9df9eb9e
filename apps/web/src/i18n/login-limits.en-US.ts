import type { loginLimitsZhCN } from './login-limits.zh-CN';

/** en-US texts of the login CAPTCHA (merged into en-US.ts). */
export const loginLimitsEnUS: typeof loginLimitsZhCN = {
  captcha: {
    label: 'Image code',
    placeholder: 'Type the characters in the picture (any case)',
    required: 'Enter the image code',
    wrong: 'The image code is wrong or has expired; type the one in the new picture',
    asked: 'This account has failed to sign in several times: enter the image code to continue',
    refresh: 'New picture',
    image: 'Image code picture',
    loadFailed: 'The picture could not be loaded; click to retry',
  },
};
