// Validation rules beyond each file's shape: identity, references, dates, checksums, uniqueness.
// Each rule is one entry: its id and a function over the records (those that failed their schema
// as far as it left them readable). Whatever the audit
// judges (fairness) is not here; these rules say whether the data is well-formed.
import { HAS_REACH, ID_PATTERN, REFERENCES, RECORD_KINDS, forEachValueAt, type AnyRecord, type RecordKind, type RecordTypes, type Target } from '../domain/kinds.js';
import { HEARING_RULE_IDS } from '../domain/hearing-rule-ids.js';
import { isValidCvr } from '../domain/cvr.js';
import { nearestByName } from '../domain/names.js';
import { nameKey } from '../domain/text.js';
import { nameFieldOf } from '../domain/record-name.js';
import type { Message } from '../i18n/index.js';
import type { PathSegment } from '../store/yaml-read.js';
import { fieldName } from './schema-problems.js';

export interface Located<R> {
  rel: string;
  record: R;
  /**
   * The file failed its schema: `record` is what that left readable (see readable-part.ts). Its
   * fields have their types, but any may be absent, so rules read them guarded and do not call a
   * field missing here.
   */
  partial?: true;
}

export interface RuleContext {
  records: { [K in RecordKind]: Array<Located<RecordTypes[K]>> };
  /** Every id that exists, including records whose shape is invalid (so one error does not cascade). */
  ids: Record<Target, ReadonlySet<string>>;
  vocabularies: {
    patientGroups: Array<{ rel: string; index: number; id: string; parent?: string }>;
    all: Array<{ rel: string; index: number; id: string }>;
  };
  report(rel: string, path: readonly PathSegment[], at: 'key' | 'value', rule: string, severity: 'error' | 'warning', message: Message): void;
}

export interface RecordRule {
  id: string;
  /**
   * What it finds on a record depends on that record alone (and which ids exist): after a few files
   * changed, it is checked on those only. A rule without it is checked again as check-folder.ts's
   * FOLDER_RULES says, or the whole folder is.
   */
  local?: true;
  check(ctx: RuleContext): void;
}

function* allRecords(ctx: RuleContext): Generator<[RecordKind, Located<AnyRecord>]> {
  for (const kind of RECORD_KINDS) for (const r of ctx.records[kind]) yield [kind, r];
}

/**
 * Calls `visit` with every string in a value and its path. The path array is reused between calls
 * (this runs over every value of every record): copy it to keep it.
 */
function forEachString(value: unknown, visit: (s: string, path: readonly PathSegment[]) => void, path: PathSegment[] = []): void {
  if (typeof value === 'string') {
    visit(value, path);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      forEachString(value[i], visit, path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      path.push(k);
      forEachString((value as Record<string, unknown>)[k], visit, path);
      path.pop();
    }
  }
}

/** A list a rule walks: empty when absent; on a partial record its items may be holes (undefined). */
function listOf<T>(value: readonly T[] | undefined): ReadonlyArray<T | undefined> {
  return Array.isArray(value) ? value : [];
}

const fileStem = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1).replace(/\.yaml$/, '');

const DATE_ORDER: Partial<Record<RecordKind, ReadonlyArray<readonly [string, string]>>> = {
  offer: [['active_from', 'active_until']],
  agreement: [['start', 'end']],
  call: [['published', 'deadline']],
  consultation: [['opens', 'deadline']],
  'hearing-party': [['since', 'withdrawn']],
};

const TARGET_NAME: Record<Target, Message['key']> = {
  organisation: 'kind.organisation',
  offer: 'kind.offer',
  agreement: 'kind.agreement',
  pool: 'kind.pool',
  call: 'kind.call',
  'hearing-party': 'kind.hearing-party',
  consultation: 'kind.consultation',
  application: 'kind.application',
  'patient-groups': 'kind.patient-group',
  municipalities: 'kind.municipality',
  'offer-types': 'kind.offer-type',
};

