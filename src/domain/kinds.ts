// The record kinds of a data folder, where they live and what they refer to (the data folder contract: schemas/ and README.md).
import type {
  Agreement, Application, Call, CivsamSettings, CollaborationModel, Consultation, HearingParty, Municipalities, Offer, OfferTypes,
  Organisation, PatientGroups, Pool,
} from '../generated/schema-types.js';

export type { Agreement, Application, Call, CivsamSettings, CollaborationModel, Consultation, HearingParty, Offer, Organisation, Pool };
export type PatientGroup = PatientGroups[number];
export type Municipality = Municipalities[number];
export type OfferType = OfferTypes[number];
/** A unit's published contact (common.schema.json `public-contact`): the region's, a pool's or a call's. */
export type PublicContact = NonNullable<CivsamSettings['region']['contact']>;
export { AREAS, type Area } from './shapes.js';

import { RECORD_KINDS, type RecordKind } from './record-kinds.js';
export { RECORD_KINDS, type RecordKind };

/** A table with an entry per kind, each made by `make`. */
export function perKind<K extends string, T>(kinds: readonly K[], make: (kind: K) => T): Record<K, T> {
  const out = {} as Record<K, T>;
  for (const k of kinds) out[k] = make(k);
  return out;
}

export interface RecordTypes {
  organisation: Organisation;
  offer: Offer;
  agreement: Agreement;
  pool: Pool;
  call: Call;
  'hearing-party': HearingParty;
  consultation: Consultation;
  application: Application;
}
export type AnyRecord = RecordTypes[RecordKind];

export const FOLDER_OF: Record<RecordKind, string> = {
  organisation: 'organisations',
  offer: 'offers',
  agreement: 'agreements',
  pool: 'pools',
  call: 'calls',
  'hearing-party': 'hearing-parties',
  consultation: 'consultations',
  application: 'applications',
};

/** The kind of record a file holds, by its folder (`organisations/x.yaml`); undefined for any other file. */
export const kindOfFile = (rel: string): RecordKind | undefined => RECORD_KINDS.find((k) => rel.startsWith(`${FOLDER_OF[k]}/`));

export const VOCABULARIES = ['patient-groups', 'municipalities', 'offer-types'] as const;
export type VocabularyName = (typeof VOCABULARIES)[number];

/** The words a user may give for a vocabulary: English or Danish, singular or plural. */
export const VOCABULARY_WORDS: Readonly<Record<string, VocabularyName>> = {
  'patient-groups': 'patient-groups', 'patient-group': 'patient-groups', patientgrupper: 'patient-groups', patientgruppe: 'patient-groups',
  municipalities: 'municipalities', municipality: 'municipalities', kommuner: 'municipalities', kommune: 'municipalities',
  'offer-types': 'offer-types', 'offer-type': 'offer-types', tilbudstyper: 'offer-types', tilbudstype: 'offer-types',
};

/** The kinds a reference can point at: record kinds and vocabularies. */
export type Target = RecordKind | VocabularyName;

/**
 * Every reference a record holds: a path pattern (`*` for each list item) and the kind it names.
 * The validator checks each one resolves; commands use the same table to find what refers to a record.
 */
export const REFERENCES: Record<RecordKind, ReadonlyArray<readonly [path: string, target: Target]>> = {
  organisation: [['patient_groups.*', 'patient-groups'], ['municipalities.*', 'municipalities']],
  offer: [['organisation', 'organisation'], ['type', 'offer-types'], ['patient_groups.*', 'patient-groups'], ['municipalities.*', 'municipalities'], ['agreement', 'agreement']],
  agreement: [['organisations.*', 'organisation'], ['patient_groups.*', 'patient-groups'], ['municipalities.*', 'municipalities'], ['offers.*', 'offer'], ['funding.*.pool', 'pool'], ['established_by.call', 'call']],
  pool: [],
  call: [['pool', 'pool'], ['patient_groups.*', 'patient-groups'], ['municipalities.*', 'municipalities'], ['invited.*', 'organisation'], ['applicants.*', 'organisation'], ['selected.*', 'organisation'], ['declarations.*.ties.*.organisation', 'organisation']],
  'hearing-party': [['organisation', 'organisation'], ['patient_groups.*', 'patient-groups']],
  consultation: [['patient_groups.*', 'patient-groups'], ['invited.*', 'hearing-party'], ['omitted.*.party', 'hearing-party'], ['responses.*.party', 'hearing-party']],
  application: [['call', 'call'], ['organisations.*', 'organisation'], ['agreement', 'agreement']],
};

