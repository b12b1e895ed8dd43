// The statuses a record gets by a command of its own (`consultation close`, `org deactivate`, …).
// That command checks that the change can happen now (a deadline passed, or --early with a reason)
// and writes what goes with it (the day, the reason); a bare `edit --status` could do neither, so
// it is refused and the command named. A status without a command of its own (a consultation back
// to planned, an agreement from draft to active) is edited as any field.
// So are the days a command wrote with a status (a consultation's opening day): not moved by edit.
import { UserError } from '../domain/errors.js';
import { COMMAND_OF, type RecordKind } from '../domain/kinds.js';
import type { MessageKey } from '../i18n/index.js';

/** For each kind, the status values set by a command, and that command's name. */
const STATUS_COMMANDS: { readonly [K in RecordKind]?: Readonly<Record<string, string>> } = {
  organisation: { inactive: 'deactivate', active: 'activate' },
  agreement: { ended: 'end', cancelled: 'cancel' },
  call: { closed: 'close' },
  'hearing-party': { withdrawn: 'withdraw' },
  consultation: { open: 'open', closed: 'close' },
};

/** Refuses an edit that moves a record to a status its own command sets, naming the command. */
export function refuseStatusByEdit(kind: RecordKind, before: Record<string, unknown>, after: Record<string, unknown>, id: string): void {
  const to = after.status;
  if (typeof to !== 'string' || to === before.status) return;
  const command = STATUS_COMMANDS[kind]?.[to];
  if (!command) return;
  throw new UserError('register.statusByCommand', { status: { key: `value.${to}` as MessageKey }, command: `civsam ${COMMAND_OF[kind]} ${command} ${id}` });
}

/** The fields that hold the day a consultation went out and the day it was planned to (set by `consultation open`). */
const OPENING_DAY_FIELDS = ['opens', 'planned_opens'] as const;

/**
 * Refuses an edit that moves or removes the opening day of a consultation sent out (open or
 * closed), or the day it was planned to open: `consultation open` wrote them on the day it went
 * out, and its window, the responses it can have had and a late opening (the audit's
 * hearing-short-deadline) are counted from them. An edit that sets it back to planned may move
 * them, as `consultation open` then gives it the day it goes out.
 */
export function refuseOpeningDayByEdit(kind: RecordKind, before: Record<string, unknown>, after: Record<string, unknown>, id: string): void {
  if (kind !== 'consultation' || before.status === 'planned' || after.status === 'planned') return;
  if (before.status !== 'open' && before.status !== 'closed') return;
  if (OPENING_DAY_FIELDS.every((f) => before[f] === after[f])) return;
  throw new UserError('course.openingDayStands', { id });
}

/**
 * A new record given a status its own command would refuse today: a consultation open before its
 * opening day, a consultation or a call closed before its deadline. Refused as those commands
 * refuse it; added without --status it starts planned or open, and its command takes it on from there.
 */
export function refuseStatusOnAdd(kind: RecordKind, rec: Record<string, unknown>, id: string, today: string): void {
  if (kind === 'consultation' && rec.status === 'open' && typeof rec.opens === 'string' && rec.opens > today) {
    throw new UserError('register.addOpenBeforeOpens', { opens: rec.opens, command: `civsam consultation open ${id}` });
  }
  if ((kind === 'consultation' || kind === 'call') && rec.status === 'closed' && typeof rec.deadline === 'string' && rec.deadline > today) {
    const command = kind === 'consultation' ? { key: 'register.closeEarlyCommand' as MessageKey, params: { id } } : `civsam call close ${id}`;
    throw new UserError('register.addClosedBeforeDeadline', { aKind: { key: `kind.a.${kind}` as MessageKey }, it: { key: `kind.it.${kind}` as MessageKey }, deadline: rec.deadline, command });
  }
}
