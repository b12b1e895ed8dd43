// A fixed today for a test file or a describe block: civsam reads its date from the clock, and a
// test of date rules ("after today", "before its deadline") needs one that does not move.
import { afterEach, beforeEach, vi } from 'vitest';

/** Today is `day` (YYYY-MM-DD, at noon) for every test of the file or block this is called in. */
export function todayIs(day: string): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${day}T12:00:00`));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
