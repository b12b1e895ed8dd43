// A finding's message as text in the reader's language: numbers (amounts, shares, indexes) are
// formatted the way each language writes them before the catalogue's template is filled in.
import type { Language, Message, MessageParams } from '../i18n/index.js';
import { labelInSentence, translate } from '../i18n/index.js';
import { formatNumber } from '../i18n/format.js';

// The same few numbers (counts, days, years) come back in thousands of findings: each is written
// once per language and number of decimals, and kept while there are not too many.
const numberTexts = new Map<string, Map<number, string>>();

function numberText(n: number, lang: Language, digits: number): string {
  // A map takes -0 for 0, which Intl writes as "-0".
  if (Object.is(n, -0)) return formatNumber(n, lang, digits);
  const key = digits === 0 ? lang : `${lang}|${digits}`;
  let texts = numberTexts.get(key);
  if (!texts) numberTexts.set(key, (texts = new Map()));
  let text = texts.get(n);
  if (text === undefined) {
    if (texts.size >= 10_000) texts.clear();
    texts.set(n, (text = formatNumber(n, lang, digits)));
  }
  return text;
}

// Percentages always carry one decimal (60.0%), other numbers as many as they have (at most one).
function localise(lang: Language, params: MessageParams | undefined, digits?: number): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'number') out[k] = numberText(v, lang, digits ?? (Number.isInteger(v) ? 0 : 1));
    else if (typeof v === 'object' && 'key' in v) out[k] = v.key.startsWith('label.') ? labelInSentence(lang, translate(lang, v.key)) : translate(lang, v.key, localise(lang, v.params, v.key === 'audit.fmt.percent' ? 1 : undefined));
    else out[k] = v;
  }
  return out;
}


export function messageText(lang: Language, message: Message): string {
  return translate(lang, message.key, localise(lang, message.params));
}
