// One problem in a data file as a person reads it, wherever civsam reports one (validate, a refused
// write, the commit hook, sync, guided entry): where it is, then what is wrong and what to do.
// The rule's id (`schema-value`, `yaml-tab`) is not in this line: no option takes a validation
// rule's id, and to a case worker it is a code. It stays in `validate --format json`, where scripts
// read it.
import { join } from 'node:path';
import { translate, type Language } from '../i18n/index.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import type { Problem } from '../store/load-folder.js';

export interface ProblemStyle {
  /** Paints the location (`data/x.yaml:3:7`). */
  where?: (text: string) => string;
  /** Paints the word that marks a warning. */
  warning?: (text: string) => string;
}

/**
 * `data/organisations/x.yaml:3:7  Status skal være …`, a warning marked as one; a problem of the
 * whole file, at no line of it, by the file's name alone.
 */
export function problemLine(lang: Language, dataDir: string, p: Pick<Problem, 'file' | 'severity' | 'message'> & { line?: number; col?: number }, style: ProblemStyle = {}): string {
  // A file name is the user's text too: no control characters reach the terminal.
  const where = terminalSafe(p.line === undefined ? join(dataDir, p.file) : `${join(dataDir, p.file)}:${p.line}:${p.col}`, { lineBreaks: 'space' });
  const mark = p.severity === 'warning' ? (style.warning ?? String)(`${translate(lang, 'validate.warning')}: `) : '';
  return `${(style.where ?? String)(where)}  ${mark}${translate(lang, p.message.key, p.message.params)}`;
}
