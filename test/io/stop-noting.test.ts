// Ctrl-C is heard from civsam's first line to its end: while the handlers that note a request are
// swapped, there is never a moment with none, when a signal would be Node's default (the end of the
// process without a word).
import { afterEach, describe, expect, test, vi } from 'vitest';
import { endOfRun, noteStopsFromStart, stopNoting } from '../../src/store/stop-request.js';

afterEach(() => {
  stopNoting();
  vi.restoreAllMocks();
});

describe('noting a stop at the end of a run', () => {
  test('the handlers of the end are on before the earlier ones come off', () => {
    noteStopsFromStart();
    const noting = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    const seen: Array<{ signal: string; left: number }> = [];
    const off = process.off.bind(process);
    vi.spyOn(process, 'off').mockImplementation(((signal: string, handler: (...a: unknown[]) => void) => {
      off(signal, handler);
      seen.push({ signal, left: process.listenerCount(signal) });
      return process;
    }) as typeof process.off);
    endOfRun();
    expect(seen.map((s) => s.signal).sort()).toEqual(['SIGINT', 'SIGTERM']);
    for (const s of seen) expect(s.left).toBe(noting[s.signal as 'SIGINT' | 'SIGTERM']);
  });
});
