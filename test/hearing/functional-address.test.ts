// consultation list-parties --include-contacts prints an address only when it is functional: every
// word of its local part is a function or role word (civsam's list, plus the region's own in
// civsam.yaml's policy.functional_address_words). Whether an address names a person cannot be told
// from it (initials and a birth year, a contact whose name is not recorded), so nothing else is printed.
import { describe, expect, it } from 'vitest';
import { functionalAddress } from '../../src/hearing/contacts.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { consultationFile, partyFile } from './fixture.js';

describe('functionalAddress', () => {
  it.each([
    ['Mette Kjær', 'info@x.dk', true],
    ['Rasmus Brandt', 'formand@x.dk', true],
    [undefined, 'post@x.dk', true],
    [undefined, 'sekretariat@x.dk', true],
    ['Anja Riis', 'kontakt.hoering@x.dk', true],
    [undefined, 'Kasserer@x.dk', true],
    [undefined, 'forperson@x.dk', true],
    [undefined, 'radgivning@x.dk', true],
    [undefined, 'raadgivning@x.dk', true],
    [undefined, 'sekretaer@x.dk', true],
    ['Mette Kaae', 'mk1961@webmail.example', false], // initials and a birth year
    [undefined, 'hansen.bo@webmail.example', false], // no contact name recorded
    [undefined, 'info2@x.dk', false], // not a word
    [undefined, 'info.jens@x.dk', false],
    ['Kim Berg', 'kim@x.dk', false],
    [undefined, '@x.dk', false],
    [undefined, 'info@', true],
  ])('%s <%s>: functional %s', (name, email, functional) => {
    expect(functionalAddress({ name, email } as never) === email).toBe(functional);
  });

  it('takes the region\'s own words, with or without Danish letters', async () => {
    expect(functionalAddress({ email: 'hoeringssvar@x.dk' } as never)).toBeUndefined();
    expect(functionalAddress({ email: 'hoeringssvar@x.dk' } as never, ['høringssvar'])).toBe('hoeringssvar@x.dk');
    expect(functionalAddress({ email: 'horingssvar@x.dk' } as never, ['Høringssvar'])).toBe('horingssvar@x.dk');
  });
});

describe('consultation list-parties --include-contacts', () => {
  const contact = (email: string, name?: string) => `contact:\n${name ? `  name: ${name}\n` : ''}  email: ${email}\n`;
  const files = (policy: string) => ({
    ...baseFiles(),
    'civsam.yaml': `region:\n  name: Region Test\nlanguage: en\n${policy}`,
    'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674', contact('mk1961@webmail.example', 'Mette Kaae')),
    'organisations/beta.yaml': org('beta', 'Beta Forening', undefined, contact('hansen.bo@webmail.example')),
    'organisations/gamma.yaml': org('gamma', 'Gamma Forening', undefined, contact('kontakt@gamma.example')),
    'organisations/delta.yaml': org('delta', 'Delta Forening', undefined, contact('hoeringssvar@delta.example')),
    'hearing-parties/a.yaml': partyFile('a', { org: 'alpha', since: '2025-01-01' }),
    'hearing-parties/b.yaml': partyFile('b', { org: 'beta', since: '2025-01-01' }),
    'hearing-parties/c.yaml': partyFile('c', { org: 'gamma', since: '2025-01-01' }),
    'hearing-parties/d.yaml': partyFile('d', { org: 'delta', since: '2025-01-01' }),
    'consultations/k.yaml': consultationFile('k', { opens: '2026-03-01', invited: ['a', 'b', 'c', 'd'] }),
  });

  it('prints only functional addresses: not a private webmail address, not one without a contact name', async () => {
    const r = await civsam(['consultation', 'list-parties', 'k', '--include-contacts', '--format', 'csv', '--data', makeFolder(files(''))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('\uFEFFOrganisation,Contact address\r\nAlpha Forening,(no functional address)\r\nBeta Forening,(no functional address)\r\nDelta Forening,(no functional address)\r\nGamma Forening,kontakt@gamma.example\r\n');
    expect(r.stderr).toBe('Contact addresses left out because they are not known functional addresses (they may name a person): 3. Ask the organisation for a functional address such as info@ or kontakt@.\n');
  });

  it('takes the words of policy.functional_address_words', async () => {
    const r = await civsam(['consultation', 'list-parties', 'k', '--include-contacts', '--format', 'csv', '--data', makeFolder(files('policy:\n  functional_address_words: [høringssvar]\n'))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Delta Forening,hoeringssvar@delta.example\r\n');
    expect(r.stdout).not.toContain('webmail');
  });

  it('refuses a policy word that is not one word', async () => {
    const r = await civsam(['validate', '--data', makeFolder(files('policy:\n  functional_address_words: [info.jens]\n'))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('civsam.yaml');
  });
});
