// civsam consultation plan [ID]: the proposed hearing list of a registered consultation, or of one
// described by --area/--patient-group/--seats/--opens; --apply writes it into `invited`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { loadValidFolder } from '../cli/load.js';
import { emit, writeFileAtomic } from '../cli/output.js';
import type { DataFolder } from '../core/folder.js';
import type { Consultation } from '../core/kinds.js';
import { EXIT, UserError } from '../errors.js';
import { translate } from '../i18n/index.js';
import { findConsultation, parseAreas, parseDate, parsePatientGroups, parseSeats } from '../hearing/input.js';
import { setInvitedText } from '../hearing/invited-edit.js';
import { draftConsultation, planConsultation } from '../hearing/plan.js';
import { planReport } from '../hearing/reports.js';
import { acquireFolderLock } from '../io/folder-lock.js';
import { parseStrict } from '../io/yaml-read.js';

interface Options {
  area?: string[];
  patientGroup?: string[];
  seats?: string;
  opens?: string;
  asOf?: string;
  apply?: boolean;
  format?: string;
  output?: string;
}

export async function run(ctx: CommandContext, opts: Options, [id]: (string | undefined)[]): Promise<number> {
  const asOf = parseDate(opts.asOf, '--as-of', ctx.today);
  const describes = opts.area !== undefined || opts.patientGroup !== undefined || opts.seats !== undefined || opts.opens !== undefined;
  if (id !== undefined && describes) throw new UserError('hearing.error.planBoth');
  if (id === undefined && opts.area === undefined) throw new UserError('hearing.error.planNeedsScope');
  if (id === undefined && opts.apply) throw new UserError('hearing.error.applyDraft');
  const folder = loadValidFolder(ctx);

  let consultation: Consultation;
  if (id !== undefined) {
    consultation = findConsultation(folder, id);
    if (opts.apply && consultation.status !== 'planned') {
      throw new UserError('hearing.error.applyNotPlanned', { id, status: { key: `hearing.status.${consultation.status}` } });
    }
  } else {
    consultation = draftConsultation({
      areas: parseAreas(opts.area ?? []),
      patient_groups: parsePatientGroups(folder, opts.patientGroup ?? []),
      opens: parseDate(opts.opens, '--opens', asOf),
      seats: parseSeats(opts.seats),
    });
  }

  const plan = planConsultation(folder, consultation);
  if (opts.apply) {
    applyProposal(ctx, folder, consultation, plan.proposal);
    return EXIT.ok;
  }
  emit(ctx, opts, planReport(folder, plan, ctx.lang));
  if (id !== undefined && consultation.status === 'planned' && opts.output === undefined && (opts.format ?? 'table') === 'table') {
    ctx.stderr.write(ctx.t('hearing.plan.applyHint', { id }) + '\n');
  }
  return EXIT.ok;
}

/**
 * Writes the proposal into the consultation's file under the data folder's lock: only the
 * `invited` entry changes (comments and layout kept), the file is replaced atomically, and
 * nothing is written when someone changed the file since it was read.
 */
function applyProposal(ctx: CommandContext, folder: DataFolder, c: Consultation, proposal: string[]): void {
  const rel = folder.fileOf('consultation', c.id)!;
  const path = join(folder.dir, rel);
  const shown = join(ctx.dataDir, rel);
  const lock = acquireFolderLock(folder.dir, { onTakeover: (m) => ctx.stderr.write(translate(ctx.lang, m.key, m.params) + '\n') });
  try {
    const bytes = readFileSync(path);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = bytes.subarray(bom ? 3 : 0).toString('utf8');
    // The plan was made from the record as loaded; if the file says something else now, stop.
    const now = parseStrict(text);
    if (now.problems.length > 0 || canonical(now.data) !== canonical(c)) throw new UserError('hearing.error.changedWhileWriting', { file: shown });
    const current = c.invited ?? [];
    // The same parties in another order: leave the list as the user ordered it.
    if (current.length === proposal.length && proposal.every((x) => current.includes(x))) {
      ctx.stderr.write(ctx.t('hearing.plan.unchanged', { file: shown }) + '\n');
      return;
    }
    const edited = setInvitedText(text, proposal);
    if (edited === undefined) throw new UserError('hearing.error.notAMap', { file: shown });
    // The last check before replacing the file: still ours, and nobody saved it since we read it.
    if (!lock.stillHeld() || !readFileSync(path).equals(bytes)) throw new UserError('hearing.error.changedWhileWriting', { file: shown });
    writeFileAtomic(path, (bom ? '\uFEFF' : '') + edited);
    ctx.stderr.write(ctx.t('hearing.plan.applied', { count: proposal.length, file: shown }) + '\n');
  } finally {
    lock.release();
  }
}

function canonical(v: unknown): string {
  const sort = (x: unknown): unknown => Array.isArray(x) ? x.map(sort)
    : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])])) : x;
  return JSON.stringify(sort(v));
}
