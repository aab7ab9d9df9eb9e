import { describe, expect, it } from 'vitest';
import { createLookupMemo } from './project-references';

/** A lazy thenable like a drizzle query builder: every `then` runs the "query" again. */
function lazyQuery<T>(value: T) {
  const query = {
    runs: 0,
    // biome-ignore lint/suspicious/noThenProperty: it imitates a drizzle query builder, which is a thenable
    then(resolve: (value: T) => void) {
      query.runs += 1;
      resolve(value);
    },
  };
  return query;
}

describe('createLookupMemo', () => {
  it('runs a lazy query once however often its key is asked for', async () => {
    const memo = createLookupMemo();
    const query = lazyQuery([{ id: 'a' }]);
    const load = () => query as unknown as Promise<{ id: string }[]>;
    for (let i = 0; i < 5; i++) expect(await memo('organisation:a', load)).toEqual([{ id: 'a' }]);
    expect(query.runs).toBe(1);
  });

  it('keeps different keys apart', async () => {
    const memo = createLookupMemo();
    expect(await memo('a', async () => 1)).toBe(1);
    expect(await memo('b', async () => 2)).toBe(2);
    expect(await memo('a', async () => 3)).toBe(1);
  });
});
