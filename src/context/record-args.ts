// A record named on the command line as KIND ID (`org lyspunktet`), checked before it is used.
import { FOLDER_OF, RECORD_KINDS, type RecordKind } from '../domain/kinds.js';
import { COMMAND_OF } from '../domain/kinds.js';

/** A record id as the data contract defines it: the one id check (the schemas' id pattern). */
export { isValidId as isRecordId } from '../domain/ids.js';

/** `org`, `organisation`, `organisations`: the words a user may use for a kind. */
export function kindFromWord(word: string): RecordKind | undefined {
  const w = word.toLowerCase();
  return RECORD_KINDS.find((k) => k === w || COMMAND_OF[k] === w || FOLDER_OF[k] === w);
}

/** The kinds as the commands name them, for a message. */
export function kindWords(): string {
  return RECORD_KINDS.map((k) => COMMAND_OF[k]).join(', ');
}
