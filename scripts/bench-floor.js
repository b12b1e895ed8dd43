// The floors `npm run bench` measures each case against, as whole processes like civsam's runs:
//   node scripts/bench-floor.js stat DIR   lstat every file under DIR (what any command must do to
//                                          know nothing changed)
//   node scripts/bench-floor.js read DIR   read every file under DIR (what a command must do on a
//                                          folder it has never seen)
// Plain Node built-ins, sorted walk, no output: the least a command over the folder can cost.
import fs from 'node:fs';
import path from 'node:path';

const [mode, dir] = process.argv.slice(2);
if (!['stat', 'read'].includes(mode) || !dir) {
  process.stderr.write('usage: node scripts/bench-floor.js stat|read DIR\n');
  process.exit(2);
}
let count = 0;
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (mode === 'read') fs.readFileSync(p);
    else fs.lstatSync(p);
    count++;
  }
};
walk(dir);
if (count === 0) process.exit(1);
