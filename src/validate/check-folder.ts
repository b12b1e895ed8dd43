// Checks a read folder against the schemas and the record rules, and assembles the typed folder
// that every other command works on. Only records that pass their schema are in it; the rules also
// read what a failing file's schema left readable, so every problem of a file shows in one run.
import type { ValidateFunction } from 'ajv';
import { schemaValidator, type SchemaName } from '../domain/schema-validators.js';
import { DEFAULT_POLICY, FOLDER_OF, RECORD_KINDS, kindOfFile, REFERENCES, VOCABULARIES, type CivsamSettings, type CollaborationModel, type Municipality, type OfferType, type PatientGroup, type Policy, type RecordKind, type RecordTypes, type Target } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import type { OwnChecks, Problem, RawFolder, SourceFile } from '../store/load-folder.js';
import type { PathSegment, Position } from '../store/yaml-read.js';
import { RECORD_RULES, type Located, type RuleContext } from './record-rules.js';
import { readablePart } from './readable-part.js';
import { APPLICATION_RULES } from './application-rules.js';
import { fieldLike, fieldName, schemaProblems } from './schema-problems.js';
import { checkPublicContacts } from './public-contact.js';
import { controlCharacterIn } from '../domain/text.js';
import type { MessageKey } from '../i18n/index.js';

/** Each file role's schema. */
const SCHEMA_OF: Record<string, SchemaName> = {
  organisation: 'organisation',
  offer: 'offer',
  agreement: 'agreement',
  pool: 'pool',
  call: 'call',
  'hearing-party': 'hearingParty',
  consultation: 'consultation',
  application: 'application',
  'patient-groups': 'patientGroups',
  municipalities: 'municipalities',
  'offer-types': 'offerTypes',
  settings: 'civsam',
  model: 'model',
};

const validatorOf = (name: string): ValidateFunction => schemaValidator(SCHEMA_OF[name]);

export interface CheckedFolder {
  folder: DataFolder;
  problems: Problem[];
}

export function checkFolder(raw: RawFolder): CheckedFolder {
  // Nothing has changed since the snapshot's verdict (the same files, data and build): the rules
  // would find again what they found then, and the records are assembled when a command asks.
  const known = raw.verdict?.();
  if (known) {
    const found = [...known];
    raw.checked?.(found);
    return { folder: knownFolder(raw), problems: found };
  }
  // A few files changed since: the verdict checked again where they can make a difference.
  const patched = patchVerdict(raw);
  if (patched) {
    raw.checked?.(patched, { patched: true });
    return { folder: knownFolder(raw), problems: patched };
  }
  return wholeCheck(raw, raw.own);
}

/**
 * Every check over the whole folder. Files checked on their own where they were read (`own`, a
 * worker thread: their schema, characters, the rules of one record and their references) are not
 * checked again: their problems are taken, and of their data only what the rules between records
 * read (FOLDER_KINDS) is looked at. The same problems, in the same order, as checking them here.
 */
