// A day something happened (an organisation registered, its contact details confirmed) is not a
// day still to come, however the change was given: options, a file, guided entry, a sheet. Only
// a day the change gives or moves is judged, as with an application's dates (a record that
// already holds one can still have its other fields put right). Pure: today comes in.
//
// What is found is a problem at the field, not one sentence naming an option: the write says it
// where the value came from (the option, the file's line and column, the sheet's row and cell),
// as it says any other problem of a field.
import type { Message } from '../i18n/index.js';
import { getPath } from './plain-data.js';
import { isDate } from './dates.js';

type Rec = Record<string, unknown>;

/** The date fields that record a day something happened (dotted paths). */
const HAPPENED: readonly string[] = ['registered', 'contact.confirmed'];

/** A day after today that a change gives a record: the field's dotted path, and the problem in the field's words. */
export interface HappenedLate {
  path: string;
  message: Message;
}

/** The days something happened that a change gives a record (or moves) and that are after `today`. */
export function happenedAfterToday(before: Rec | undefined, after: Rec, today: string): HappenedLate[] {
  const late: HappenedLate[] = [];
  for (const path of HAPPENED) {
    const day = getPath(after, path);
    // ISO days compare as text; a value that is no day of the calendar (2026-13-01: written as a
    // date, but no such day) is left for the record's check to say, which says just that.
    if (typeof day !== 'string' || day === getPath(before ?? {}, path) || !isDate(day)) continue;
    if (day > today) late.push({ path, message: { key: 'problem.happenedAfterToday', params: { field: path, today } } });
  }
  return late;
}
