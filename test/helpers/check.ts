import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { translate, type Language } from '../../src/i18n/index.js';
import { makeFolder, type Files } from './folder.js';

/** Validates a folder built from `files`; each problem as `file:line:col rule`. */
export function problemsOf(files: Files): string[] {
  const { problems } = checkFolder(readFolder(makeFolder(files)));
  return problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule}`);
}

/** The same with the translated message. */
export function messagesOf(files: Files, lang: Language = 'en'): string[] {
  const { problems } = checkFolder(readFolder(makeFolder(files)));
  return problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule} ${translate(lang, p.message.key, p.message.params)}`);
}