function wholeCheck(raw: RawFolder, own: OwnChecks | undefined): CheckedFolder {
  const problems: Problem[] = [...raw.problems];
  const report = reporter(raw, problems);
  const a = admission(raw);
  /** Files of the kinds the rules between records read that were checked elsewhere. */
  const there = new Set<string>();
  for (const f of raw.files) {
    const passed = own?.passedSchema(f);
    if (passed === undefined) {
      a.admit(f, report, (p) => problems.push(p));
      continue;
    }
    a.name(f);
    const w = f.what;
    if (w.role === 'record' && (!FOLDER_KINDS || FOLDER_KINDS.has(w.kind))) {
      a.collect(f, passed);
      there.add(f.rel);
    }
  }
  if (own) problems.push(...own.problems);

  if (!a.present.has('settings')) problems.push({ file: 'civsam.yaml', line: 1, col: 1, rule: 'file-missing', severity: 'error', message: { key: 'problem.fileMissing', params: { file: 'civsam.yaml' } } });
  // A vocabularies folder linked out of the data folder, or that cannot be read, has its own problem: its files are not also missing.
  const vocabulariesOutside = raw.problems.some((p) => (p.rule === 'folder-outside' || p.rule === 'folder-unreadable') && p.file === 'vocabularies');
  for (const v of vocabulariesOutside ? [] : VOCABULARIES) {
    if (!a.present.has(v)) problems.push({ file: `vocabularies/${v}.yaml`, line: 1, col: 1, rule: 'file-missing', severity: 'error', message: { key: 'problem.fileMissing', params: { file: `vocabularies/${v}.yaml` } } });
  }

  a.unreadable();
  // The references elsewhere were checked against the ids that existed as the files were listed:
  // a file gone since, or a folder that could not be read, means checking them all here.
  if (own && idsKey(a.ids) !== own.idsKey) return wholeCheck(raw, undefined);
  const { records, ids, vocab, vocabularies } = a;
  const ctx: RuleContext = { records, ids, vocabularies: vocab, report };
  // The rules of one record and the references, on the records not checked elsewhere.
  const here: RuleContext = own ? { ...ctx, records: onlyRecords(records, (rel) => !there.has(rel)) } : ctx;
  for (const rule of [...RECORD_RULES, ...APPLICATION_RULES]) rule.check(ownRule(rule) ? here : ctx);
  checkPublicContacts(ctx, a.settings && { rel: a.settingsRel, data: a.settings });
  if (own) {
    sortProblems(problems);
    raw.checked?.(problems);
    // Its records taken from the files' data when a command asks for them.
    return { folder: knownFolder(raw, (f) => own.passedSchema(f) ?? a.passedSchema.get(f)), problems };
  }

  const whole = (k: RecordKind) => (records[k] as Located<{ id: string }>[]).filter((r) => !r.partial);
  const maps = Object.fromEntries(RECORD_KINDS.map((k) => [k, new Map(whole(k).map((r) => [r.record.id, r.record]))])) as { [K in RecordKind]: Map<string, RecordTypes[K]> };
  const files = new Map<string, string>();
  for (const k of RECORD_KINDS) for (const r of whole(k)) files.set(`${k}/${r.record.id}`, r.rel);
  const policy: Policy = { ...DEFAULT_POLICY, ...(a.settings?.policy ?? {}) };

  sortProblems(problems);
  raw.checked?.(problems);
  return {
    folder: { dir: raw.dir, settings: a.settings, policy, model: a.model, vocabularies, records: maps, fileOf: (kind, id) => files.get(`${kind}/${id}`) },
    problems,
  };
}

type Report = RuleContext['report'];

/** Reports a problem at a path of a file, placed by the file's strict parse, into `into`. */
function reporter(raw: Pick<RawFolder, 'position'>, into: Problem[]): Report {
  return (rel, path, at, rule, severity, message) => {
    into.push({ file: rel, ...raw.position(rel, path, at), rule, severity, message });
  };
}

const sortProblems = (problems: Problem[]) => problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));

/**
 * What the checks learn from each file they admit: its schema and character problems (reported),
 * its record for the rules (what its schema left readable when it fails), the ids that exist
 * (every record file's name, every vocabulary entry's id), and the settings, model and vocabularies.
 */
