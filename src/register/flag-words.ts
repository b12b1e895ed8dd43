// A value given by a flag or a guided question is told in words for one (no quotes, no codes to
// write in a file): the schema's and rules' messages whose advice is for a file, said otherwise.
import type { Message } from '../i18n/index.js';
import type { Problem } from '../store/load-folder.js';
import type { PathSegment } from '../store/yaml-read.js';

const FLAG_WORDS: Partial<Record<string, Message['key']>> = {
  'problem.schema.patternCvr': 'cvr.invalid',
  'problem.cvrChecksum': 'cvr.invalid',
  'problem.schema.patternPhone': 'problem.flag.patternPhone',
  'problem.schema.enum': 'problem.flag.enum',
  'problem.dateOrder': 'problem.flag.dateOrder',
  'problem.scaleOrder': 'problem.flag.scaleOrder',
};

/** The problem in words for a value typed at `field` (a flag, or the field's path), when it has such words. */
export function typedValueWording(problem: Message, field: string): Message | undefined {
  const key = FLAG_WORDS[problem.key];
  return key ? { key, params: { ...problem.params, field } } : undefined;
}

/**
 * A command's options by the fields they set (`budgets.year` → `--year`, list positions left out):
 * a refused change's problem at one of those fields is said by its option, not at a line of a file
 * that is not written (see ChangeOptions.reword).
 */
export function optionWording(options: Readonly<Record<string, string>>): (p: Problem, at: readonly PathSegment[]) => Message | undefined {
  return (p, at) => {
    const flag = options[at.filter((s) => typeof s === 'string').join('.')];
    if (flag === undefined || typeof p.message.params?.field !== 'string') return undefined;
    return typedValueWording(p.message, flag) ?? { key: p.message.key, params: { ...p.message.params, field: flag } };
  };
}
