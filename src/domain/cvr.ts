// CVR numbers: 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11, and not
// all noughts (which pass the sum but are no company's number).
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

export function isValidCvr(cvr: string): boolean {
  if (!/^[0-9]{8}$/.test(cvr) || cvr === '00000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += WEIGHTS[i] * (cvr.charCodeAt(i) - 48);
  return sum % 11 === 0;
}

/** What people put between a CVR number's digits: spaces of any kind, dots and dashes. */
const SEPARATORS = /[\s.\u2010-\u2015\u2212-]/gu;

/** Quotes around the number, as a YAML file writes it (`"29190925"`). */
const QUOTED = /^(["'“”„‘’«»])(.*)(["'“”„‘’«»])$/su;

/**
 * A CVR number as people type it (`29 19 09 25`, `29.19.09.25`, `DK-29190925`, with spaces around)
 * as its eight digits: quotes around it, spaces of any kind, dots, dashes and a leading `DK` taken
 * out. Undefined
 * when what is left is not a valid CVR number. `tidied` says whether more than spaces around it
 * was taken out (a user is told so).
 */
export function typedCvr(typed: string): { cvr: string; tidied: boolean } | undefined {
  const cvr = typed.trim().replace(QUOTED, '$2').replace(SEPARATORS, '').replace(/^dk/i, '');
  if (!isValidCvr(cvr)) return undefined;
  return { cvr, tidied: cvr !== typed.trim() };
}
