// Messages of the public site's long lists split over several pages: the index page's links to
// the parts and each part's place among them. Counts and record names only, never a field's value
// beyond the names and dates the lists already show.
import { defineMessages } from '../define.js';

export const siteParts = defineMessages({
  'site.parts.range': '{first} to {last}',
  'site.parts.lead': 'The list has {count, plural, one {# entry} other {# entries}}. {parts, plural, one {It stands on a page of its own:} other {It is split over # pages so that each opens quickly:}}',
  'site.parts.entries': '{count, plural, one {# entry} other {# entries}}',
  'site.parts.navLabel': 'Parts of the list',
  'site.parts.position': 'Part {n} of {total}.',
  'site.parts.backTo': 'Back to {page}',
  'site.parts.previous': 'Previous part',
  'site.parts.next': 'Next part',
  'site.parts.title': '{title}: {part}',
  'site.parts.pools': 'The pools, page by page',
  'site.parts.organisations': 'The organisations, page by page',
  'site.parts.groupRange': '{group}, offers {from} to {to}',
  'site.parts.offersLead': 'Each patient group\'s offers are on a page of their own. Choose a patient group:',
}, {
  'site.parts.range': '{first} til {last}',
  'site.parts.lead': 'Listen har {count, plural, one {# post} other {# poster}}. {parts, plural, one {Den står på en side for sig:} other {Den er delt over # sider, så hver side åbner hurtigt:}}',
  'site.parts.entries': '{count, plural, one {# post} other {# poster}}',
  'site.parts.navLabel': 'Listens dele',
  'site.parts.position': 'Del {n} af {total}.',
  'site.parts.backTo': 'Tilbage til {page}',
  'site.parts.previous': 'Forrige del',
  'site.parts.next': 'Næste del',
  'site.parts.title': '{title}: {part}',
  'site.parts.pools': 'Puljerne side for side',
  'site.parts.organisations': 'Organisationerne side for side',
  'site.parts.groupRange': '{group}, tilbud {from} til {to}',
  'site.parts.offersLead': 'Hver patientgruppes tilbud står på deres egen side. Vælg en patientgruppe:',
});