export const RECORD_RULES: readonly RecordRule[] = [
  {
    id: 'id-file-name',
    local: true,
    check(ctx) {
      for (const [kind, { rel, record }] of allRecords(ctx)) {
        const stem = fileStem(rel);
        if (!ID_PATTERN.test(stem)) {
          ctx.report(rel, [], 'value', 'file-name', 'error', { key: 'problem.fileNameNotId', params: { folder: rel.slice(0, rel.indexOf('/')) } });
        } else if (typeof record.id === 'string' && record.id !== stem) {
          ctx.report(rel, ['id'], 'value', 'id-file-name', 'error', { key: 'problem.idFileName', params: { kind: { key: TARGET_NAME[kind] } } });
        }
      }
    },
  },
  {
    id: 'reference',
    check(ctx) {
      for (const [kind, { rel, record }] of allRecords(ctx)) {
        for (const [pattern, target] of REFERENCES[kind]) {
          const known = ctx.ids[target];
          forEachValueAt(record, pattern, (value, path) => {
            if (typeof value === 'string' && !known.has(value)) {
              ctx.report(rel, [...path], 'value', 'reference', 'error', { key: 'problem.reference', params: { field: fieldName(path), target: { key: TARGET_NAME[target] } } });
            }
          });
        }
      }
      for (const g of ctx.vocabularies.patientGroups) {
        if (g.parent !== undefined && !ctx.ids['patient-groups'].has(g.parent)) {
          ctx.report(g.rel, [g.index, 'parent'], 'value', 'reference', 'error', { key: 'problem.reference', params: { field: fieldName([g.index, 'parent']), target: { key: TARGET_NAME['patient-groups'] } } });
        }
      }
    },
  },
  {
    id: 'vocabulary-duplicate-id',
    check(ctx) {
      const seen = new Map<string, number>();
      for (const e of ctx.vocabularies.all) {
        const k = `${e.rel}|${e.id}`;
        const first = seen.get(k);
        if (first !== undefined) ctx.report(e.rel, [e.index, 'id'], 'value', 'vocabulary-duplicate-id', 'error', { key: 'problem.vocabularyDuplicate', params: { first: first + 1 } });
        else seen.set(k, e.index);
      }
    },
  },
  {
    id: 'vocabulary-parent-cycle',
    check(ctx) {
      const parent = new Map(ctx.vocabularies.patientGroups.map((g) => [g.id, g.parent]));
      for (const g of ctx.vocabularies.patientGroups) {
        const visited = new Set<string>([g.id]);
        let p = g.parent;
        while (p !== undefined && parent.has(p)) {
          if (visited.has(p)) {
            ctx.report(g.rel, [g.index, 'parent'], 'value', 'vocabulary-parent-cycle', 'error', { key: 'problem.parentCycle' });
            break;
          }
          visited.add(p);
          p = parent.get(p);
        }
      }
    },
  },
  {
    id: 'date-order',
    local: true,
    check(ctx) {
      for (const [kind, { rel, record }] of allRecords(ctx)) {
        for (const [from, to] of DATE_ORDER[kind] ?? []) {
          const r = record as unknown as Record<string, unknown>;
          if (typeof r[from] === 'string' && typeof r[to] === 'string' && r[to] < r[from]) {
            ctx.report(rel, [to], 'value', 'date-order', 'error', { key: 'problem.dateOrder', params: { field: to, earlierField: from } });
          }
        }
      }
    },
  },
  {
    id: 'cvr-checksum',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.organisation) {
        if (typeof record.cvr === 'string' && !isValidCvr(record.cvr)) ctx.report(rel, ['cvr'], 'value', 'cvr-checksum', 'error', { key: 'problem.cvrChecksum' });
      }
    },
  },
  {
    id: 'cvr-unique',
    check(ctx) {
      const first = new Map<string, string>();
      for (const { rel, record } of ctx.records.organisation) {
        if (typeof record.cvr !== 'string') continue;
        const other = first.get(record.cvr);
        if (other) ctx.report(rel, ['cvr'], 'value', 'cvr-unique', 'error', { key: 'problem.cvrUnique', params: { other } });
        else first.set(record.cvr, rel);
      }
    },
  },
  {
    id: 'name-unique',
    check(ctx) {
      const first = new Map<string, string>();
      // Names a reader cannot tell apart are one name: another Unicode form (macOS writes NFD),
      // case, accents, spacing, an invisible filler or a look-alike letter do not make a new one.
      for (const { rel, record } of ctx.records.organisation) {
        if (typeof record.name !== 'string') continue;
        const n = nameKey(record.name);
        const other = first.get(n);
        if (other) ctx.report(rel, ['name'], 'value', 'name-unique', 'error', { key: 'problem.nameUnique', params: { other } });
        else first.set(n, rel);
      }
    },
  },
  {
    // Text comes in as NFC (flags, --from-file, import cells); a file edited by hand on a Mac may
    // hold NFD. Reading never changes a value, so validate says where it is: a warning, since the
    // text reads the same and the uniqueness key folds both forms alike.
    id: 'text-nfc',
    local: true,
    check(ctx) {
      for (const [, { rel, record }] of allRecords(ctx)) {
        forEachString(record, (value, path) => {
          if (/[^\u0000-\u007f]/.test(value) && value.normalize('NFC') !== value) {
            ctx.report(rel, [...path], 'value', 'text-nfc', 'warning', { key: 'problem.textNotNfc' });
          }
        });
      }
    },
  },
  {
    // A name or title is what a reader finds a record by: a space before or after it (a no-break or
    // ideographic space, pasted along with the name, as much as a plain one in quotes) is never
    // meant, goes unseen onto the site and makes two names look alike. Every command that writes a
    // name trims it (withTrimmedName); one written by hand is told. A BOM is an error of its own.
    id: 'name-spaces',
    local: true,
    check(ctx) {
      for (const [kind, { rel, record }] of allRecords(ctx)) {
        const field = nameFieldOf(kind);
        const value = field === undefined ? undefined : (record as unknown as Record<string, unknown>)[field];
        if (typeof value !== 'string') continue;
        const shown = value.replace(/\uFEFF/g, '');
        if (shown.trim() !== shown && shown.trim() !== '') ctx.report(rel, [field!], 'value', 'name-spaces', 'warning', { key: 'problem.nameEdgeSpace', params: { field: fieldName([field!]) } });
      }
    },
  },
  {
    id: 'reach',
    local: true,
    check(ctx) {
      for (const [kind, { rel, record, partial }] of allRecords(ctx)) {
        const r = record as { municipalities?: string[]; scope?: string };
        if (r.municipalities !== undefined && r.scope !== undefined) {
          ctx.report(rel, ['scope'], 'key', 'reach-conflict', 'error', { key: 'problem.reachConflict' });
        } else if (HAS_REACH.has(kind) && !partial && r.municipalities === undefined && r.scope === undefined) {
          ctx.report(rel, [], 'value', 'reach-missing', 'error', { key: 'problem.reachMissing' });
        }
      }
    },
  },
  {
    // The day of a status change belongs to that status: on an active record it would tell every
    // report as of a later day that the record had left, against its own status.
    id: 'status-date',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.organisation) {
        if (record.status === 'active' && record.inactive_since !== undefined) ctx.report(rel, ['inactive_since'], 'key', 'status-date', 'error', { key: 'problem.inactiveSinceOnActive' });
      }
      for (const { rel, record } of ctx.records['hearing-party']) {
        if (record.status === 'active' && record.withdrawn !== undefined) ctx.report(rel, ['withdrawn'], 'key', 'status-date', 'error', { key: 'problem.withdrawnOnActive' });
      }
    },
  },
  {
    id: 'consultation-seats',
    local: true,
    check(ctx) {
      for (const { rel, record, partial } of ctx.records.consultation) {
        if (record.selection === 'all' && record.seats !== undefined) {
          ctx.report(rel, ['seats'], 'key', 'consultation-seats', 'error', { key: 'problem.seatsWithAll' });
        } else if (record.selection === 'limited' && !partial && record.seats === undefined) {
          ctx.report(rel, ['selection'], 'value', 'consultation-seats', 'error', { key: 'problem.seatsMissing' });
        }
      }
    },
  },
  {
    id: 'consultation-parties',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.consultation) {
        const invited = new Set(listOf(record.invited));
        listOf(record.omitted).forEach((o, i) => {
          if (typeof o?.party === 'string' && invited.has(o.party)) ctx.report(rel, ['omitted', i, 'party'], 'value', 'consultation-invited-omitted', 'error', { key: 'problem.invitedAndOmitted' });
        });
        listOf(record.responses).forEach((r, i) => {
          if (typeof r?.party !== 'string') return;
          if (!invited.has(r.party)) ctx.report(rel, ['responses', i, 'party'], 'value', 'consultation-response-uninvited', 'warning', { key: 'problem.responseUninvited' });
          else if (typeof r.received === 'string' && typeof record.opens === 'string' && r.received < record.opens) ctx.report(rel, ['responses', i, 'received'], 'value', 'date-order', 'error', { key: 'problem.dateOrder', params: { field: `responses[${i}].received`, earlierField: 'opens' } });
        });
      }
    },
  },
  {
    // `opened_despite` is written by consultation open --despite-findings: the hearing rules whose
    // errors the consultation was sent out despite. One changed by hand to a rule civsam does not
    // have would be cited by the høringsnotat as if it did.
    id: 'opened-despite-rule',
    local: true,
    check(ctx) {
      const known = new Set<string>(HEARING_RULE_IDS);
      for (const { rel, record } of ctx.records.consultation) {
        listOf(record.opened_despite).forEach((id, i) => {
          if (typeof id !== 'string' || known.has(id)) return;
          const near = nearestByName(id, HEARING_RULE_IDS, (r) => [r], 4)[0];
          const params = { field: fieldName(['opened_despite']), allowed: HEARING_RULE_IDS.join(', ') };
          ctx.report(rel, ['opened_despite', i], 'value', 'opened-despite-rule', 'error', near ? { key: 'problem.openedDespiteUnknownNear', params: { ...params, near } } : { key: 'problem.openedDespiteUnknown', params });
        });
      }
    },
  },
  {
    id: 'budget-year-unique',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.pool) {
        const seen = new Map<number, number>();
        listOf(record.budgets).forEach((b, i) => {
          if (typeof b?.year !== 'number') return;
          const first = seen.get(b.year);
          if (first !== undefined) ctx.report(rel, ['budgets', i, 'year'], 'value', 'budget-year-unique', 'error', { key: 'problem.budgetYearUnique', params: { first: first + 1 } });
          else seen.set(b.year, i);
        });
      }
    },
  },
  {
    id: 'call-channel',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.call) {
        if (record.channel === 'public' && (record.invited?.length || record.channel_reason)) {
          ctx.report(rel, ['channel'], 'value', 'call-channel', 'warning', { key: 'problem.callChannel' });
        }
      }
    },
  },
];
