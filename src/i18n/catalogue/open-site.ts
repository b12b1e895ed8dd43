// Messages of the open site: the plain facts the site states about a consultation's hearing list,
// the audit publish runs first, the region's contact, the funding chart's labels, the høringsnotat
// and the open-data files. They name records by kind and id, and fields by their key; never a
// field's value.
import { defineMessages } from '../define.js';

export const openSite = defineMessages({
  'site.hearing.allInvited': '{count, plural, one {The one relevant organisation on the hearing list was invited} other {All # relevant organisations on the hearing list were invited}}',
  'site.hearing.someInvited': '{invited} of {eligible, plural, one {# relevant organisation} other {# relevant organisations}} on the hearing list {invited, plural, one {was} other {were}} invited',
  'site.hearing.notInvited': '{count, plural, one {# was not invited} other {# were not invited}}',
  'site.hearing.omittedWithReason': '{count, plural, one {# was left out with a recorded reason} other {# were left out with a recorded reason}}',
  'site.hearing.noneRelevant': 'No organisation on the hearing list was relevant to it',
  'site.hearing.seats': '{seats, plural, one {# seat} other {# seats}} among {eligible, plural, one {# relevant organisation} other {# relevant organisations}} on the hearing list; {invited} {invited, plural, one {was} other {were}} invited',
  'site.hearing.invitedOutside': '{count, plural, one {# more party outside that list was invited} other {# more parties outside that list were invited}}',
  'publish.audit.summary': 'Audit before publishing: {findings, plural, one {# finding} other {# findings}} ({errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}) as of {date}. The site states the facts as they are; see them with civsam audit --as-of {date}.',
  'publish.audit.clean': 'Audit before publishing: no findings as of {date}.',
  'publish.audit.refused': 'not published: the audit found {errors, plural, one {# error} other {# errors}} as of {date}, and --require-clean was given. See them with civsam audit --as-of {date}, put them right, and publish again (or publish without --require-clean).',
  'opt.publishRequireClean': 'refuse to publish (exit 2) when the audit finds an error',
}, {
  'site.hearing.allInvited': '{count, plural, one {Den ene relevante organisation på høringslisten blev inviteret} other {Alle # relevante organisationer på høringslisten blev inviteret}}',
  'site.hearing.someInvited': '{invited} af {eligible, plural, one {# relevant organisation} other {# relevante organisationer}} på høringslisten blev inviteret',
  'site.hearing.notInvited': '{count} blev ikke inviteret',
  'site.hearing.omittedWithReason': '{count} blev udeladt med en begrundelse',
  'site.hearing.noneRelevant': 'Ingen organisation på høringslisten var relevant for høringen',
  'site.hearing.seats': '{seats, plural, one {# plads} other {# pladser}} til {eligible, plural, one {# relevant organisation} other {# relevante organisationer}} på høringslisten; {invited} blev inviteret',
  'site.hearing.invitedOutside': '{count, plural, one {# yderligere part uden for listen} other {# yderligere parter uden for listen}} blev også inviteret',
  'publish.audit.summary': 'Revision før udgivelsen: {findings} fund ({errors} fejl, {warnings, plural, one {# advarsel} other {# advarsler}}) pr. {date}. Siden oplyser tingene, som de er; se fundene med civsam audit --as-of {date}.',
  'publish.audit.clean': 'Revision før udgivelsen: ingen fund pr. {date}.',
  'publish.audit.refused': 'ikke udgivet: revisionen fandt {errors} fejl pr. {date}, og --require-clean var angivet. Se dem med civsam audit --as-of {date}, ret dem, og udgiv igen (eller udgiv uden --require-clean).',
  'opt.publishRequireClean': 'nægt at udgive (slutkode 2), når revisionen finder en fejl',
});
