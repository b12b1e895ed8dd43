// Messages of reports on a folder with errors: what was left out, said first on stderr. They count
// files and records and name kinds and ids; never a field's value.
import { defineMessages } from '../define.js';

export const validPart = defineMessages({
  'validPart.leftOut': '{files, plural, one {# file with errors is} other {# files with errors are}} left out; civsam validate lists {files, plural, one {it} other {them}}.',
  'validPart.dependents': '{count, plural, one {# record whose organisation or pool is left out is} other {# records whose organisation or pool is left out are}} left out too.',
  'validPart.showDependent': 'the {kind} {id} belongs to an organisation or pool whose file has errors, so it is left out of reports until that file is put right. civsam validate lists the files with errors.',
}, {
  'validPart.leftOut': '{files, plural, one {# fil med fejl er udeladt} other {# filer med fejl er udeladt}}; civsam validate viser {files, plural, one {den} other {dem}}.',
  'validPart.dependents': '{count, plural, one {# post, hvis organisation eller pulje er udeladt, er også udeladt} other {# poster, hvis organisation eller pulje er udeladt, er også udeladt}}.',
  'validPart.showDependent': '{kind} {id} hører til en organisation eller pulje, hvis fil har fejl, og er derfor udeladt af rapporterne, indtil den fil er rettet. civsam validate viser filerne med fejl.',
});
