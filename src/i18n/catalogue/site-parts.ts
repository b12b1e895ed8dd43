// Messages of the public site's long lists split over several pages: the index page's links to
// the parts and each part's place among them. Counts and record names only, never a field's value
// beyond the names and dates the lists already show.
import { defineMessages } from '../define.js';

export const siteParts = defineMessages({
  'site.parts.range': '{first} to {last}',
  'site.parts.lead': 'The list has {count, plural, one {# entry} other {# entries}}. It is split over several pages so that each opens quickly:',
  'site.parts.entries': '{count, plural, one {# entry} other {# entries}}',
  'site.parts.navLabel': 'Parts of the list',
  'site.parts.position': 'Part {n} of {total}.',
  'site.parts.backTo': 'Back to {page}',
  'site.parts.previous': 'Previous part',
  'site.parts.next': 'Next part',
  'site.parts.title': '{title}: {part}',
  'site.parts.pools': 'Pools on several pages',
  'site.parts.pastConsultations': 'Earlier consultations on several pages',
  'site.parts.hearingList': 'The hearing list on several pages',
  'site.parts.activeAgreements': 'Active agreements on several pages',
  'site.parts.endedAgreements': 'Ended agreements on several pages',
  'site.parts.organisations': 'Organisations on several pages',
  'site.parts.recentCalls': 'Calls closed within the last year on several pages',
  'site.parts.earlierCalls': 'Earlier calls on several pages',
  'site.parts.offersLead': 'Each patient group\'s offers are on a page of their own. Choose a patient group:',
}, {
  'site.parts.range': '{first} til {last}',
  'site.parts.lead': 'Listen har {count, plural, one {# post} other {# poster}}. Den er delt over flere sider, så hver side åbner hurtigt:',
  'site.parts.entries': '{count, plural, one {# post} other {# poster}}',
  'site.parts.navLabel': 'Listens dele',
  'site.parts.position': 'Del {n} af {total}.',
  'site.parts.backTo': 'Tilbage til {page}',
  'site.parts.previous': 'Forrige del',
  'site.parts.next': 'Næste del',
  'site.parts.title': '{title}: {part}',
  'site.parts.pools': 'Puljerne på flere sider',
  'site.parts.pastConsultations': 'Tidligere høringer på flere sider',
  'site.parts.hearingList': 'Høringslisten på flere sider',
  'site.parts.activeAgreements': 'Aktive aftaler på flere sider',
  'site.parts.endedAgreements': 'Ophørte aftaler på flere sider',
  'site.parts.organisations': 'Organisationerne på flere sider',
  'site.parts.recentCalls': 'Opslag med frist inden for det seneste år på flere sider',
  'site.parts.earlierCalls': 'Tidligere opslag på flere sider',
  'site.parts.offersLead': 'Hver patientgruppes tilbud står på deres egen side. Vælg en patientgruppe:',
});
