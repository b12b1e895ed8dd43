// Global setup of both test runs: every temporary folder a test makes (mkdtemp under the system's
// temporary folder, in the test or in a civsam it starts) goes into one folder of this run, removed
// when the run ends. Without it, each run left some thousands of folders behind in /tmp, and a
// developer's disk filled up run by run.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'civsam-run-'));
  // As open as the system's own temporary folder: tests that run civsam as another user reach their folders through it.
  chmodSync(root, 0o1777);
  const before = process.env.TMPDIR;
  // The test workers are started after this, with this environment: os.tmpdir() there is the root.
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    removeAll(root);
  };
}

/** Removes a folder and everything in it, also what a test made unreadable or unwritable to try civsam on it. */
function removeAll(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    const open = (d: string): void => {
      try {
        chmodSync(d, 0o700);
        for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) open(join(d, e.name));
      } catch {
        // not ours to open: left
      }
    };
    open(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  }
}
