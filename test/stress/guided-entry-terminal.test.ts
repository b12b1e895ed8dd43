// Guided entry on a real (pseudo-)terminal, in Danish: an organisation, an offer and an agreement
// registered by answering civsam's questions, one impossible date corrected on the way, and the
// folder then valid. Three civsam processes and some forty questions: with the stress suite.
// Needs the built binary (node scripts/build.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { KEY, onTerminal, type TerminalRun } from '../helpers/pty.js';

const DA = { CIVSAM_LANG: 'da' };
/** Types a filter, waits until the list shows `first` as the only or first match, and takes it. */
async function filterAndPick(run: TerminalRun, typed: string, first: string): Promise<void> {
  run.type(typed);
  await run.waitFor(`${typed}\n❯ ${first}`);
  run.type(KEY.enter);
}

const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;

describe('guided entry on a terminal, in Danish', () => {
  it('registers an organisation, an offer and an agreement from answers, and the folder validates', async () => {
    const dir = makeFolder(baseFiles());

    const org = onTerminal(['org', 'add', '--data', dir, '--no-commit'], { env: DA });
    await org.waitFor('Registrering af organisation');
    await org.waitFor('? Navn');
    org.type('Angstforeningen Skive\r');
    await org.waitFor('? Art (skriv for at filtrere)');
    await filterAndPick(org, 'pårør', 'pårørendeforening');
    await org.waitFor('? Områder (skriv for at filtrere)');
    await filterAndPick(org, 'psyk', '[ ] psykiatri');
    await org.waitFor('Færdig (1 valgt)');
    org.type(KEY.enter);
    await org.waitFor('? Rækkevidde');
    org.type(KEY.enter); // udvalgte kommuner
    await org.waitFor('? Kommuner (skriv for at filtrere)');
    await filterAndPick(org, 'skiv', '[ ] Skive');
    await org.waitFor('Færdig (1 valgt)');
    org.type(KEY.enter);
    await org.waitFor('? Vil du udfylde flere felter?');
    org.type(KEY.enter);
    const review = await org.waitFor('? Gem posten?');
    expect(review).toContain('Sådan gemmes posten:');
    expect(review).toMatch(/Art: +pårørendeforening/);
    expect(review).toMatch(/Områder: +psykiatri/);
    org.type(KEY.enter);
    const orgDone = await org.exit();
    expect(orgDone.code).toBe(0);
    expect(orgDone.output).toContain('angstforeningen-skive');
    expect(read(dir, 'organisations/angstforeningen-skive.yaml')).toMatchObject({
      id: 'angstforeningen-skive', name: 'Angstforeningen Skive', kind: 'relatives-association', areas: ['psychiatry'], municipalities: ['skive'], status: 'active',
    });

    const offer = onTerminal(['offer', 'add', '--data', dir, '--no-commit'], { env: DA });
    await offer.waitFor('? Organisation');
    offer.type(KEY.down + KEY.enter); // Alpha Forening, [Angstforeningen Skive]
    await offer.waitFor('? Titel');
    offer.type('Samtalegruppe for pårørende\r');
    await offer.waitFor('? Tilbudstype');
    offer.type(KEY.enter); // Samtalegruppe
    await offer.waitFor('? Patientgrupper (skriv for at filtrere)');
    await filterAndPick(offer, 'angst', '[ ]   Angst');
    await offer.waitFor('Færdig (1 valgt)');
    offer.type(KEY.enter);
    await offer.waitFor('? Aktivt fra (ÅÅÅÅ-MM-DD)');
    offer.type('2026-02-30\r');
    // The answer is refused with the message the flag gets, the question named by its label (no
    // flag was typed), and asked again.
    await offer.waitFor('Aktivt fra er skrevet som en dato, men den dag findes ikke i kalenderen');
    offer.type(KEY.backspace.repeat(10) + '2026-03-01\r');
    await offer.waitFor('? Rækkevidde');
    offer.type(KEY.down + KEY.enter); // regional
    await offer.waitFor('? Vil du udfylde flere felter?');
    offer.type(KEY.enter);
    await offer.waitFor('? Gem posten?');
    offer.type(KEY.enter);
    expect((await offer.exit()).code).toBe(0);
    expect(read(dir, 'offers/samtalegruppe-for-paaroerende.yaml')).toMatchObject({
      organisation: 'angstforeningen-skive', title: 'Samtalegruppe for pårørende', type: 'peer-group', patient_groups: ['angst'], active_from: '2026-03-01', scope: 'regional',
    });

    const agreement = onTerminal(['agreement', 'add', '--data', dir, '--no-commit'], { env: DA });
    await agreement.waitFor('? Titel');
    agreement.type('Samarbejde om angst\r');
    await agreement.waitFor('? Organisationer (skriv for at filtrere)');
    await filterAndPick(agreement, 'skive', '[ ] Angstforeningen Skive');
    await agreement.waitFor('Færdig (1 valgt)');
    agreement.type(KEY.enter);
    await agreement.waitFor('? Start (ÅÅÅÅ-MM-DD)');
    agreement.type('2027-01-01\r');
    await agreement.waitFor('? Rækkevidde');
    agreement.type(KEY.down + KEY.enter);
    await agreement.waitFor('? Vil du udfylde flere felter?');
    agreement.type(KEY.enter);
    await agreement.waitFor('? Gem posten?');
    agreement.type(KEY.enter);
    expect((await agreement.exit()).code).toBe(0);
    expect(read(dir, 'agreements/samarbejde-om-angst.yaml')).toMatchObject({
      title: 'Samarbejde om angst', organisations: ['angstforeningen-skive'], start: '2027-01-01', scope: 'regional', status: 'draft',
    });

    const validate = await civsam(['validate', '--data', dir], { env: DA });
    expect(validate.stderr + validate.stdout).toContain('Ingen problemer');
    expect(validate.code).toBe(0);
  }, 60_000);

});
