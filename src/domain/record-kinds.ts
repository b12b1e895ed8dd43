// The kinds of record a data folder holds, one folder and one schema each. Its own module so that
// the schema shapes (shapes.ts) and the kinds' tables (kinds.ts) can both name them.
export const RECORD_KINDS = ['organisation', 'offer', 'agreement', 'pool', 'call', 'hearing-party', 'consultation', 'application'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
