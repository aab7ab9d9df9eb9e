/** zh-CN texts of two-factor login (动态口令), merged into zh-CN.ts. */
export const twoFactorZhCN = {
  twoFactor: {
    codeHeading: '第二步：输入动态口令',
    codeIntro: '请打开手机上的认证应用，输入其显示的 6 位动态口令。手机丢失时可输入一个恢复码。',
    code: '动态口令或恢复码',
    codeRequired: '请输入动态口令',
    verify: '验证并登录',
    backToPassword: '返回重新输入密码',
    enrolHeading: '绑定动态口令',
    enrolRequired: '按照安全策略，您的账号须使用双因素登录。请先绑定动态口令，完成后才能使用系统。',
    enrolIntro:
      '在手机上安装支持 TOTP 的认证应用（如 FreeOTP、Microsoft Authenticator等），扫描下方二维码，或手工输入密钥。',
    start: '生成二维码',
    qrAlt: '动态口令绑定二维码',
    secret: '密钥（无法扫码时手工输入）',
    confirmCode: '应用当前显示的 6 位动态口令',
    confirm: '确认绑定',
    recoveryHeading: '请保存恢复码',
    recoveryIntro:
      '以下 10 个恢复码各可使用一次，在手机丢失时代替动态口令登录。它们只显示这一次，请抄写或打印后妥善保管。',
    recoverySaved: '我已保存，继续',
    statusEnrolled: '已绑定动态口令，剩余恢复码 {{count}} 个。如需更换手机，请联系安全管理员重置。',
    statusNotEnrolled: '尚未绑定动态口令。',
    statusRequired: '安全策略要求您的账号使用双因素登录。',
    enrolled: '动态口令已绑定',
    policySection: '双因素登录',
    twoFactorForAdmins: '系统、安全、审计管理员必须使用动态口令登录',
    twoFactorRoles: '另须使用动态口令登录的角色',
    reset: '重置动态口令',
    resetConfirm: '确定重置 {{name}} 的动态口令吗？其现有会话将被注销，下次登录须重新绑定。',
    resetDone: '已重置动态口令',
  },
};
