// A record named on the command line as KIND ID (`org lyspunktet`), checked before it is used.
import { kindFromName, type RecordKind } from '../domain/kinds.js';

/** A record id as the data contract defines it: the one id check (the schemas' id pattern). */
export { isValidId as isRecordId } from '../domain/ids.js';

/**
 * `org`, `organisation`, `organisations`, `aftale`: the words a user may use for a kind, the same
 * the command line takes for a kind everywhere (Danish too, as help names a record by its art og id).
 */
export function kindFromWord(word: string): RecordKind | undefined {
  return kindFromName(word);
}
