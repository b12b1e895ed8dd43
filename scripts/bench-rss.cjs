'use strict';
// Preloaded by scripts/bench.js through NODE_OPTIONS=--require=… so the bench can report each
// process's peak memory without touching civsam's code. On exit, the first Node process of a run
// writes its max RSS (KiB) to $CIVSAM_BENCH_RSS_FILE; Node processes it starts (they inherit
// NODE_OPTIONS) append theirs to "$CIVSAM_BENCH_RSS_FILE.children". Worker threads share their
// process's RSS and report nothing.
const file = process.env.CIVSAM_BENCH_RSS_FILE;
if (file && require('node:worker_threads').isMainThread) {
  const fs = require('node:fs');
  const root = !process.env.CIVSAM_BENCH_RSS_ROOT;
  if (root) process.env.CIVSAM_BENCH_RSS_ROOT = String(process.pid);
  process.on('exit', () => {
    try {
      const kib = process.resourceUsage().maxRSS;
      if (root) fs.writeFileSync(file, `${kib}\n`);
      else fs.appendFileSync(`${file}.children`, `${kib}\n`);
    } catch {
      // Measuring must never change how the measured process ends.
    }
  });
}
