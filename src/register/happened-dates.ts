// A day something happened (an organisation registered, its contact details confirmed) is not a
// day still to come, however the change was given: options, a file, guided entry, a sheet. Only
// a day the change gives or moves is judged, as with an application's dates (a record that
// already holds one can still have its other fields put right). Pure: today comes in.
import type { RecordKind } from '../domain/kinds.js';
import { getPath } from '../domain/plain-data.js';
import { UserError } from '../domain/errors.js';
import { FIELDS } from './fields.js';

type Rec = Record<string, unknown>;

/** The date fields that record a day something happened. */
const HAPPENED: ReadonlySet<string> = new Set(['registered', 'contact.confirmed']);

/** Refuses a change that gives a record one of those days after `today`, named by the option that sets it. */
export function refuseHappenedAfterToday(kind: RecordKind, before: Rec | undefined, after: Rec, today: string): void {
  for (const spec of FIELDS[kind]) {
    if (spec.type !== 'date' || !HAPPENED.has(spec.path)) continue;
    const day = getPath(after, spec.path);
    // ISO days compare as text; a value that is no day is left for the record's check to say.
    if (typeof day !== 'string' || day === getPath(before ?? {}, spec.path) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    if (day > today) throw new UserError('register.happenedAfterToday', { option: `--${spec.flag}`, today });
  }
}
