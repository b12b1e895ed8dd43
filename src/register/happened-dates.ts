// A day something happened (an organisation registered, its contact details confirmed) is not a
// day still to come, however the change was given: options, a file, guided entry, a sheet. Only
// a day the change gives or moves is judged, as with an application's dates (a record that
// already holds one can still have its other fields put right). Pure: today comes in.
//
// What is found is a problem at the field, not one sentence naming an option: the write says it
// where the value came from (the option, the file's line and column, the sheet's row and column),
// as it says any other problem of a field.
import type { RecordKind } from '../domain/kinds.js';
import type { Message } from '../i18n/index.js';
import { getPath } from '../domain/plain-data.js';
import { UserError } from '../domain/errors.js';
import { FIELDS } from './fields.js';

type Rec = Record<string, unknown>;

/** The date fields that record a day something happened. */
const HAPPENED: ReadonlySet<string> = new Set(['registered', 'contact.confirmed']);

/** A day after today that a change gives a record: the field's dotted path, its option, and the problem in the field's words. */
export interface HappenedLate {
  path: string;
  flag: string;
  message: Message;
}

/** The days something happened that a change gives a record (or moves) and that are after `today`. */
export function happenedAfterToday(kind: RecordKind, before: Rec | undefined, after: Rec, today: string): HappenedLate[] {
  const late: HappenedLate[] = [];
  for (const spec of FIELDS[kind]) {
    if (spec.type !== 'date' || !HAPPENED.has(spec.path)) continue;
    const day = getPath(after, spec.path);
    // ISO days compare as text; a value that is no day is left for the record's check to say.
    if (typeof day !== 'string' || day === getPath(before ?? {}, spec.path) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    if (day > today) late.push({ path: spec.path, flag: spec.flag, message: { key: 'problem.happenedAfterToday', params: { field: spec.path, today } } });
  }
  return late;
}

/** Refuses such a change at once, named by the option that sets the day (guided entry, which asks one field at a time). */
export function refuseHappenedAfterToday(kind: RecordKind, before: Rec | undefined, after: Rec, today: string): void {
  const late = happenedAfterToday(kind, before, after, today)[0];
  if (late) throw new UserError('register.happenedAfterToday', { option: `--${late.flag}`, today });
}