/** Kinds whose records must say where they reach (municipalities or scope). */
export const HAS_REACH: ReadonlySet<RecordKind> = new Set(['organisation', 'offer', 'agreement', 'call']);

/** The names a user may give a record kind on the command line: singular or plural, English or Danish. */
export const KIND_NAMES: Readonly<Record<string, RecordKind>> = {
  organisation: 'organisation', organisations: 'organisation', organization: 'organisation', organizations: 'organisation', org: 'organisation', orgs: 'organisation', organisationer: 'organisation',
  offer: 'offer', offers: 'offer', tilbud: 'offer',
  agreement: 'agreement', agreements: 'agreement', aftale: 'agreement', aftaler: 'agreement',
  pool: 'pool', pools: 'pool', pulje: 'pool', puljer: 'pool',
  call: 'call', calls: 'call', opslag: 'call',
  'hearing-party': 'hearing-party', 'hearing-parties': 'hearing-party', 'høringspart': 'hearing-party', 'høringsparter': 'hearing-party',
  consultation: 'consultation', consultations: 'consultation', 'høring': 'consultation', 'høringer': 'consultation',
  application: 'application', applications: 'application', 'ansøgning': 'application', 'ansøgninger': 'application',
};

export function kindFromName(name: string): RecordKind | undefined {
  return Object.hasOwn(KIND_NAMES, name.toLowerCase()) ? KIND_NAMES[name.toLowerCase()] : undefined;
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const compiled = new Map<string, string[]>();
function partsOf(pattern: string): string[] {
  let p = compiled.get(pattern);
  if (!p) compiled.set(pattern, (p = pattern.split('.')));
  return p;
}

/**
 * Calls `visit` with each value found at a reference path (`*` for each list item). The path
 * array is reused between calls: copy it if you keep it. Allocates nothing per value, since the
 * validator runs this over every reference of every record.
 */
export function forEachValueAt(record: unknown, pattern: string, visit: (value: unknown, path: readonly (string | number)[]) => void): void {
  const parts = partsOf(pattern);
  const trail: (string | number)[] = [];
  const walk = (node: unknown, i: number): void => {
    if (i === parts.length) {
      visit(node, trail);
      return;
    }
    const part = parts[i];
    if (part === '*') {
      if (!Array.isArray(node)) return;
      for (let k = 0; k < node.length; k++) {
        trail.push(k);
        walk(node[k], i + 1);
        trail.pop();
      }
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, part)) {
      trail.push(part);
      walk((node as Record<string, unknown>)[part], i + 1);
      trail.pop();
    }
  };
  walk(record, 0);
}

/** Each value found at a reference path, with its concrete path. */
export function valuesAt(record: unknown, pattern: string): Array<[value: unknown, path: (string | number)[]]> {
  const out: Array<[unknown, (string | number)[]]> = [];
  forEachValueAt(record, pattern, (value, path) => out.push([value, [...path]]));
  return out;
}

export const DEFAULT_POLICY = {
  max_share: 0.4,
  hhi_warning: 2500,
  short_project_months: 12,
  short_chain_count: 3,
  hearing_min_days: 28,
  rotation_window: 5,
  contact_confirm_months: 24,
  expiring_days: 90,
} as const;
export type Policy = { -readonly [K in keyof typeof DEFAULT_POLICY]: number };

/** The user-facing command name of a record kind. */
export const COMMAND_OF: Record<RecordKind, string> = {
  organisation: 'org', offer: 'offer', agreement: 'agreement', pool: 'pool', call: 'call', 'hearing-party': 'hearing-party', consultation: 'consultation', application: 'application',
};
