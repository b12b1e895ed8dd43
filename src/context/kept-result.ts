// A result worked out from the whole folder, kept with the folder snapshot it was worked out on (as
// a recorded report is, store/recorded-output.ts) and taken again while every file is as that
// snapshot holds it: `publish` keeps its audit's counts so. What is kept is JSON, checked whole and
// for its shape before it is believed; anything else works it out again.
import { createHash } from 'node:crypto';
import { BUILD_KEY } from '../generated/build-key.js';
import { readRecording, recordingsFolder, writeRecording } from '../store/recorded-output.js';
import type { CommandContext } from './context.js';
import { unchangedSnapshot } from './load.js';

/**
 * `compute()`'s value, or the one kept for this folder (loaded already by the command), `what` and
 * `params`; `shaped` says whether a kept value is one. Not kept for a folder read from history or
 * without the snapshot.
 */
export function keptResult<T>(ctx: CommandContext, what: string, params: readonly unknown[], compute: () => T, shaped: (v: unknown) => v is T): T {
  const snapshot = ctx.fromHistory ? undefined : unchangedSnapshot(ctx);
  if (!snapshot) return compute();
  const folder = recordingsFolder(snapshot.snapshot);
  const key = createHash('sha256').update(JSON.stringify([what, BUILD_KEY, ctx.version, params])).digest('hex').slice(0, 40);
  const kept = readRecording(folder, snapshot.generation, key);
  if (kept?.parts.length === 1) {
    try {
      const value: unknown = JSON.parse(kept.parts[0].text);
      if (shaped(value)) return value;
    } catch {
      // Not JSON: worked out again below.
    }
  }
  const value = compute();
  writeRecording(folder, snapshot.generation, key, [{ stream: 0, texts: [JSON.stringify(value)] }], 0);
  return value;
}
