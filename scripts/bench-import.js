// One timed run of `civsam import` for `npm run bench`: a spreadsheet of 5,000 organisations as a
// region would bring them in (Danish headers, Windows-1252, `;`, names for patient groups and
// municipalities, contact columns), imported into a new data folder that has the benchmark
// folder's settings and vocabularies but no records. The CSV and the folder are made before civsam
// starts (a few tens of milliseconds, counted in the time: the figure is an upper bound).
//
//   node scripts/bench-import.js CIVSAM DATA WORKDIR [COUNT]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [civsam, data, work, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 5000);
const folder = path.join(work, 'data');
fs.mkdirSync(folder, { recursive: true });
fs.cpSync(path.join(data, 'civsam.yaml'), path.join(folder, 'civsam.yaml'));
fs.cpSync(path.join(data, 'vocabularies'), path.join(folder, 'vocabularies'), { recursive: true });

// Names, not ids, as a spreadsheet holds them: read from the vocabularies with a regex (no YAML
// library here, so the bench runs without a build).
const names = (file, da) => {
  const text = fs.readFileSync(path.join(folder, 'vocabularies', file), 'utf8');
  const re = da ? /^\s+da:\s*(.+)$/gm : /^\s+name:\s*(.+)$/gm;
  return [...text.matchAll(re)].map((m) => m[1].trim().replace(/^['"]|['"]$/g, '')).filter((n) => !/[,;]/.test(n));
};
const groups = names('patient-groups.yaml', true);
const municipalities = names('municipalities.yaml', false);
if (!groups.length || !municipalities.length) throw new Error('bench-import: no vocabulary names found');

const W = [2, 7, 6, 5, 4, 3, 2, 1];
const validCvr = (n) => {
  for (let c = n; ; c++) {
    const s = String(c);
    let t = 0;
    for (let k = 0; k < 8; k++) t += W[k] * (s.charCodeAt(k) - 48);
    if (t % 11 === 0) return s;
  }
};
const kinds = ['patientforening', 'pårørendeforening', 'frivillig organisation', 'brugerforening', 'andet'];
const lines = ['Navn;CVR-nr.;Type;Områder;Patientgrupper;Kommuner;Status;Registreret;Hjemmeside;Kontaktperson;E-mail;Telefon'];
let cvr = 10000000;
for (let i = 0; i < count; i++) {
  cvr = Number(validCvr(cvr + 1));
  lines.push([
    `Forening ${i} for ${groups[i % groups.length]} i ${municipalities[i % municipalities.length]}`, String(cvr), kinds[i % kinds.length], i % 3 ? 'psykiatri, social' : 'sundhed',
    `${groups[i % groups.length]}, ${groups[(i + 3) % groups.length]}`, `${municipalities[i % municipalities.length]}, ${municipalities[(i + 5) % municipalities.length]}`,
    i % 17 ? 'aktiv' : 'inaktiv', `${String(1 + (i % 28)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-2019`,
    `https://forening-${i}.example.dk`, `Kontakt ${i}`, `kontakt${i}@forening-${i}.example.dk`, `+45 20 ${String(i).padStart(6, '0').replace(/(..)(..)(..)/, '$1 $2 $3')}`,
  ].join(';'));
}
const csv = path.join(work, 'foreninger.csv');
// Windows-1252, as Danish Excel saves "CSV (semikolonsepareret)": æøå are single bytes.
fs.writeFileSync(csv, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));

const r = spawnSync(process.execPath, [civsam, 'import', 'organisations', csv, '--data', folder, '--no-commit'], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
if (r.status !== 0) process.stderr.write(r.stderr);
const written = fs.readdirSync(path.join(folder, 'organisations')).length;
if (r.status === 0 && written !== count) {
  process.stderr.write(`bench-import: ${written} files written, expected ${count}\n`);
  process.exit(3);
}
process.exit(r.status ?? 1);
