// A table with no rows whose notes say why is shown as those notes: no empty frame with only its
// headers above a sentence that says there is nothing.
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';
import { renderMarkdown, writeTerminalTable, type Table } from '../../src/output/table.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const terminal = (t: Table): string => {
  let out = '';
  writeTerminalTable(t, 'da', 80, makeChalk(0), (s) => { out += s; });
  return out;
};

describe('an empty table', () => {
  const empty: Table = { title: 'Midler', columns: [{ header: 'År' }, { header: 'Beløb' }], rows: [], notes: ['Ingen bevilgede midler.'] };

  it('with a note: the title and the note, on a terminal and in Markdown', () => {
    expect(terminal(empty)).toBe('Midler\nIngen bevilgede midler.\n');
    expect(renderMarkdown([empty], 'da')).toBe('## Midler\n\nIngen bevilgede midler.\n\n');
  });

  it('without a note it is still drawn (its headers are all it has to say)', () => {
    expect(terminal({ ...empty, notes: undefined })).toContain('│ År │ Beløb │');
  });

  it('org show of an organisation without funding says so in one sentence', async () => {
    const r = await civsam(['org', 'show', 'alpha', '--data', makeFolder(baseFiles())], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\nMidler\nIngen bevilgede midler (midler tæller, når aftalen er aktiv eller afsluttet,\neller når en ansøgning får en bevilling).\n')).toBe(true);
    expect(r.stdout).not.toContain('│ År');
  });
});
