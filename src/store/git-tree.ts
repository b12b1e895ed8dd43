// Reading a committed version of the data folder straight from git's objects (`git ls-tree`,
// `git cat-file --batch`): no checkout, the working tree untouched. Sync validates a merge this
// way before anything reaches the user's folder; history reads each version of a record.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gitRaw } from './git.js';
import { makeFolders } from './paths.js';
import { FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';

export interface TreeEntry {
  /** Path in the repository, forward slashes. */
  path: string;
  mode: string;
  oid: string;
}

/** The files (blobs) of `treeish` under `prefix` ('' for the whole tree). */
export function listTree(root: string, treeish: string, prefix = ''): TreeEntry[] {
  const args = ['ls-tree', '-r', '-z', '--full-tree', treeish];
  if (prefix) args.push('--', prefix.replace(/\/?$/, '/'));
  const r = gitRaw(args, root);
  if (!r.ok) return [];
  const out: TreeEntry[] = [];
  for (const line of r.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (m && m[2] === 'blob') out.push({ mode: m[1], oid: m[3], path: m[4] });
  }
  return out;
}

/** The contents of many objects in one `git cat-file --batch` run (`ownSession`: out of a Ctrl-C's reach, see GitOptions). */
export function readBlobs(root: string, oids: readonly string[], opts: { ownSession?: boolean } = {}): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const wanted = [...new Set(oids)];
  if (wanted.length === 0) return out;
  const r = gitRaw(['cat-file', '--batch'], root, { input: wanted.join('\n') + '\n', ownSession: opts.ownSession });
  const buf = r.stdout;
  let at = 0;
  for (const oid of wanted) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = buf.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^([0-9a-f]+) \w+ (\d+)$/.exec(header);
    if (!m) continue; // "<oid> missing"
    const size = Number(m[2]);
    out.set(oid, buf.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

/**
 * The object each name (`commit:path`) stands for, in one `git cat-file --batch-check` run: a name
 * that is not there (the file absent at that commit) is left out. `ownSession` as for readBlobs.
 */
export function objectNames(root: string, names: readonly string[], opts: { ownSession?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return out;
  const r = gitRaw(['cat-file', '--batch-check=%(objectname) %(objecttype)'], root, { input: wanted.join('\n') + '\n', ownSession: opts.ownSession });
  if (!r.ok) return out;
  const lines = r.stdout.toString('utf8').split('\n');
  wanted.forEach((name, i) => {
    const m = /^([0-9a-f]+) blob$/.exec(lines[i] ?? '');
    if (m) out.set(name, m[1]);
  });
  return out;
}

/** One file's content at `treeish` (undefined when it is not there). */
export function readFileAt(root: string, treeish: string, path: string): Buffer | undefined {
  const r = gitRaw(['cat-file', 'blob', `${treeish}:${path}`], root);
  return r.ok ? r.stdout : undefined;
}

/** The files staged in the index under `prefix` (stage 0: a conflicted path is left out). */
export function listIndex(root: string, prefix = ''): TreeEntry[] {
  const r = gitRaw(['ls-files', '--stage', '-z', '--full-name', '--', prefix ? prefix.replace(/\/?$/, '/') : '.'], root);
  if (!r.ok) return [];
  const out: TreeEntry[] = [];
  for (const line of r.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) ([0-9a-f]+) 0\t(.*)$/s.exec(line);
    if (m && m[1] !== '160000') out.push({ mode: m[1], oid: m[2], path: m[3] });
  }
  return out;
}

/**
 * Writes the data folder as committed in `treeish` (or as staged, with `index`) into a new
 * private temporary folder (records hold personal data: readable by the owner only) and returns
 * it; `dispose` removes it.
 */
export function materialise(root: string, treeish: string | { index: true }, prefix: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'civsam-tree-'));
  chmodSync(dir, 0o700);
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const entries = typeof treeish === 'string' ? listTree(root, treeish, prefix) : listIndex(root, prefix);
    const blobs = readBlobs(root, entries.map((e) => e.oid));
    const strip = prefix ? prefix.replace(/\/?$/, '/').length : 0;
    for (const e of entries) {
      const bytes = blobs.get(e.oid);
      if (!bytes || e.mode === '120000') continue; // a symbolic link is not a record
      const target = join(dir, e.path.slice(strip));
      makeFolders(dirname(target), 0o700);
      writeFileSync(target, bytes, { mode: 0o600 });
    }
  } catch (e) {
    dispose();
    throw e;
  }
  return { dir, dispose };
}

/** A branch of a remote (as last fetched) that holds a register, and how many records it has. */
export interface RegisterBranch {
  remote: string;
  branch: string;
  records: number;
}

/**
 * The branches of `remote` (as last fetched) whose top folder, or one folder below it, holds a
 * register (civsam.yaml), each with its number of records: the most first, then main, master and
 * the rest by name. A register just made with `civsam init` has none.
 */
export function registersOn(root: string, remote: string): RegisterBranch[] {
  const prefix = `refs/remotes/${remote}/`;
  const refs = gitRaw(['for-each-ref', '--format=%(refname)', prefix], root);
  if (!refs.ok) return [];
  const names = refs.stdout.toString('utf8').split('\n').filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)).filter((n) => n && n !== 'HEAD');
  const rank = (n: string) => (n === 'main' ? 0 : n === 'master' ? 1 : 2);
  const found: RegisterBranch[] = [];
  for (const branch of names) {
    const files = gitRaw(['ls-tree', '-r', '--name-only', '-z', `${prefix}${branch}`], root);
    if (!files.ok) continue;
    const paths = files.stdout.toString('utf8').split('\0');
    const settings = paths.find((p) => /^(?:[^/]+\/)?civsam\.yaml$/.test(p));
    if (settings === undefined) continue;
    const under = settings.slice(0, -'civsam.yaml'.length);
    const folders = new Set(RECORD_KINDS.map((k) => `${under}${FOLDER_OF[k]}/`));
    const records = paths.filter((p) => p.endsWith('.yaml') && folders.has(p.slice(0, p.lastIndexOf('/') + 1))).length;
    found.push({ remote, branch, records });
  }
  return found.sort((a, b) => b.records - a.records || rank(a.branch) - rank(b.branch) || a.branch.localeCompare(b.branch));
}

/**
 * A copy of a shared register that has not taken it yet: `dir` is in a git work tree with no
 * commit of its own (a plain `git clone` of a remote whose default branch was never made), and a
 * branch of its remote holds a register. Undefined otherwise (and when git is not there).
 */
export function unfetchedRegister(dir: string): (RegisterBranch & { root: string }) | undefined {
  const top = gitRaw(['rev-parse', '--show-toplevel'], dir);
  if (!top.ok) return undefined;
  const root = top.stdout.toString('utf8').trim();
  if (gitRaw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root).ok) return undefined;
  const remotes = gitRaw(['remote'], root);
  if (!remotes.ok) return undefined;
  for (const remote of remotes.stdout.toString('utf8').split('\n').filter(Boolean)) {
    const best = registersOn(root, remote)[0];
    if (best) return { ...best, root };
  }
  return undefined;
}
