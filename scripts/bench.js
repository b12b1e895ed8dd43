// `npm run bench`: generate a synthetic data folder at the scale of a national register (see
// scripts/bench-data.js), then time civsam as whole processes, each run paired with its floor (bare
// `node -e 0`, a script that stats every file of the folder, or one that reads every file; see
// scripts/bench-floor.js), and print medians, ratios to the floors, peak memory and exit codes
// against their targets, among them runs after one file was changed, added or removed. Targets are
// reported, never asserted: the bench exits non-zero only when a command itself fails.
//
//   node scripts/bench.js [--only NAME[,NAME…]] [--runs N] [--scale F] [--data DIR] [--keep] [--list]
//
//   --only     run only these cases (the floors always run: the ratios need them)
//   --runs     timed runs per case instead of each case's own number
//   --scale    multiply the generated folder's sizes (0.1 for a quick look)
//   --data     time an existing data folder instead of generating one (it is never removed)
//   --keep     keep the generated folder and print where it is
//   --list     print the cases and exit

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SIZES, generateBenchFolder } from './bench-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CIVSAM = path.join(ROOT, 'bin', 'civsam.js');
const RSS_HOOK = path.join(ROOT, 'scripts', 'bench-rss.cjs');

// The cases, one line each. `argv` follows `node`; in argv and env values these placeholders are
// replaced per run:
//   {civsam}  bin/civsam.js          {data}   the data folder
//   {cache}   one cache folder shared by every case and run of this bench
//   {fresh}   a new empty folder for this run ({fresh:NAME} for several), removed afterwards
//   {first:FOLDER}  the id of the first record in FOLDER (organisations, agreements, …)
//   {applied-call}  the call of the first application (a call with applications to rank)
// Every case runs with CIVSAM_CACHE_DIR={cache} and NO_COLOR=1 unless its env says otherwise, so
// civsam never touches the user's own cache.
// floor: the floor case each run is paired with (run just before it): node (bare `node -e 0`),
//   stat (stat every file of the folder) or read (read every file). The ratio is the case's median
//   over the median of its paired floor runs, so both see the same machine at the same moment.
// target: floor (ratio to the floor at most N), plusMs (… plus this many ms: median ≤ N × floor + plusMs),
//   ms (median wall time), mib (peak RSS over all runs), pct/plusMs with `relativeTo` (median within
//   pct % or plusMs ms, whichever is larger, of that case's median), pageBytes (largest page written
//   to {fresh:out}: a file a browser opens, outside open-data/; the largest open-data file is
//   printed beside it without a target, see largestFiles).
// before: changes the folder before each run (untimed): change (one file's bytes), add (one new
//   organisation), remove (one consultation); the folder is put back after the case.
// expect: the exit code(s) that count as success (default 0). warmup: untimed runs first.
// removeAfterCase: the run's {fresh} folders are removed once the case's last run is done, not
//   after each run. A run then never follows the bench's own removal of thousands of files: on an
//   ext4 without a journal (this machine's disk), creating a file within a minute or so of many
//   files being removed walks past each freed inode (the kernel's `recently_deleted` check), which
//   cost a publish of 10,391 files about 1.5 s of kernel time when the previous run's site had just
//   been removed. A journaled ext4, or any other file system, does not do this.
const READ = { floor: 1.5, plusMs: 300, mib: 600 };
const NEAR_UNCHANGED = { pct: 10, plusMs: 150, mib: 600 };
const CASES = [
  { name: 'node', argv: ['-e', '0'], runs: 10, baseline: true },
  { name: 'stat-floor', argv: ['scripts/bench-floor.js', 'stat', '{data}'], warmup: 1, runs: 5, baseline: true },
  { name: 'read-floor', argv: ['scripts/bench-floor.js', 'read', '{data}'], warmup: 1, runs: 5, baseline: true },
  { name: 'version', argv: ['{civsam}', '--version'], floor: 'node', target: { floor: 1.2, mib: 600 }, runs: 10 },
  { name: 'validate-cold', argv: ['{civsam}', 'validate', '--data', '{data}'], env: { CIVSAM_CACHE_DIR: '{fresh}' }, floor: 'read', target: { floor: 2, mib: 600 }, runs: 3 },
  { name: 'validate-warm', argv: ['{civsam}', 'validate', '--data', '{data}'], warmup: 1, floor: 'stat', target: READ, runs: 5 },
  { name: 'validate-one-changed', argv: ['{civsam}', 'validate', '--data', '{data}'], before: 'change', warmup: 1, floor: 'stat', relativeTo: 'validate-warm', target: NEAR_UNCHANGED, runs: 5 },
  { name: 'validate-one-added', argv: ['{civsam}', 'validate', '--data', '{data}'], before: 'add', warmup: 1, floor: 'stat', relativeTo: 'validate-warm', target: NEAR_UNCHANGED, runs: 5 },
  { name: 'validate-one-removed', argv: ['{civsam}', 'validate', '--data', '{data}'], before: 'remove', warmup: 1, floor: 'stat', relativeTo: 'validate-warm', target: NEAR_UNCHANGED, runs: 5 },
  { name: 'audit', argv: ['{civsam}', 'audit', '--data', '{data}', '--as-of', '2026-11-23', '--fail-on', 'never'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'consultation-plan', argv: ['{civsam}', 'consultation', 'plan', '--data', '{data}', '--area', 'health', '--patient-group', 'hoeretab', '--seats', '4', '--opens', '2027-01-05', '--format', 'json'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'import-5000-organisations', argv: ['scripts/bench-import.js', '{civsam}', '{data}', '{fresh}'], target: { ms: 10000, mib: 600 }, runs: 1 },
  { name: 'publish', argv: ['{civsam}', 'publish', '--data', '{data}', '--out', '{fresh:out}', '--as-of', '2026-11-01', '--lang', 'both'], target: { ms: 5000, mib: 600, pageBytes: 1_000_000 }, runs: 3, removeAfterCase: true },
  // Register: one write through the whole safe path (lock, read, checks of the folder, atomic replace), and reads of one record and a list.
  { name: 'agreement-evaluate', argv: ['{civsam}', 'agreement', 'evaluate', '{first:agreements}', '--summary', 'Benchmark', '--date', '2026-11-01', '--no-commit', '--data', '{data}'], warmup: 1, target: { mib: 600 }, runs: 3 },
  { name: 'agreement-show', argv: ['{civsam}', 'agreement', 'show', '{first:agreements}', '--data', '{data}'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'call-ranking', argv: ['{civsam}', 'call', 'ranking', '{applied-call}', '--data', '{data}'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'org-show', argv: ['{civsam}', 'org', 'show', '{first:organisations}', '--data', '{data}'], warmup: 1, floor: 'stat', target: READ, runs: 5 },
  { name: 'org-list', argv: ['{civsam}', 'org', 'list', '--area', 'psychiatry', '--format', 'csv', '--data', '{data}'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'overview-offers', argv: ['{civsam}', 'overview', 'offers', '--data', '{data}', '--as-of', '2026-11-01'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'overview-coverage', argv: ['{civsam}', 'overview', 'coverage', '--data', '{data}', '--as-of', '2026-11-01'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'overview-funding', argv: ['{civsam}', 'overview', 'funding', '--data', '{data}', '--as-of', '2026-11-01'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'overview-funding-org', argv: ['{civsam}', 'overview', 'funding', '--by', 'organisation', '--data', '{data}', '--as-of', '2026-11-01'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
  { name: 'overview-expiring', argv: ['{civsam}', 'overview', 'expiring', '--data', '{data}', '--as-of', '2026-11-01'], warmup: 1, floor: 'stat', target: READ, runs: 3 },
];
const FLOOR_CASE = { node: 'node', stat: 'stat-floor', read: 'read-floor' };
/** How long a folder put back after a case that changed it is left still before the next case: civsam's racy window and a margin. */
const SETTLE_MS = 2100;

// ---------------------------------------------------------------- changes between runs

/** The call the first application (sorted file names) applies to: a call with applications to rank. */
function appliedCall(data) {
  const first = firstId(data, 'applications');
  const m = fs.readFileSync(path.join(data, 'applications', `${first}.yaml`), 'utf8').match(/^call: *['"]?([a-z0-9-]+)/m);
  if (!m) throw new Error('bench: the first application names no call');
  return m[1];
}

/** The first record id of a folder (sorted file names), for cases that show one record. */
function firstId(data, folder) {
  const name = fs.readdirSync(path.join(data, folder)).filter((n) => n.endsWith('.yaml')).sort()[0];
  if (!name) throw new Error(`bench: no record in ${folder}`);
  return name.slice(0, -'.yaml'.length);
}

/**
 * The change a case makes before each run, and how to put the folder back. Each leaves the folder
 * valid: a comment added to one organisation; a new organisation (a copy with its own id and name,
 * no CVR); a consultation taken away (nothing refers to consultations).
 */
function makeChanger(kind, data, tmp) {
  const orgs = path.join(data, 'organisations');
  const first = path.join(orgs, `${firstId(data, 'organisations')}.yaml`);
  const original = fs.readFileSync(first, 'utf8');
  let n = 0;
  const added = [];
  const removed = [];
  const aside = fs.mkdtempSync(path.join(tmp, 'aside-'));
  return {
    before() {
      n++;
      if (kind === 'change') {
        fs.writeFileSync(first, `${original}# bench ${n}\n`);
      } else if (kind === 'add') {
        const id = `bench-added-${n}`;
        const text = original
          .replace(/^id: .*$/m, `id: ${id}`)
          .replace(/^name: .*$/m, `name: Bench tilføjet forening ${n}`)
          .replace(/^cvr: .*\n/m, '');
        const file = path.join(orgs, `${id}.yaml`);
        fs.writeFileSync(file, text);
        added.push(file);
      } else if (kind === 'remove') {
        const folder = path.join(data, 'consultations');
        const name = fs.readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()[0];
        if (!name) throw new Error('bench: no consultation left to remove');
        fs.renameSync(path.join(folder, name), path.join(aside, name));
        removed.push(name);
      }
    },
    restore() {
      fs.writeFileSync(first, original);
      for (const f of added) fs.rmSync(f, { force: true });
      for (const name of removed) fs.renameSync(path.join(aside, name), path.join(data, 'consultations', name));
      fs.rmSync(aside, { recursive: true, force: true });
    },
  };
}

/**
 * The largest page of a published site and its largest data file, each as { bytes, path }. A page
 * is what a browser opens: every file outside open-data/ (the HTML pages, the stylesheet and the
 * script), hidden ones (civsam's manifest) left out. The files in open-data/ are downloads for
 * data tools (360Giving's and Open Referral's own files run to tens of megabytes), reported
 * beside the pages without a target.
 */
function largestFiles(dir) {
  const largest = { page: null, data: null };
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p, r);
      else if (e.isFile()) {
        const kind = r.startsWith('open-data/') ? 'data' : 'page';
        const bytes = fs.statSync(p).size;
        if (!largest[kind] || bytes > largest[kind].bytes) largest[kind] = { bytes, path: r };
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return largest;
}

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { only: null, runs: null, scale: 1, data: null, keep: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    if (flag === '--only') opts.only = [...(opts.only ?? []), ...value().split(',').filter(Boolean)];
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--scale') opts.scale = Number(value());
    else if (flag === '--data') opts.data = path.resolve(value());
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--list') opts.list = true;
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument ${arg}`);
  }
  if (opts.runs !== null && !(Number.isInteger(opts.runs) && opts.runs >= 1)) usage('--runs needs a whole number ≥ 1');
  if (!(opts.scale > 0)) usage('--scale needs a number > 0');
  const unknown = (opts.only ?? []).filter((n) => !CASES.some((c) => c.name === n));
  if (unknown.length) usage(`unknown case ${unknown.join(', ')}; cases: ${CASES.map((c) => c.name).join(', ')}`);
  return opts;
}

function usage(problem) {
  const text = 'usage: node scripts/bench.js [--only NAME[,NAME…]] [--runs N] [--scale F] [--data DIR] [--keep] [--list]\n';
  if (problem) {
    process.stderr.write(`bench: ${problem}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

// ---------------------------------------------------------------- measuring

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function readKib(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function makeRunner(tmp, data, cache) {
  let seq = 0;
  /** The {fresh} folders of a `removeAfterCase` case's runs so far (see CASES). */
  const toRemove = [];
  runOnce.endCase = () => {
    for (const dir of toRemove.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    spawnSync('sync', [], { stdio: 'ignore' });
  };
  return runOnce;
  function runOnce(kase) {
    const n = ++seq;
    const fresh = new Map();
    const fill = (s) =>
      s
        .replaceAll('{civsam}', CIVSAM)
        .replaceAll('{data}', data)
        .replaceAll('{cache}', cache)
        .replace(/\{first:([a-z-]+)\}/g, (_, folder) => firstId(data, folder))
        .replace(/\{applied-call\}/g, () => appliedCall(data))
        .replace(/\{fresh(?::([A-Za-z0-9_-]+))?\}/g, (_, name = '') => {
          if (!fresh.has(name)) fresh.set(name, fs.mkdtempSync(path.join(tmp, `fresh-${n}-`)));
          return fresh.get(name);
        });
    const rssFile = path.join(tmp, `rss-${n}`);
    const env = { ...process.env, CIVSAM_CACHE_DIR: cache, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    delete env.CIVSAM_BENCH_RSS_ROOT;
    for (const [k, v] of Object.entries(kase.env ?? {})) env[k] = fill(v);
    env.CIVSAM_BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--require=${JSON.stringify(RSS_HOOK)}`].filter(Boolean).join(' ');
    const argv = kase.argv.map(fill);

    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;

    const [mainKib] = readKib(rssFile);
    const childKib = readKib(`${rssFile}.children`);
    fs.rmSync(rssFile, { force: true });
    fs.rmSync(`${rssFile}.children`, { force: true });
    const largest = fresh.has('out') ? largestFiles(fresh.get('out')) : null;
    if (kase.removeAfterCase) toRemove.push(...fresh.values());
    else for (const dir of fresh.values()) fs.rmSync(dir, { recursive: true, force: true });
    // What a run wrote and removed (a published site, a cold run's snapshot) is put on disk now,
    // untimed: the system's writing it back later would land on the next case's time.
    if (fresh.size > 0) spawnSync('sync', [], { stdio: 'ignore' });

    return {
      ms,
      code: r.error ? null : r.status,
      signal: r.signal,
      error: r.error,
      // Children's peaks are added to the main process's: an upper bound of the run's peak.
      mib: mainKib === undefined ? null : (mainKib + childKib.reduce((a, b) => a + b, 0)) / 1024,
      children: childKib.length,
      largestPage: largest?.page ?? null,
      largestData: largest?.data ?? null,
      stdout: r.stdout?.toString() ?? '',
      stderr: r.stderr?.toString() ?? '',
    };
  };
}

function runCase(kase, runs, runOnce, log, { floorCase, changer }) {
  const expect = [kase.expect ?? 0].flat();
  const result = { kase, runs: [], floorRuns: [], failed: null };
  const total = (kase.warmup ?? 0) + runs;
  for (let i = 0; i < total; i++) {
    const warm = i < (kase.warmup ?? 0);
    changer?.before();
    // The floor right before the case, so both see the machine as it is at that moment.
    const floor = floorCase && !warm ? runOnce(floorCase) : null;
    const r = runOnce(kase);
    const ok = r.code !== null && expect.includes(r.code);
    log(`  ${kase.name.padEnd(26)} ${warm ? 'warm-up' : `run ${i - (kase.warmup ?? 0) + 1}/${runs}`}`.padEnd(44) +
      `${Math.round(r.ms)} ms`.padStart(10) + (floor ? `  (${floorCase.name} ${Math.round(floor.ms)} ms)` : '') + `${r.mib === null ? '?' : r.mib.toFixed(0)} MiB`.padStart(10) +
      `  exit ${r.code ?? r.signal ?? r.error?.code}`);
    if (!ok) {
      result.failed = r;
      break;
    }
    if (!warm) {
      result.runs.push(r);
      if (floor) result.floorRuns.push(floor);
    }
  }
  runOnce.endCase();
  return result;
}

// ---------------------------------------------------------------- reporting

function describeTarget(t, kase) {
  const parts = [];
  if (t.floor !== undefined) parts.push(`≤ ${t.floor}× ${kase.floor}${t.plusMs !== undefined && t.pct === undefined ? ` + ${t.plusMs / 1000} s` : ''}`);
  if (t.pct !== undefined) parts.push(`≤ ${kase.relativeTo} + max(${t.pct} %, ${t.plusMs / 1000} s)`);
  if (t.ms !== undefined) parts.push(t.ms >= 1000 ? `< ${t.ms / 1000} s` : `< ${t.ms} ms`);
  if (t.mib !== undefined) parts.push(t.mib >= 1024 ? `< ${t.mib / 1024} GiB` : `< ${t.mib} MiB`);
  if (t.pageBytes !== undefined) parts.push(`pages ≤ ${t.pageBytes.toLocaleString('en')} B`);
  return parts;
}

function judge(t, { medianMs, floorMs, relativeMs, peakMib, pageBytes }) {
  const verdicts = [];
  if (t.floor !== undefined) verdicts.push(floorMs !== null && medianMs <= t.floor * floorMs + (t.pct === undefined ? t.plusMs ?? 0 : 0));
  if (t.pct !== undefined) verdicts.push(relativeMs !== null && medianMs <= relativeMs + Math.max(relativeMs * t.pct / 100, t.plusMs ?? 0));
  if (t.ms !== undefined) verdicts.push(medianMs < t.ms);
  if (t.mib !== undefined) verdicts.push(peakMib !== null && peakMib < t.mib);
  if (t.pageBytes !== undefined) verdicts.push(pageBytes !== null && pageBytes <= t.pageBytes);
  return verdicts;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const right = new Set([1, 2, 4, 5, 6, 7]);
  return rows
    .map((r, ri) => {
      const line = r.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

// ---------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.list) {
    for (const c of CASES) process.stdout.write(`${c.name.padEnd(26)} node ${c.argv.join(' ')}  ${describeTarget(c.target ?? {}, c).join(', ')}\n`);
    return 0;
  }
  const log = (line) => process.stdout.write(`${line}\n`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'civsam-bench-'));
  const cleanup = () => {
    if (opts.keep) return;
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  try {
    log(`civsam bench · Node ${process.versions.node} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'} · ${os.platform()} ${os.release()}`);
    let data = opts.data;
    if (data) {
      log(`data: ${data} (given)`);
    } else {
      data = path.join(tmp, 'data');
      const sizes = Object.fromEntries(Object.entries(DEFAULT_SIZES).map(([k, v]) => [k, Math.max(1, Math.round(v * opts.scale))]));
      const g = generateBenchFolder(data, sizes);
      log(`data: ${g.files} files, ${(g.bytes / 1048576).toFixed(1)} MiB, generated in ${(g.ms / 1000).toFixed(1)} s: ` +
        Object.entries(g.counts).map(([k, v]) => `${v} ${k}`).join(', '));
      if (opts.keep) log(`data kept in ${data}`);
    }
    if (!fs.existsSync(CIVSAM)) log(`note: ${path.relative(ROOT, CIVSAM)} does not exist yet; civsam cases will fail`);
    const cache = fs.mkdtempSync(path.join(tmp, 'cache-'));
    const runOnce = makeRunner(tmp, data, cache);

    // The floors always run (the ratios need them), and so does a case another is judged against.
    const wanted = new Set(opts.only ?? CASES.map((c) => c.name));
    for (const c of CASES) if (wanted.has(c.name) && c.relativeTo) wanted.add(c.relativeTo);
    const chosen = CASES.filter((c) => c.baseline || wanted.has(c.name));
    const results = [];
    const byName = new Map();
    for (const kase of chosen) {
      const changer = kase.before ? makeChanger(kase.before, data, tmp) : undefined;
      let res;
      try {
        res = runCase(kase, opts.runs ?? kase.runs ?? 5, runOnce, log, { floorCase: kase.floor ? CASES.find((c) => c.name === FLOOR_CASE[kase.floor]) : undefined, changer });
      } finally {
        changer?.restore();
      }
      // The next case measures a folder that has not changed since the last run: it starts once the
      // folder put back has been still for civsam's racy window (2 s, RACY_NS in parse-cache.ts),
      // before which civsam rightly trusts nothing it kept of the files just changed.
      if (changer) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
      if (res.failed) {
        const f = res.failed;
        const tail = (s) => s.trimEnd().split('\n').slice(-15).map((l) => `    ${l}`).join('\n');
        log(`  ${kase.name} failed: exit ${f.code ?? f.signal ?? f.error?.code}, expected ${[kase.expect ?? 0].flat().join(' or ')}`);
        if (f.stderr.trim()) log(`  stderr (last lines):\n${tail(f.stderr)}`);
        else if (f.stdout.trim()) log(`  stdout (last lines):\n${tail(f.stdout)}`);
      }
      results.push(res);
      byName.set(kase.name, res);
    }

    const medianOf = (runs) => (runs.length ? median(runs.map((r) => r.ms)) : null);
    const rows = [['case', 'runs', 'median ms', 'floor', 'floor ms', '× floor', 'max RSS MiB', 'exit', 'target', 'met']];
    let failures = 0;
    let children = false;
    for (const { kase, runs, floorRuns, failed } of results) {
      if (failed) failures++;
      const medianMs = medianOf(runs);
      const floorMs = medianOf(floorRuns);
      const ratio = medianMs !== null && floorMs ? medianMs / floorMs : null;
      const relative = kase.relativeTo ? byName.get(kase.relativeTo) : undefined;
      const relativeMs = relative && !relative.failed ? medianOf(relative.runs) : null;
      const mibs = runs.map((r) => r.mib).filter((m) => m !== null);
      const peakMib = mibs.length ? Math.max(...mibs) : null;
      const biggest = (key) => runs.map((r) => r[key]).filter(Boolean).reduce((a, b) => (a && a.bytes >= b.bytes ? a : b), null);
      const largestPage = biggest('largestPage');
      const largestData = biggest('largestData');
      const pageBytes = largestPage ? largestPage.bytes : null;
      children ||= runs.some((r) => r.children > 0);
      const codes = [...new Set([...runs.map((r) => r.code), ...(failed ? [failed.code ?? failed.signal ?? 'error'] : [])])];
      const target = describeTarget(kase.target ?? {}, kase);
      let met = '';
      if (failed) met = 'failed';
      else if (target.length && medianMs !== null) met = judge(kase.target, { medianMs, floorMs, relativeMs, peakMib, pageBytes }).map((ok) => (ok ? '✓' : '✗')).join(' ');
      rows.push([
        kase.name,
        String(runs.length),
        medianMs === null ? '—' : String(Math.round(medianMs)),
        kase.floor ?? '—',
        floorMs === null ? '—' : String(Math.round(floorMs)),
        ratio === null ? '—' : ratio.toFixed(2),
        peakMib === null ? '—' : peakMib.toFixed(0),
        codes.join(','),
        (target.join(', ') || '—') + (largestPage ? ` (largest page ${largestPage.bytes.toLocaleString('en')} B, ${largestPage.path}; largest data file ${largestData ? `${largestData.bytes.toLocaleString('en')} B, ${largestData.path}, no target` : 'none'})` : ''),
        met,
      ]);
    }
    log('');
    log(table(rows));
    log('');
    log('median wall time of whole processes; floor: node (bare `node -e 0`), stat (stat every file of the folder) or read (read every');
    log('file), run just before each timed run of the case, × floor: the two medians\' ratio; max RSS: the highest of all timed runs' +
      (children ? ' (including Node child processes, added up)' : ''));
    log('targets are reported, not asserted; the bench fails only when a command exits unexpectedly');
    if (failures) log(`${failures} case(s) failed`);
    return failures ? 1 : 0;
  } finally {
    cleanup();
  }
}

process.exitCode = main();
