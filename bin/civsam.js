#!/usr/bin/env node
// The thin entry: hand the arguments to civsam and set the exit code. `--version` is answered
// before anything else is loaded, since scripts call it often.
import { readFileSync } from 'node:fs';

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
  // A large folder starts being listed on the second core now, while the command's code loads.
  try {
    const [{ dataFromArgv, locateDataFolder }, { startEarlyListing }] = await Promise.all([import('../dist/context/data-folder.js'), import('../dist/store/early-listing.js')]);
    startEarlyListing(locateDataFolder(dataFromArgv(argv), process.env, process.cwd()).path, process.env);
  } catch {
    // Only a matter of time: the command lists the folder itself.
  }
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(argv, process.env, { stdout: out(process.stdout), stderr: out(process.stderr), stdin: process.stdin, terminal: { input: process.stdin, output: process.stderr } }, version);
}
