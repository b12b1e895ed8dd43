// A record named on the command line as KIND ID (`org lyspunktet`), checked before it is used.
import { FOLDER_OF, RECORD_KINDS, type RecordKind } from '../core/kinds.js';
import { COMMAND_OF } from '../register/fields.js';

/**
 * A record id as the data contract defines it. A local check for `sync` and `history`: the
 * shared id check of the project replaces it when that lands.
 */
const RECORD_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isRecordId(id: string): boolean {
  return RECORD_ID.test(id);
}

/** `org`, `organisation`, `organisations`: the words a user may use for a kind. */
export function kindFromWord(word: string): RecordKind | undefined {
  const w = word.toLowerCase();
  return RECORD_KINDS.find((k) => k === w || COMMAND_OF[k] === w || FOLDER_OF[k] === w);
}

/** The kinds as the commands name them, for a message. */
export function kindWords(): string {
  return RECORD_KINDS.map((k) => COMMAND_OF[k]).join(', ');
}
