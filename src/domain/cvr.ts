// CVR numbers: 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

export function isValidCvr(cvr: string): boolean {
  if (!/^[0-9]{8}$/.test(cvr)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += WEIGHTS[i] * (cvr.charCodeAt(i) - 48);
  return sum % 11 === 0;
}
