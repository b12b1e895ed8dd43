// A Ctrl-C that comes while civsam works synchronously is heard at the next check (stop-request.ts
// heardYet), wherever the code went on from: the start, an I/O callback (past the loop's poll phase,
// where signals are read) or a setImmediate. A separate process, so the signal is its own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

it('hears a signal that came during synchronous work at the next check, wherever the work went on from', () => {
  const script = `
    import { readFile } from 'node:fs/promises';
    const { heardYet } = await import(${JSON.stringify(join(ROOT, 'dist/store/stop-request.js'))});
    let count = 0;
    process.on('SIGINT', () => count++);
    const missed = [];
    for (const from of ['start', 'io', 'immediate']) {
      for (let i = 0; i < 10; i++) {
        count = 0;
        if (from === 'io') await readFile(${JSON.stringify(join(ROOT, 'package.json'))});
        if (from === 'immediate') await new Promise((r) => setImmediate(r));
        process.kill(process.pid, 'SIGINT');
        const t = Date.now();
        while (Date.now() - t < 5) {} // synchronous work while the signal arrives
        await heardYet();
        if (count !== 1) missed.push(from);
      }
    }
    process.stdout.write(JSON.stringify(missed));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([]);
});
