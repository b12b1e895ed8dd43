// Messages of reports on a folder with errors: what was left out, said first on stderr. They count
// files and records and name kinds and ids; never a field's value.
import { defineMessages } from '../define.js';

export const validPart = defineMessages({
  'validPart.leftOut': '{files, plural, one {# file with errors is} other {# files with errors are}} left out; civsam validate lists {files, plural, one {it} other {them}}.',
  'validPart.dependents': '{count, plural, one {# more record is left out because its organisation or pool is} other {# more records are left out because their organisation or pool is}}.',
  'validPart.noneShown': 'There are {none} to show: errors leave out {left}; civsam validate shows what to put right.',
  'validPart.notCounted': 'Errors leave out {left}, not counted here; civsam validate shows what to put right.',
  'validPart.showDependent': 'the {kind} {id} belongs to an organisation or pool whose file has errors, so it is left out of reports until that file is put right. civsam validate lists the files with errors.',
}, {
  'validPart.leftOut': '{files, plural, one {# fil med fejl er udeladt} other {# filer med fejl er udeladt}}; civsam validate viser {files, plural, one {den} other {dem}}.',
  'validPart.dependents': '{count, plural, one {# post mere er udeladt, fordi dens organisation eller pulje er det} other {# poster mere er udeladt, fordi deres organisation eller pulje er det}}.',
  'validPart.noneShown': 'Der er {none} at vise: {left} er udeladt på grund af fejl; civsam validate viser, hvad der skal rettes.',
  'validPart.notCounted': '{left} er udeladt på grund af fejl og er ikke talt med her; civsam validate viser, hvad der skal rettes.',
  'validPart.showDependent': '{kind} {id} hører til en organisation eller pulje, hvis fil har fejl, og er derfor udeladt af rapporterne, indtil den fil er rettet. civsam validate viser filerne med fejl.',
});