function admission(raw: Pick<RawFolder, 'problems' | 'passed' | 'parsed'> & Partial<Pick<RawFolder, 'position'>>) {
  let misread: Map<string, Set<number>> | undefined;
  const a = {
    records: Object.fromEntries(RECORD_KINDS.map((k) => [k, [] as Located<unknown>[]])) as unknown as RuleContext['records'],
    ids: Object.fromEntries([...RECORD_KINDS, ...VOCABULARIES].map((k) => [k, new Set<string>()])) as Record<Target, Set<string>>,
    vocab: { patientGroups: [], all: [] } as RuleContext['vocabularies'],
    settings: undefined as CivsamSettings | undefined,
    settingsRel: 'civsam.yaml',
    model: undefined as CollaborationModel | undefined,
    vocabularies: { patientGroups: [] as PatientGroup[], municipalities: [] as Municipality[], offerTypes: [] as OfferType[] },
    present: new Set<string>(),
    /** Whether each file admitted with data passed its schema. */
    passedSchema: new WeakMap<SourceFile, boolean>(),
    /** The file's name only: it exists, its id exists. */
    name(f: SourceFile): void {
      const w = f.what;
      a.present.add(w.role === 'record' ? w.kind : w.role === 'vocabulary' ? w.name : w.role);
      if (w.role === 'record') a.ids[w.kind].add(w.id);
    },
    /** A record checked elsewhere: its record for the rules between records, as admit would give it. */
    collect(f: SourceFile, passed: boolean): void {
      const w = f.what;
      if (w.role !== 'record' || f.data === undefined) return;
      if (passed) (a.records[w.kind] as Located<unknown>[]).push({ rel: f.rel, record: f.data });
      else if (isObject(f.data) && !validatorOf(w.kind)(f.data)) {
        (a.records[w.kind] as Located<unknown>[]).push({ rel: f.rel, record: readablePart(f.data, schemaProblems(validatorOf(w.kind).errors ?? [], f.data)), partial: true });
      }
    },
    /** Whether the file's data passed its schema; undefined when it has none. */
    admit(f: SourceFile, report: Report, say?: (p: Problem) => void): boolean | undefined {
      a.name(f);
      const w = f.what;
      const name = w.role === 'record' ? w.kind : w.role === 'vocabulary' ? w.name : w.role;
      if (f.data === undefined) {
        a.beyondNumbers(f, name, report, say);
        return undefined;
      }
      // Data the snapshot saw pass these same checks (same build, same bytes) passes them again
      // (and its schema's validator need not even be loaded).
      const passed = raw.passed?.(f.rel, f) === true;
      const ok: boolean = passed || validatorOf(name)(f.data);
      a.passedSchema.set(f, ok);
      // Every value holding a control character, each at its own place, whatever else is wrong with
      // the file: one run tells them all, beside the schema's problems.
      if (!passed) {
        for (const c of controlCharacters(f.data, ok)) report(f.rel, c.trail, 'value', 'control-character', 'error', { key: CHARACTER_KEY[c.kind], params: { field: fieldName(c.trail) } });
      }
      if (!ok) {
        const found = schemaProblems(validatorOf(name).errors ?? [], f.data);
        for (const p of found) report(f.rel, p.path, p.at, p.rule, 'error', p.message);
        // Every problem in one run: what the schema left readable goes through the record rules
        // too (an unknown patient group is said beside an impossible date), but never into the
        // folder the other commands work on.
        if (w.role === 'record' && isObject(f.data)) {
          (a.records[w.kind] as Located<unknown>[]).push({ rel: f.rel, record: readablePart(f.data, found), partial: true });
        } else if (w.role === 'vocabulary' && Array.isArray(f.data)) {
          // Vocabulary ids still count as existing, so one bad entry does not make every use an error.
          readablePart(f.data, found).forEach((e: unknown, index: number) => {
            if (!isObject(e) || typeof e.id !== 'string') return;
            a.ids[w.name].add(e.id);
            a.vocab.all.push({ rel: f.rel, index, id: e.id });
            if (w.name === 'patient-groups') a.vocab.patientGroups.push({ rel: f.rel, index, id: e.id, parent: typeof e.parent === 'string' ? e.parent : undefined });
          });
        }
        return false;
      }
      switch (w.role) {
        case 'settings': a.settings = f.data as CivsamSettings; a.settingsRel = f.rel; break;
        case 'model': a.model = f.data as CollaborationModel; break;
        case 'vocabulary': {
          const list = f.data as Array<{ id: string; parent?: string }>;
          list.forEach((e, index) => {
            a.ids[w.name].add(e.id);
            a.vocab.all.push({ rel: f.rel, index, id: e.id });
            if (w.name === 'patient-groups') a.vocab.patientGroups.push({ rel: f.rel, index, id: e.id, parent: e.parent });
          });
          if (w.name === 'patient-groups') a.vocabularies.patientGroups = f.data as PatientGroup[];
          else if (w.name === 'municipalities') a.vocabularies.municipalities = f.data as Municipality[];
          else a.vocabularies.offerTypes = f.data as OfferType[];
          break;
        }
        case 'record':
          (a.records[w.kind] as Located<unknown>[]).push({ rel: f.rel, record: f.data });
          break;
      }
      return true;
    },
    /**
     * A file refused before parsing only for numbers YAML would misread (`amount_dkk: 100.000`):
     * what its schema says of the rest, so every problem in it is told in one run. Said only, never
     * taken as a record: its numbers would be read wrongly. Not again at the numbers' own lines.
     * A file that does not parse either (a tab in an indentation) has that said beside the numbers,
     * as it would be without them.
     */
    beyondNumbers(f: SourceFile, name: string, report: Report, say?: (p: Problem) => void): void {
      if (!raw.parsed || !raw.position) return;
      if (!misread) {
        misread = new Map();
        const other = new Set<string>();
        for (const p of raw.problems) {
          if (p.rule === 'amount-decimal' || p.rule === 'number-not-digits') {
            let lines = misread.get(p.file);
            if (!lines) misread.set(p.file, (lines = new Set()));
            lines.add(p.line);
          } else if (p.severity === 'error') other.add(p.file);
        }
        for (const rel of other) misread.delete(rel);
      }
      const lines = misread.get(f.rel);
      if (!lines) return;
      const parsed = raw.parsed(f.rel);
      if (parsed.problems.length > 0) {
        for (const p of parsed.problems) if (!lines.has(p.line)) say?.({ file: f.rel, ...p });
        return;
      }
      if (parsed.data === undefined || parsed.data === null) return;
      const validate = validatorOf(name);
      const found = validate(parsed.data) ? [] : schemaProblems(validate.errors ?? [], parsed.data);
      for (const p of found) {
        if (!lines.has(raw.position(f.rel, p.path, p.at).line)) report(f.rel, p.path, p.at, p.rule, 'error', p.message);
      }
      // The rules of one record, on what is read as written: every value on a misread number's line
      // taken out with what the schema refused (a decision dated before an assessment is said beside
      // the amount), as for any other schema error; still never into the folder the commands use.
      const w = f.what;
      if (w.role !== 'record' || !isObject(parsed.data)) return;
      const misreadValues = leafPaths(parsed.data).filter((path) => lines.has(raw.position!(f.rel, path, 'value').line)).map((path) => ({ rule: 'schema-type', path }));
      (a.records[w.kind] as Located<unknown>[]).push({ rel: f.rel, record: readablePart(parsed.data, [...found, ...misreadValues]), partial: true });
    },
    /**
     * A record folder or vocabulary that could not be read (no permission, not a file): which ids
     * it holds is unknown, so no reference to it is called dangling; its own problem says why.
     */
    unreadable(): void {
      for (const target of unreadableTargets(raw.problems)) a.ids[target] = new AnyId();
    },
  };
  return a;
}

