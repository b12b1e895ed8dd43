// A value given by a flag or a guided question is told in words for one (no quotes, no codes to
// write in a file): the schema's and rules' messages whose advice is for a file, said otherwise.
import type { Message } from '../i18n/index.js';

const FLAG_WORDS: Partial<Record<string, Message['key']>> = {
  'problem.schema.patternCvr': 'cvr.invalid',
  'problem.cvrChecksum': 'cvr.invalid',
  'problem.schema.patternPhone': 'problem.flag.patternPhone',
  'problem.schema.enum': 'problem.flag.enum',
};

/** The problem in words for a value typed at `field` (a flag, or the field's path), when it has such words. */
export function typedValueWording(problem: Message, field: string): Message | undefined {
  const key = FLAG_WORDS[problem.key];
  return key ? { key, params: { ...problem.params, field } } : undefined;
}
