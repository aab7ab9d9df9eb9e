import type { twoFactorZhCN } from './two-factor.zh-CN';

/** en-US texts of two-factor login, merged into en-US.ts. */
export const twoFactorEnUS: typeof twoFactorZhCN = {
  twoFactor: {
    codeHeading: 'Step two: authenticator code',
    codeIntro:
      'Open the authenticator app on your phone and type the 6-digit code it shows. If you lost the phone, type a recovery code.',
    code: 'Code or recovery code',
    codeRequired: 'Please type the code',
    verify: 'Verify and sign in',
    backToPassword: 'Back to the password',
    enrolHeading: 'Set up an authenticator',
    enrolRequired:
      'The security policy requires two-factor login for your account. Set up an authenticator before using the system.',
    enrolIntro:
      'Install a TOTP authenticator app on your phone (FreeOTP, Microsoft Authenticator, …), then scan the QR code below or type the secret.',
    start: 'Show the QR code',
    qrAlt: 'Authenticator enrolment QR code',
    secret: 'Secret (type it if you cannot scan)',
    confirmCode: 'The 6-digit code the app shows now',
    confirm: 'Confirm',
    recoveryHeading: 'Save your recovery codes',
    recoveryIntro:
      'Each of these 10 recovery codes works once, instead of a code, if you lose your phone. They are shown only this once: write them down or print them and keep them safe.',
    recoverySaved: 'I have saved them, continue',
    statusEnrolled:
      'An authenticator is set up; {{count}} recovery codes left. To move to a new phone, ask the security admin for a reset.',
    statusNotEnrolled: 'No authenticator is set up.',
    statusRequired: 'The security policy requires two-factor login for your account.',
    enrolled: 'Authenticator set up',
    policySection: 'Two-factor login',
    twoFactorForAdmins: 'System, security and audit admins must sign in with an authenticator code',
    twoFactorRoles: 'Other roles that must sign in with an authenticator code',
    reset: 'Reset authenticator',
    resetConfirm:
      'Reset the authenticator of {{name}}? Their sessions end and they set one up again at the next login.',
    resetDone: 'Authenticator reset',
  },
};
