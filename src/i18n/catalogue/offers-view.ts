// The offers overview's own words for its first section (patient groups without an active offer)
// and for a patient group of several areas, listed once under its first area.
import { defineMessages } from '../define.js';

export const offersView = defineMessages({
  'offers.gaps.title': 'Patient groups without an active offer',
  'offers.col.areas': 'Areas',
  'offers.alsoUnder': '{label} (also under {areas})',
}, {
  'offers.gaps.title': 'Patientgrupper uden aktivt tilbud',
  'offers.col.areas': 'Områder',
  'offers.alsoUnder': '{label} (også under {areas})',
});
