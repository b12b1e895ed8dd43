// What `civsam init` says to do next, and the commit it writes: civsam finds the folder from where the
// user stands, so the next step is to go into it, not to name it with --data on every command.
import { defineMessages } from '../define.js';

export const initSteps = defineMessages({
  'init.nextHere': 'Next: register the first organisation: civsam org add --name "…" --kind patient-association --areas psychiatry --scope regional',
  'init.nextCd': 'Next: go into the folder (cd {dir}); civsam finds it from there. Then register the first organisation: civsam org add --name "…" --kind patient-association --areas psychiatry --scope regional',
  'init.nextHereSample': 'Next: look at the sample register: civsam audit, civsam overview offers, or civsam publish --output ../site',
  'init.nextCdSample': 'Next: go into the folder (cd {dir}); civsam finds it from there. Then look at the sample register: civsam audit, civsam overview offers, or civsam publish --output ../site',
  'commit.init': 'civsam init: new data folder',
  'commit.initSample': 'civsam init: new data folder with sample data',
}, {
  'init.nextHere': 'Næste skridt: registrér den første organisation: civsam org add --name "…" --kind patientforening --areas psykiatri --scope regional',
  'init.nextCd': 'Næste skridt: gå ind i mappen (cd {dir}); civsam finder den derfra. Registrér så den første organisation: civsam org add --name "…" --kind patientforening --areas psykiatri --scope regional',
  'init.nextHereSample': 'Næste skridt: se på eksempelregistret: civsam audit, civsam overview offers eller civsam publish --output ../site',
  'init.nextCdSample': 'Næste skridt: gå ind i mappen (cd {dir}); civsam finder den derfra. Se så på eksempelregistret: civsam audit, civsam overview offers eller civsam publish --output ../site',
  'commit.init': 'civsam init: ny datamappe',
  'commit.initSample': 'civsam init: ny datamappe med eksempeldata',
});
