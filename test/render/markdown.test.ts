// Markdown output (`--format md`, pasted into case documents) shows a record's text as text: no
// HTML, no links, nothing that ends a table cell early; civsam's own <br> for line breaks.
import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown } from '../../src/output/table.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { hearingFiles } from '../hearing/fixture.js';

const HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) a|b `c` & d';
const SHOWN = '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) a\\|b \\`c\\` & d';

describe('markdownText', () => {
  it('escapes HTML and the characters that end a cell, start code or form a link', async () => {
    expect(markdownText(HOSTILE)).toBe(SHOWN);
    expect(markdownText('[x][1] <javascript:alert(1)> back\\slash')).toBe('\\[x\\]\\[1\\] &lt;javascript:alert(1)&gt; back\\\\slash');
    expect(markdownText('line one\nline two\r\nthree')).toBe('line one<br>line two<br>three');
    // `~~Midt~~` would show struck through; a `~` inside a word or an address's `/~user` is left.
    expect(markdownText('~~Midt~~ og ~Vest~')).toBe('\\~\\~Midt\\~\\~ og \\~Vest\\~');
    expect(markdownText('a~b https://example.dk/~forening')).toBe('a~b https://example.dk/~forening');
    expect(markdownText('Ærø Forening, https://ex.dk/a_b')).toBe('Ærø Forening, https://ex.dk/a_b');
    // Emphasis is text too: * always escaped, _ where it could open or close emphasis (not inside a word or an address).
    expect(markdownText('Sind *Aarhus* _Midt_ **fed** snake_case https://ex.dk/a_b_c æ_ø')).toBe('Sind \\*Aarhus\\* \\_Midt\\_ \\*\\*fed\\*\\* snake_case https://ex.dk/a_b_c æ_ø');
    // An & is text in Markdown, as written; only where a viewer would read a character reference is it escaped.
    expect(markdownText('Sind & Sjæl, A&B, R&D-midler &')).toBe('Sind & Sjæl, A&B, R&D-midler &');
    expect(markdownText('&amp; &#38; &#x26; &copy; &lt;')).toBe('&amp;amp; &amp;#38; &amp;#x26; &amp;copy; &amp;lt;');
  });
});

describe('renderMarkdown', () => {
  it('escapes cells, headers, titles, headings and notes alike', async () => {
    const md = renderMarkdown([{ title: 'T <b>', columns: [{ header: 'H|1' }, { header: 'Beløb', align: 'right' }], rows: [[HOSTILE, { text: '<i>', tone: 'bad' }]], notes: ['n <u>\nline 2'] }], 'da', '# <h1>');
    expect(md).toBe([
      '# # &lt;h1&gt;', '',
      '## T &lt;b&gt;', '',
      '| H\\|1 | Beløb |',
      '| --- | ---: |',
      `| ${SHOWN} | **&lt;i&gt;** |`,
      '', 'n &lt;u&gt;', 'line 2', '', '',
    ].join('\n'));
  });
});

describe('org list --format md', () => {
  it('prints a hostile name as text', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', JSON.stringify(HOSTILE), '12345674') });
    const r = await civsam(['org', 'list', '--format', 'md', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`| alpha | ${SHOWN} |`);
    expect(r.stdout).not.toMatch(/<script|<img|(?<!\\)\]\(javascript/);
  });
});

describe('a heading of several lines', () => {
  it('keeps its first line as the title and each line after it as a paragraph of its own', () => {
    expect(renderMarkdown([], 'da', 'Titel\nUdvælgelse: 2 pladser.\nHistorik: ingen.')).toBe('# Titel\n\nUdvælgelse: 2 pladser.\n\nHistorik: ingen.\n\n');
  });

  it('consultation plan --format md: the selection, history and rotation history are separate paragraphs', async () => {
    const dir = makeFolder(hearingFiles({ pa: { since: '2015-01-01' } }, { a1: { opens: '2025-01-10', invited: ['pa'], status: 'closed' } }));
    const r = await civsam(['consultation', 'plan', '--area', 'psykiatri', '--seats', '1', '--opens', '2026-06-01', '--as-of', '2026-05-01', '--format', 'md', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n| ')[0]).toBe([
      '# Høringsplan for en ny høring', '',
      'Udvælgelse: 1 plads. Åbner 1. jun. 2026.', '',
      'Historik: den seneste tidligere høring med overlappende emne: »Høring a1«.', '',
      'Rotationshistorik (begrænsede pladser): ingen, så pladserne går først til dem, der har ventet længst på en invitation til de seneste høringer om emnet.', '',
    ].join('\n'));
  });
});
