import { useState } from 'react';

function readStored(storageKey: string): string[] | null {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null');
    return Array.isArray(saved) && saved.every((key) => typeof key === 'string') ? saved : null;
  } catch {
    return null;
  }
}

/**
 * Which optional columns of a table are shown, remembered in this browser under `storageKey`.
 * Keys no longer offered are dropped, so a renamed column cannot leave a stale choice behind.
 */
export function useColumnChoice(
  storageKey: string,
  offered: readonly string[],
  shownByDefault: readonly string[],
) {
  const [shown, setShown] = useState<string[]>(
    () => readStored(storageKey)?.filter((key) => offered.includes(key)) ?? [...shownByDefault],
  );
  const choose = (keys: string[]) => {
    setShown(keys);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(keys));
    } catch {
      // Storage can be disabled by browser policy; the choice then lasts for this page only.
    }
  };
  const reset = () => choose([...shownByDefault]);
  return { shown, choose, reset };
}
