import type { ThemeConfig } from 'antd';

/** Ant Design's default look with a sober government blue. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: {
      headerBg: '#1d4ed8',
      headerHeight: 56,
      headerPadding: '0 16px',
      bodyBg: '#f3f5f9',
      siderBg: '#ffffff',
    },
  },
};