/**
 * How each rule whose findings on one record depend on other files is checked again when a few
 * record files changed: the record kinds whose change means checking it over every record of those
 * kinds again, and the rule names its problems carry. `reference` and the vocabulary rules are
 * handled apart (see patchVerdict). A rule of that sort missing here means a whole check.
 */
const FOLDER_RULES: Record<string, { kinds: readonly RecordKind[]; emits: readonly string[] } | 'reference' | 'vocabulary'> = {
  reference: 'reference',
  'vocabulary-duplicate-id': 'vocabulary',
  'vocabulary-parent-cycle': 'vocabulary',
  'cvr-unique': { kinds: ['organisation'], emits: ['cvr-unique'] },
  'name-unique': { kinds: ['organisation'], emits: ['name-unique'] },
  'application-criterion': { kinds: ['call', 'application'], emits: ['application-criterion', 'application-score-scale'] },
  'call-applications-agree': { kinds: ['call', 'application'], emits: ['call-applications-agree'] },
  // A call's deadline edited changes the verdict on its applications' refusals.
  'refused-late-in-time': { kinds: ['call', 'application'], emits: ['refused-late-in-time'] },
};

/** Kinds some record refers to: removing a record of one can make a reference elsewhere dangling. */
const REFERRED = new Set<string>(RECORD_KINDS.flatMap((k) => REFERENCES[k].map(([, target]) => target)));

