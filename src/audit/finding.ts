// What the audit reports, and the shape of an audit rule. Rules are pure functions from the
// loaded folder, the policy and the date to findings; each lives in its own file under
// audit/rules/ and is listed once in audit/registry.ts.
import type { DataFolder } from '../domain/folder.js';
import type { RecordKind } from '../domain/kinds.js';
import type { Message, MessageKey, MessageParams } from '../i18n/index.js';

export type Severity = 'error' | 'warning';

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** The id of the model principle the rule protects (model.yaml). */
  principle: string;
  /** The record to change to put it right. */
  subject: RecordRef;
  /** The other records involved (peers, the call, the pool), not the subject's own parties. */
  related: RecordRef[];
  /** One line in the user's language, naming records by their names or titles (make.ts nameOf), with numbers and dates; never personal data. */
  message: Message;
}

export interface AuditInput {
  folder: DataFolder;
  /** The date the audit is evaluated on, YYYY-MM-DD. */
  asOf: string;
}

export interface AuditRule {
  id: string;
  /** The default severity; a rule may give a finding another (restricted-call does). */
  severity: Severity;
  principle: string;
  /** What the rule checks and why, for `civsam audit --explain`. */
  explanation: MessageKey;
  /** What the explanation names from the schemas (the values an option takes), said in the reader's language. */
  explanationParams?: MessageParams;
  /** Short title for grouping findings. */
  title: MessageKey;
  check(input: AuditInput): Finding[];
}
