#!/usr/bin/env node
// The thin entry: hand the arguments to civsam and set the exit code. `--version` is answered
// before anything else is loaded, since scripts call it often.
import { readFileSync } from 'node:fs';
// First of all: a Ctrl-C while the rest loads is noted, never the end of the process without a
// word (the command line then says what became of the folder).
import { noteStopsFromStart } from '../dist/store/stop-request.js';

noteStopsFromStart();

const argv = process.argv.slice(2);
// A reader that stops early (`civsam … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });
}
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  const out = (stream) => ({
    write: (s) => stream.write(s),
    get isTTY() { return Boolean(stream.isTTY); },
    get columns() { return stream.columns || Number(process.env.COLUMNS) || 80; },
  });
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(argv, process.env, { stdout: out(process.stdout), stderr: out(process.stderr), stdin: process.stdin, terminal: { input: process.stdin, output: process.stderr } }, version);
}