/** At most this share of the files changed for a patch; beyond it a whole check costs about the same. */
const PATCH_SHARE = 0.01;


/** How far past a difference between two listings the next common file is looked for before comparing them whole. */
const RESYNC = 16;

/**
 * The files in the listing `now` that were not in `was`, and those of `was` no longer in it. Both
 * are in the folder's listing order, and differ in a few files when a patch is worth it: they are
 * walked side by side (no table of 45,000 paths for a file added), and compared as sets only
 * when they part further than that.
 */
function listChanges(was: readonly string[], now: readonly SourceFile[]): { appeared: Set<string>; went: Set<string> } {
  const appeared = new Set<string>();
  const went = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < was.length && j < now.length) {
    if (was[i] === now[j].rel) {
      i++;
      j++;
      continue;
    }
    // The next file common to both: the one listed now found a little further on in `was` (the
    // files before it there went), or the one that was found a little further on now (the files
    // before it appeared).
    let k = 1;
    while (k <= RESYNC && !(i + k < was.length && was[i + k] === now[j].rel) && !(j + k < now.length && now[j + k].rel === was[i])) k++;
    if (k > RESYNC) {
      const all = new Set(was);
      const here = new Set(now.map((f) => f.rel));
      return { appeared: new Set([...here].filter((rel) => !all.has(rel))), went: new Set(was.filter((rel) => !here.has(rel))) };
    }
    if (i + k < was.length && was[i + k] === now[j].rel) for (const end = i + k; i < end; i++) went.add(was[i]);
    else for (const end = j + k; j < end; j++) appeared.add(now[j].rel);
  }
  for (; i < was.length; i++) went.add(was[i]);
  for (; j < now.length; j++) appeared.add(now[j].rel);
  return { appeared, went };
}

/**
 * The folder's problems from the snapshot's last verdict, when only a few record files changed,
 * appeared or went since (settings, model and vocabularies as they were, and the listing's own
 * problems): the changed files checked as a whole check would (their reading, schema, characters
 * and every rule of one record), the rules between records again where a changed file can make a
 * difference (references to new ids, uniqueness among organisations, applications and their calls),
 * and the rest as it was. The same problems as a whole check, in the same order; undefined when a
 * change reaches further (then the whole folder is checked).
 */
export function patchVerdict(raw: RawFolder): Problem[] | undefined {
  const before = raw.previous?.();
  if (!before) return undefined;
  const { appeared, went: gone } = listChanges(before.files, raw.files);
  // Read again (every such file is in the listing now), or not there when the verdict was found.
  const changed = new Set([...before.changed, ...appeared]);
  const touched = [...changed, ...gone];
  if (touched.length > Math.max(50, raw.files.length * PATCH_SHARE)) return undefined;
  const kinds = new Set<RecordKind>();
  for (const rel of touched) {
    const kind = kindOfFile(rel);
    if (!kind) return undefined; // settings, model or a vocabulary
    kinds.add(kind);
  }
  // A record that went may leave references to it dangling anywhere.
  if ([...gone].some((rel) => REFERRED.has(kindOfFile(rel)!))) return undefined;
  const again: Array<{ kinds: readonly RecordKind[]; emits: readonly string[] }> = [];
  for (const rule of [...RECORD_RULES, ...APPLICATION_RULES]) {
    if (rule.local) continue;
    const how = FOLDER_RULES[rule.id];
    if (how === undefined) return undefined;
    if (typeof how === 'object' && how.kinds.some((k) => kinds.has(k))) again.push(how);
  }
  const dropped = new Set(again.flatMap((r) => r.emits));
  const rerun = new Set(again.flatMap((r) => r.kinds));
  // A new id can make a reference that was dangling good: those files' references are checked again.
  const added = appeared.size > 0;
  const referring = new Set(added ? before.problems.filter((p) => p.rule === 'reference' && kindOfFile(p.file) && !changed.has(p.file)).map((p) => p.file) : []);
  const out: Problem[] = before.problems.filter((p) => !changed.has(p.file) && !gone.has(p.file) && !dropped.has(p.rule) && !(p.rule === 'reference' && referring.has(p.file)));
  for (const p of raw.problems) if (changed.has(p.file)) out.push(p);
  const report = reporter(raw, out);
  const quiet: Report = () => {};
  const a = admission(raw);
  for (const f of raw.files) {
    const kind = f.what.role === 'record' ? f.what.kind : undefined;
    if (changed.has(f.rel)) a.admit(f, report, (p) => out.push(p));
    else if (!kind || referring.has(f.rel) || rerun.has(kind)) a.admit(f, quiet);
    else a.name(f);
  }
  a.unreadable();
  const only = (keep: (rel: string) => boolean) => Object.fromEntries(RECORD_KINDS.map((k) => [k, (a.records[k] as Located<unknown>[]).filter((r) => keep(r.rel))])) as unknown as RuleContext['records'];
  const own: RuleContext = { records: only((rel) => changed.has(rel)), ids: a.ids, vocabularies: { patientGroups: [], all: [] }, report };
  // In the whole check's order, so problems at one place come in the same order.
  for (const rule of [...RECORD_RULES, ...APPLICATION_RULES]) {
    const how = FOLDER_RULES[rule.id];
    if (rule.local) rule.check(own);
    else if (how === 'reference') rule.check({ ...own, records: only((rel) => changed.has(rel) || referring.has(rel)) });
    else if (typeof how === 'object' && how.kinds.some((k) => kinds.has(k))) rule.check({ ...own, records: only((rel) => rerun.has(kindOfFile(rel)!)) });
  }
  // The region's own contact and CVR number are in the settings, which are as they were.
  checkPublicContacts(own, a.settings && { rel: a.settingsRel, data: a.settings }, { settings: false });
  return sortProblems(out);
}

