import { type RefObject, useLayoutEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Opens every page at its top: when the address's path changes (not its `?query`, which pages
 * update in place), the window and every scrolled box around `content` — the antd layout's
 * scrolling containers included — go back to 0.
 */
export function useScrollToTopOnNavigate(content: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    for (let box = content.current; box; box = box.parentElement) {
      if (box.scrollTop > 0) box.scrollTop = 0;
      if (box.scrollLeft > 0) box.scrollLeft = 0;
    }
    document.scrollingElement?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  }, [pathname, content]);
}
