// The folder snapshot never changes what a command prints (test/helpers/snapshot-property.ts), at
// length: 500 runs of random edits, adds, removes and renames, each checked with validate and audit.
import { describe, expect, it } from 'vitest';
import { snapshotProperty } from '../helpers/snapshot-property.js';

describe('the folder snapshot', () => {
  it('never changes what validate, audit and an overview print or how they exit (500 runs, fixed seed)', async () => {
    const { taken, recorded } = await snapshotProperty(500);
    expect(taken).toBeGreaterThan(0);
    // And reports were recorded, so some were printed from a recording.
    expect(recorded).toBeGreaterThan(0);
  });
});
