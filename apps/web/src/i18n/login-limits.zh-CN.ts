/** zh-CN texts of the login CAPTCHA (merged into zh-CN.ts). */
export const loginLimitsZhCN = {
  captcha: {
    label: '图形验证码',
    placeholder: '请输入图中字符（不区分大小写）',
    required: '请输入图形验证码',
    wrong: '图形验证码错误或已过期，请按新图片重新输入',
    asked: '该账号登录失败次数较多，请输入图形验证码后再登录',
    refresh: '看不清，换一张',
    image: '图形验证码图片',
    loadFailed: '验证码图片加载失败，请点击重试',
  },
};
