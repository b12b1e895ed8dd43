// A terminal's output with colour taken out, for what civsam does not colour itself (guided
// entry's questions), when the colour decision (output/colors.ts) is no colour.
import { Writable } from 'node:stream';
import { withoutSgr } from './text-width.js';

/**
 * A terminal's output through which no colour passes: the questions of guided entry are drawn by a
 * library that colours them by its own lights (Node's `styleText` sees neither --no-color nor the
 * stream it writes to), so where civsam decided on no colour it is taken out on the way to the
 * screen, whatever the library colours now or in a later version. Its size and `isTTY` are the
 * terminal's, so questions still fit the screen.
 */
export function withoutColour<T extends NodeJS.WritableStream>(out: T): T {
  const target = out as T & { columns?: number; rows?: number; isTTY?: boolean };
  const plain = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      target.write(withoutSgr(text));
      done();
    },
  });
  for (const key of ['columns', 'rows', 'isTTY'] as const) Object.defineProperty(plain, key, { get: () => target[key], enumerable: true });
  return plain as unknown as T;
}
