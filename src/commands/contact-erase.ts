// `civsam contact erase ORG`: removes an organisation's contact person (personal data) from its
// record, and says plainly that git history and other copies still hold it, and how to purge them.
import type { CommandContext } from '../context/context.js';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../domain/errors.js';
import { findRepository } from '../store/git.js';
import { recordRel } from '../store/paths.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; field?: string[] };
const PERSONAL = ['name', 'email', 'phone'];
const FIELDS = ['role', 'name', 'email', 'phone', 'confirmed'];

export async function run(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const only = opts.field;
  if (only) for (const f of only) if (!FIELDS.includes(f)) throw new UserError('contact.badField', { field: f, fields: FIELDS.join(', ') });
  const code = await changeRecord(ctx, opts, 'organisation', id, (r) => {
    const contact = r.contact as Record<string, unknown> | undefined;
    if (!contact) throw new UserError('contact.none', { id });
    const out = { ...r };
    if (!only) {
      delete out.contact;
    } else {
      const kept = { ...contact };
      for (const f of only) delete kept[f];
      // What is left without any personal field is not a contact any more.
      if (!PERSONAL.some((f) => kept[f] !== undefined)) delete out.contact;
      else out.contact = kept;
    }
    return out;
  });
  if (code !== 0 || opts.dryRun) return code;
  const dir = resolve(ctx.cwd, ctx.dataDir);
  // The folder snapshot's copy of the record was dropped by the write path (applyChange).
  const repo = findRepository(dir);
  ctx.stderr.write(ctx.t('contact.erased', { file: join(ctx.dataDir, recordRel('organisation', id)) }) + '\n');
  if (repo) ctx.stderr.write(ctx.t('contact.historyStillHolds', { path: relative(repo.root, join(dir, recordRel('organisation', id))).split(sep).join('/') }) + '\n');
  ctx.stderr.write(ctx.t('contact.otherCopies') + '\n');
  return code;
}
