import type { ThemeConfig } from 'antd';
import { useEffect, useState } from 'react';

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

/**
 * The theme for a person who asked their system for less motion: the same look with Ant Design's
 * animations off (dialogs, drop-downs and messages appear and go at once).
 */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? stillTheme : theme;
}

const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/** Whether the system asks for reduced motion, following changes while the page is open. */
export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => typeof window !== 'undefined' && window.matchMedia?.(reducedMotionQuery).matches === true,
  );
  useEffect(() => {
    const query = window.matchMedia?.(reducedMotionQuery);
    if (!query) return;
    const follow = () => setReduced(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return reduced;
}
