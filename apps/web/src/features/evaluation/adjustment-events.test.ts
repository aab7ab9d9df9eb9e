import { describe, expect, it } from 'vitest';
import { eventsInQuarter } from './adjustment-events';

const event = (id: string, heldOn: string) => ({ id, name: `活动${id}`, heldOn });

describe('eventsInQuarter', () => {
  it('keeps the events held within the quarter, each once, by date', () => {
    const overview = {
      campaigns: [
        { events: [event('b', '2026-03-31'), event('a', '2026-02-10'), event('x', '2026-04-01')] },
        { events: [event('a', '2026-02-10')] },
      ],
      standaloneEvents: [event('c', '2026-01-01'), event('y', '2025-12-31')],
    } as unknown as Parameters<typeof eventsInQuarter>[0];
    expect(eventsInQuarter(overview, '2026Q1').map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(eventsInQuarter(overview, '2026Q2').map((e) => e.id)).toEqual(['x']);
    expect(eventsInQuarter(undefined, '2026Q1')).toEqual([]);
  });
});
