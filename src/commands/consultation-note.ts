// civsam consultation note ID --party P: a point a party's response raised, and what the region did
// with it (accommodated, partly, not) and why; or, with --index N, the disposition of a point
// already recorded. These are the høringsnotat's content (consultation report --format md|html).
import type { CommandContext } from '../context/context.js';
import { UserError } from '../domain/errors.js';
import { changeRecord } from '../register/apply-change.js';
import { recordName } from '../domain/record-name.js';

type Point = { summary: string; disposition?: string; reason?: string };
type Response = { party: string; received: string; points?: Point[] };

export interface NoteOptions {
  party?: string;
  point?: string;
  index?: string;
  disposition?: string;
  reason?: string;
  dryRun?: boolean;
  commit?: boolean;
}

export async function run(ctx: CommandContext, opts: NoteOptions, [id]: string[]): Promise<number> {
  if (!opts.party) throw new UserError('hearingNote.partyMissing');
  const summary = opts.point?.trim();
  const reason = opts.reason?.trim() || undefined;
  if ((summary === undefined) === (opts.index === undefined)) throw new UserError('hearingNote.pointOrIndex');
  if (opts.index !== undefined && !opts.disposition) throw new UserError('hearingNote.dispositionMissing');
  if (reason !== undefined && !opts.disposition) throw new UserError('hearingNote.reasonWithoutDisposition');
  // The state's guidance wants the reason where the region did not (fully) follow a point.
  if ((opts.disposition === 'partly' || opts.disposition === 'not') && reason === undefined) throw new UserError('hearingNote.reasonMissing');
  const index = opts.index === undefined ? undefined : Number(opts.index);
  if (index !== undefined && !(Number.isInteger(index) && index >= 1)) throw new UserError('hearingNote.indexInvalid');
  const party = opts.party;
  return changeRecord(ctx, opts, 'consultation', id, (r, s) => {
    const responses = Array.isArray(r.responses) ? (r.responses as Response[]).map((x) => (x.points ? { ...x, points: x.points.map((p) => ({ ...p })) } : { ...x })) : [];
    const response = responses.find((x) => x.party === party);
    if (!response) throw new UserError('hearingNote.noResponse', { party, id });
    const points = response.points ?? [];
    const decided = (p: Point): Point => ({ summary: p.summary, ...(opts.disposition ? { disposition: opts.disposition } : {}), ...(reason ? { reason } : {}) });
    if (index !== undefined) {
      if (index > points.length) throw new UserError('hearingNote.indexOutOfRange', { index, count: points.length, party, id: String(r.id) });
      points[index - 1] = decided(points[index - 1]);
    } else {
      // A point is known by its summary when two people add or change points at the same time
      // (sync merges a response point by point); two with the same summary could not be told apart.
      const same = points.findIndex((p) => p.summary.trim() === summary);
      if (same >= 0) throw new UserError('hearingNote.samePoint', { party, name: recordName(s.folder, 'hearing-party', party) ?? party, index: same + 1, id: String(r.id) });
      points.push(decided({ summary: summary! }));
    }
    response.points = points;
    return { ...r, responses };
  });
}
