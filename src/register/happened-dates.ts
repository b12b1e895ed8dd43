// Guided entry asks one field at a time: a day something happened that is after today
// (domain/happened-dates.ts) is refused at once, named by the option that sets it, which the
// question then says in its own words.
import type { RecordKind } from '../domain/kinds.js';
import { UserError } from '../domain/errors.js';
import { happenedAfterToday } from '../domain/happened-dates.js';
import { FIELDS } from './fields.js';

type Rec = Record<string, unknown>;

/** Refuses a change that gives a record a day something happened after `today`, named by its option. */
export function refuseHappenedAfterToday(kind: RecordKind, before: Rec | undefined, after: Rec, today: string): void {
  const late = happenedAfterToday(before, after, today)[0];
  const spec = late && FIELDS[kind].find((s) => s.path === late.path);
  if (late) throw new UserError('register.happenedAfterToday', { option: spec ? `--${spec.flag}` : late.path, today });
}
