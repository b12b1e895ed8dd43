// civsam consultation report ID: after the deadline, the parties heard alphabetically with a mark
// and date where a response came, the response rate, and eligible parties not invited with reasons.
// As Markdown or HTML it is the høringsnotat: the same, with each point the answers raised and
// what the region did with it and why, in the folder's language unless --lang says otherwise.
import { extname, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { emit, writeOutputFile } from '../context/output.js';
import { dateOption } from '../domain/dates.js';
import { EXIT } from '../domain/errors.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { findConsultation } from '../context/hearing-options.js';
import { consultationReport } from '../reports/hearing.js';
import { buildHearingNote } from '../reports/hearing-note.js';
import { hearingNoteHtml, hearingNoteMarkdown } from '../output/hearing-note.js';
import { wrapText } from '../output/table.js';
import { textWidth } from '../output/text-width.js';

export async function run(ctx: CommandContext, opts: { asOf?: string; format?: string; output?: string }, [id]: string[]): Promise<number> {
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const ext = opts.output ? extname(opts.output).toLowerCase() : '';
  const format = opts.format ?? (ext === '.html' || ext === '.htm' ? 'html' : undefined);
  const folder = loadValidFolder(ctx);
  const consultation = findConsultation(folder, id);
  if (format === 'html' || format === 'md' || (format === undefined && (ext === '.md' || ext === '.markdown'))) {
    const note = buildHearingNote(folder, consultation, asOf, ctx.lang);
    const text = format === 'html' ? hearingNoteHtml(note, ctx.lang) : hearingNoteMarkdown(note, ctx.lang);
    if (opts.output) writeOutputFile(ctx, opts.output, text);
    else ctx.stdout.write(terminalSafe(text));
    // The command to decide the first undecided point, with its party and number filled in.
    const first = note.parties.flatMap((p) => p.points.map((x, i) => ({ party: p.party, index: i + 1, undecided: x.disposition === null }))).find((x) => x.undecided);
    if (first) sayNote(ctx, ctx.t('hearingNote.undecidedNote', { count: note.undecided, id: consultation.id, party: first.party, index: first.index }));
    return EXIT.ok;
  }
  const report = consultationReport(folder, consultation, asOf, ctx.lang);
  emit(ctx, opts, report);
  for (const n of report.notes) sayNote(ctx, n);
  return EXIT.ok;
}

/** A note on the error stream, wrapped at its width and coloured line by line. */
function sayNote(ctx: CommandContext, text: string): void {
  ctx.stderr.write(wrapText(text, textWidth({ stdout: ctx.stderr, env: ctx.env })).map((l) => ctx.errColor.yellow(l)).join('\n') + '\n');
}
