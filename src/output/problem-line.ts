// One problem in a data file as a person reads it, wherever civsam reports one (validate, a refused
// write, the commit hook, sync, guided entry): where it is, then what is wrong and what to do.
// The rule's id (`schema-value`, `yaml-tab`) is not in this line: no option takes a validation
// rule's id, and to a case worker it is a code. It stays in `validate --format json`, where scripts
// read it.
import { join } from 'node:path';
import { translate, type Language } from '../i18n/index.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { wrapText } from './table.js';
import { displayWidth } from './text-width.js';
import type { Problem } from '../store/load-folder.js';

export interface ProblemStyle {
  /** Paints the location (`data/x.yaml:3:7`). */
  where?: (text: string) => string;
  /** Paints the word that marks a warning. */
  warning?: (text: string) => string;
  /**
   * Wraps the line to this width (a terminal's), the message's further lines indented under its
   * start, as a table wraps a cell; without it the problem stays one line, as scripts read it.
   */
  width?: number;
}

/** Where a problem is: `data/organisations/x.yaml:3:7`, or the file alone for a problem at no line of it. */
export function placeOf(dataDir: string, p: Pick<Problem, 'file'> & { line?: number; col?: number }): string {
  // A file name is the user's text too: no control characters reach the terminal.
  return terminalSafe(p.line === undefined ? join(dataDir, p.file) : `${join(dataDir, p.file)}:${p.line}:${p.col}`, { lineBreaks: 'space' });
}

/** Several problems' places for a message, at most ten named. */
export function placesOf(dataDir: string, problems: readonly Pick<Problem, 'file' | 'line' | 'col'>[]): string {
  return problems.slice(0, 10).map((p) => placeOf(dataDir, p)).join(', ') + (problems.length > 10 ? ', …' : '');
}

/**
 * `data/organisations/x.yaml:3:7  Status skal være …`, a warning marked as one; a problem of the
 * whole file, at no line of it, by the file's name alone.
 */
export function problemLine(lang: Language, dataDir: string, p: Pick<Problem, 'file' | 'severity' | 'message'> & { line?: number; col?: number }, style: ProblemStyle = {}): string {
  const where = placeOf(dataDir, p);
  const mark = p.severity === 'warning' ? `${translate(lang, 'validate.warning')}: ` : '';
  const message = translate(lang, p.message.key, p.message.params);
  const painted = (style.where ?? String)(where);
  const marked = (text: string) => (mark && text.startsWith(mark) ? (style.warning ?? String)(mark) + text.slice(mark.length) : text);
  if (style.width === undefined) return `${painted}  ${marked(mark + message)}`;
  // The message wrapped beside its location, further lines under its start; beside a location
  // longer than half the line, under it instead, indented.
  // Measured in the columns it takes: a folder's name may hold an accent written apart or an emoji.
  const columns = displayWidth(where);
  const beside = columns + 2 <= style.width / 2;
  const pad = ' '.repeat(beside ? columns + 2 : 4);
  const lines = wrapText(mark + message, style.width - pad.length);
  const rest = lines.slice(1).map((l) => pad + l);
  return (beside ? [`${painted}  ${marked(lines[0])}`, ...rest] : [painted, pad + marked(lines[0]), ...rest]).join('\n');
}
