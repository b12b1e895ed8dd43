// A fixed value that means something of its own in one field is shown by that field's label: an
// application's outcome `partly` is partly granted, a hearing point's disposition `partly` is partly
// accommodated (before, both said "delvist bevilget", the label that happened to be defined last).
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { valueLabel } from '../../src/i18n/values.js';

describe('a value labelled by its field', () => {
  it('partly: granted in part for an application, accommodated in part for a hearing point, in both languages', () => {
    expect(valueLabel('da', 'partly', 'outcome')).toBe('delvist bevilget');
    expect(valueLabel('da', 'partly', 'disposition')).toBe('delvis imødekommet');
    expect(valueLabel('en', 'partly', 'disposition')).toBe('partly accommodated');
    expect(valueLabel('en', 'partly')).toBe('partly granted');
    // A value with no label of its own for the field keeps its one label.
    expect(valueLabel('da', 'psychiatry', 'areas')).toBe('psykiatri');
  });

  it('consultation show says a point partly accommodated, application show an outcome partly granted', async () => {
    const consultation = await civsam(['--lang', 'da', '--data', 'data', 'consultation', 'show', '2025-psykiatriplan-civilsamfund'], { env: { COLUMNS: '200' } });
    expect(consultation.code).toBe(0);
    expect(consultation.stdout).toContain('stillingtagen: delvis imødekommet');
    expect(consultation.stdout).not.toContain('bevilget');
    const application = await civsam(['--lang', 'da', '--data', 'data', 'application', 'show', '2025-civilsamfundspuljen-lungeklubben-herning'], { env: { COLUMNS: '200' } });
    expect(application.stdout).toMatch(/udfald\s+│ delvist bevilget/);
  });
});

describe('the same in help, the options and spreadsheets', () => {
  it('--disposition lists and takes a point\'s own labels; --decision says withdrawn as trukket tilbage; the export writes them', async () => {
    const help = await civsam(['--lang', 'da', 'consultation', 'note', '--help'], { env: { COLUMNS: '200' } });
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    expect(oneLine(help.stdout)).toContain('(en af: imødekommet, delvis imødekommet, ikke imødekommet)');
    expect(oneLine(help.stdout)).toContain('--disposition "delvis imødekommet"');
    expect(help.stdout).not.toContain('bevilget');
    const decide = await civsam(['--lang', 'da', 'application', 'decide', '--help'], { env: { COLUMNS: '200' } });
    expect(oneLine(decide.stdout)).toContain('(en af: bevilget, delvist bevilget, afslag, trukket tilbage)');
    const note = await civsam(['--lang', 'da', '--data', 'data', 'consultation', 'note', '2025-psykiatriplan-civilsamfund', '--party', 'spis-og-lev', '--index', '1', '--disposition', 'delvis imødekommet', '--dry-run']);
    // Taken as partly: the next thing asked for is the reason a point partly accommodated needs.
    expect(note.stderr).toContain('angiv begrundelsen med --reason');
    const sheet = await civsam(['--lang', 'da', '--data', 'data', 'export', 'consultations']);
    expect(sheet.stdout).toContain('stillingtagen=delvis imødekommet');
    expect(sheet.stdout).not.toContain('stillingtagen=delvist bevilget');
  });
});
