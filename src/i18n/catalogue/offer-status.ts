// An offer's status in `offer list`: within its dates but its organisation not active, so the
// overviews do not count it as active and neither does `--status active`.
import { defineMessages } from '../define.js';

export const offerStatus = defineMessages({
  'value.organisation-inactive': 'organisation inactive',
  'list.offersOrganisationInactive': 'Not listed: {count, plural, one {# offer} other {# offers}} within {count, plural, one {its} other {their}} dates whose organisation is not active; the overviews do not count {count, plural, one {it} other {them}} as active either. Without --status {count, plural, one {it is} other {they are}} listed as "{label}".',
}, {
  'value.organisation-inactive': 'organisation inaktiv',
  'list.offersOrganisationInactive': 'Ikke vist: {count, plural, one {# tilbud} other {# tilbud}} inden for {count, plural, one {sine} other {deres}} datoer, hvis organisation ikke er aktiv; oversigterne tæller {count, plural, one {det heller ikke som aktivt} other {dem heller ikke som aktive}}. Uden --status vises {count, plural, one {det} other {de}} som »{label}«.',
});