/**
 * The typed folder of a folder whose verdict is known: the same records as the checks above would
 * give (those that pass their schema), each kind's taken from its files' data when first asked for,
 * so a command parses only the folders it reads.
 */
function knownFolder(raw: RawFolder, passedSchema?: (f: SourceFile) => boolean | undefined): DataFolder {
  let settings: CivsamSettings | undefined;
  let model: CollaborationModel | undefined;
  const vocabularies = { patientGroups: [] as PatientGroup[], municipalities: [] as Municipality[], offerTypes: [] as OfferType[] };
  const byKind = new Map<RecordKind, SourceFile[]>(RECORD_KINDS.map((k) => [k, []]));
  const passes = (name: string, f: SourceFile, d: unknown = f.data) => raw.passed?.(f.rel, f) === true || (passedSchema?.(f) ?? validatorOf(name)(d));
  for (const f of raw.files) {
    const w = f.what;
    if (w.role === 'record') {
      byKind.get(w.kind)!.push(f);
      continue;
    }
    const name = w.role === 'vocabulary' ? w.name : w.role;
    if (f.data === undefined || !passes(name, f)) continue;
    if (w.role === 'settings') settings = f.data as CivsamSettings;
    else if (w.role === 'model') model = f.data as CollaborationModel;
    else if (w.name === 'patient-groups') vocabularies.patientGroups = f.data as PatientGroup[];
    else if (w.name === 'municipalities') vocabularies.municipalities = f.data as Municipality[];
    else vocabularies.offerTypes = f.data as OfferType[];
  }
  type Kind = { records: Map<string, unknown>; files: Map<string, string> };
  /** A kind's records that pass, by id, and their files: of every file, or of those `may` lets through, each read by `data`. */
  const collect = (kind: RecordKind, may?: (f: SourceFile) => boolean, data = (f: SourceFile) => f.data): Kind => {
    const k: Kind = { records: new Map(), files: new Map() };
    for (const f of byKind.get(kind)!) {
      if (may && !may(f)) continue;
      const d = data(f);
      if (d === undefined || !passes(kind, f, d)) continue;
      const id = (d as { id: string }).id;
      k.records.set(id, d);
      k.files.set(id, f.rel);
    }
    return k;
  };
  const built = new Map<RecordKind, Kind>();
  const kindOf = (kind: RecordKind) => {
    let b = built.get(kind);
    if (!b) built.set(kind, (b = collect(kind)));
    return b;
  };
  const records = {} as DataFolder['records'];
  // Built when first asked for, then a plain property (a report reads it for every row).
  for (const kind of RECORD_KINDS) {
    Object.defineProperty(records, kind, {
      enumerable: true,
      configurable: true,
      get: () => {
        const map = kindOf(kind).records;
        Object.defineProperty(records, kind, { value: map, enumerable: true, writable: false, configurable: false });
        return map;
      },
    });
  }
  const policy: Policy = { ...DEFAULT_POLICY, ...(settings?.policy ?? {}) };
  const folder: DataFolder = { dir: raw.dir, settings, policy, model, vocabularies, records, fileOf: (kind, id) => kindOf(kind).files.get(id) };
  const mentioning = raw.mentioning;
  if (mentioning) {
    folder.mentioning = (ids) => {
      const { may, data } = mentioning(ids);
      const some = new Map(RECORD_KINDS.map((kind) => [kind, collect(kind, may, data)]));
      const records = Object.fromEntries([...some].map(([kind, k]) => [kind, k.records])) as unknown as DataFolder['records'];
      return { ...folder, records, fileOf: (kind, id) => some.get(kind)!.files.get(id), mentioning: undefined };
    };
  }
  return folder;
}

