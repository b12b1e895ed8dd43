// The folder snapshot never changes what a command prints (test/helpers/snapshot-property.ts): a
// short run here, 500 runs in the stress suite.
import { describe, expect, it } from 'vitest';
import { snapshotProperty } from '../helpers/snapshot-property.js';

describe('the folder snapshot', () => {
  it('never changes what validate, audit and an overview print or how they exit (40 runs of random edits, fixed seed)', async () => {
    const { taken, recorded } = await snapshotProperty(40);
    // The snapshot was in use, not merely written: files were kept as passing their own checks.
    expect(taken).toBeGreaterThan(0);
    // And reports were recorded, so some were printed from a recording.
    expect(recorded).toBeGreaterThan(0);
  }, 120_000);
});
