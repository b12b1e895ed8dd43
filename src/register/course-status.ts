// The statuses a record gets by a command of its own (`consultation close`, `org deactivate`, …).
// That command checks that the change can happen now (a deadline passed, or --early with a reason)
// and writes what goes with it (the day, the reason); a bare `edit --status` could do neither, so
// it is refused and the command named. A status without a command of its own (a consultation back
// to planned, an agreement from draft to active) is edited as any field.
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