/** Which rules are checked where a file is read, on each file alone: those of one record, and the references. */
const ownRule = (rule: { id: string; local?: true }) => rule.local === true || FOLDER_RULES[rule.id] === 'reference';

/**
 * The record kinds the rules between records (and the public contacts) read: of a file checked
 * elsewhere, only these kinds' data is looked at. Undefined (every kind) should a rule between
 * records not say which it reads.
 */
const FOLDER_KINDS: ReadonlySet<RecordKind> | undefined = (() => {
  const kinds = new Set<RecordKind>(['pool', 'call']); // checkPublicContacts
  for (const rule of [...RECORD_RULES, ...APPLICATION_RULES]) {
    if (ownRule(rule)) continue;
    const how = FOLDER_RULES[rule.id];
    if (how === 'vocabulary') continue;
    if (how === undefined || how === 'reference') return undefined;
    for (const k of how.kinds) kinds.add(k);
  }
  return kinds;
})();

const onlyRecords = (records: RuleContext['records'], keep: (rel: string) => boolean) => Object.fromEntries(RECORD_KINDS.map((k) => [k, (records[k] as Located<unknown>[]).filter((r) => keep(r.rel))])) as unknown as RuleContext['records'];

/** The ids a check of references took to exist, written so that two can be compared: a kind's count of records, each vocabulary's ids, `*` for any. */
export function idsKey(ids: Record<Target, ReadonlySet<string>>): string {
  return [...RECORD_KINDS, ...VOCABULARIES].map((t) => (ids[t] instanceof AnyId ? '*' : (RECORD_KINDS as readonly string[]).includes(t) ? String(ids[t].size) : [...ids[t]].join('\0'))).join('\n');
}

/**
 * The ids that exist, as the folder's check will find them, from what is known before its records
 * are read: their files' names (`records`), the vocabularies and the settings read (`files`), and
 * the listing's and those files' problems (a folder or vocabulary nobody could read has any id).
 */
export function existingIds(records: ReadonlyArray<{ kind: RecordKind; id: string }>, files: readonly SourceFile[], problems: readonly Problem[]): Record<Target, Set<string>> {
  const a = admission({ problems: [...problems] });
  for (const f of files) if (f.what.role === 'vocabulary') a.admit(f, () => {});
  for (const r of records) a.ids[r.kind].add(r.id);
  a.unreadable();
  return a.ids;
}

/** idsKey, made once for each set of ids (a share is checked a chunk at a time against the same). */
const keys = new WeakMap<object, string>();
function keyOf(ids: Record<Target, ReadonlySet<string>>): string {
  let k = keys.get(ids);
  if (k === undefined) keys.set(ids, (k = idsKey(ids)));
  return k;
}

/** A set that has every id (for a share's checks: see existingIds), and whether a set is one. */
export const anyId = (): Set<string> => new AnyId();
export const isAnyId = (ids: ReadonlySet<string>): boolean => ids instanceof AnyId;

