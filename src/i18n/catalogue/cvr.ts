// Messages of a CVR number typed by a person (a flag, a guided question, a spreadsheet cell): what a
// CVR number looks like, and the note that what is not part of one was left out.
import { defineMessages } from '../define.js';

export const cvr = defineMessages({
  'cvr.invalid': '{field} must be 8 digits, such as 29 19 09 25, that pass the modulus-11 check of CVR numbers. Check the number on cvr.dk.',
  'cvr.tidied': '{flag}: the CVR number was taken as its 8 digits (spaces, dots, dashes and DK left out).',
}, {
  'cvr.invalid': '{field} skal være 8 cifre, fx 29 19 09 25, der består CVR-numrenes modulus 11-kontrol. Tjek nummeret på cvr.dk.',
  'cvr.tidied': '{flag}: CVR-nummeret er taget som dets 8 cifre (mellemrum, punktummer, bindestreger og DK er udeladt).',
});