/**
 * The checks of one file, for files read on another thread (see OwnChecks): their schema and
 * characters, the rules of one record, and their references against `ids` (every id of the folder).
 * Per file: 0 not checked (no data, or not a record), 1 its data failed its schema, 2 it passed.
 */
export function checkShare(files: readonly SourceFile[], position: (rel: string, path: readonly PathSegment[], at?: 'key' | 'value') => Position, ids: Record<Target, ReadonlySet<string>>): { problems: Problem[]; passed: Uint8Array; idsKey: string } {
  const problems: Problem[] = [];
  const report = reporter({ position }, problems);
  const a = admission({ problems: [] });
  const passed = new Uint8Array(files.length);
  files.forEach((f, i) => {
    // The settings and vocabularies are checked with the folder (they make its ids).
    if (f.what.role !== 'record') return;
    const ok = a.admit(f, report);
    passed[i] = ok === undefined ? 0 : ok ? 2 : 1;
  });
  const ctx: RuleContext = { records: a.records, ids, vocabularies: { patientGroups: [], all: [] }, report };
  for (const rule of [...RECORD_RULES, ...APPLICATION_RULES]) if (ownRule(rule)) rule.check(ctx);
  return { problems, passed, idsKey: keyOf(ids) };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A set of ids that has every id: the ids of a folder or vocabulary nobody could read. */
class AnyId extends Set<string> {
  override has(): boolean {
    return true;
  }
}

const UNREADABLE = new Set(['folder-unreadable', 'folder-outside', 'file-unreadable', 'file-not-regular']);

function unreadableTargets(problems: readonly Problem[]): Target[] {
  const out: Target[] = [];
  for (const p of problems) {
    if (!UNREADABLE.has(p.rule)) continue;
    const kind = RECORD_KINDS.find((k) => FOLDER_OF[k] === p.file);
    if (kind) out.push(kind);
    if (p.file === 'vocabularies') out.push(...VOCABULARIES);
    const vocabulary = VOCABULARIES.find((v) => p.file === `vocabularies/${v}.yaml`);
    if (vocabulary) out.push(vocabulary);
  }
  return out;
}

type CharacterKind = NonNullable<ReturnType<typeof controlCharacterIn>>;

/** How the control-character rule says what a value holds. */
const CHARACTER_KEY = { control: 'problem.controlCharacter', direction: 'problem.directionCharacter', invisible: 'problem.invisibleCharacter' } as const satisfies Record<CharacterKind, MessageKey>;

/**
 * Each key and value of the data that holds a control character (domain/text.ts): its path, and
 * what it holds (a mark that turns the direction of text, a character of no width, another). Every one is reported, so a person mends them
 * all in one go. In data that failed its schema, a key that is no field name is passed by, and what
 * is under it: the schema points at it by its place alone (it may be a person's name).
 */
function controlCharacters(root: unknown, passed: boolean): Array<{ trail: (string | number)[]; kind: CharacterKind }> {
  const found: Array<{ trail: (string | number)[]; kind: CharacterKind }> = [];
  const trail: (string | number)[] = [];
  const test = (text: string): boolean => {
    const control = controlCharacterIn(text);
    if (control) found.push({ trail: [...trail], kind: control });
    return control !== undefined;
  };
  const walk = (value: unknown): void => {
    if (typeof value === 'string') test(value);
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.push(i);
        walk(value[i]);
        trail.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const k in value) {
        // Keys are the user's text as well; a key and its value are one place.
        if (!passed && !fieldLike(k)) continue;
        trail.push(k);
        if (!test(k)) walk((value as Record<string, unknown>)[k]);
        trail.pop();
      }
    }
  };
  walk(root);
  return found;
}

/** The path to every value that holds no other (a field's value, a list's item). */
function leafPaths(data: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(data)) data.forEach((v, i) => leafPaths(v, [...path, i], out));
  else if (isObject(data)) for (const [k, v] of Object.entries(data)) leafPaths(v, [...path, k], out);
  else out.push(path);
  return out;
}
