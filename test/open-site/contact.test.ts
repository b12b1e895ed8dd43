// The region's functional contact and a call's or pool's own: validated as a unit's address (a
// warning when it looks like a person's, never quoting it), and shown on every page type.
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { messagesOf, problemsOf } from '../helpers/check.js';
import { baseFiles } from '../helpers/folder.js';
import { AS_OF, loadFiles, part, siteFiles, textOf } from '../publish/fixture.js';

const CONTACT = 'region:\n  name: Region Test\n  website: https://region.example\n  cvr: "29190925"\n  contact:\n    address: Testvej 1, 8000 Aarhus\n    email: EMAIL\n    phone: "+45 70 00 00 00"\nlanguage: da\n';
const settings = (email: string) => CONTACT.replace('EMAIL', email);

describe('validate: a published contact that looks personal', () => {
  it('warns at the e-mail of the region\'s contact, naming the field and never the address', () => {
    const files = { ...baseFiles(), 'civsam.yaml': settings('jens.hansen@region.example') };
    expect(problemsOf(files)).toEqual(['civsam.yaml:7:12 contact-personal']);
    const [en] = messagesOf(files);
    expect(en).toContain('the published contact e-mail (“region: contact: e-mail”) does not look like a functional address');
    expect(en).not.toContain('jens');
    const [da] = messagesOf(files, 'da');
    expect(da).toContain('den offentlige kontaktadresse (»region: kontakt: e-mail«) ligner ikke en funktionsadresse');
  });

  it('accepts a functional address, and one made functional by the region\'s own word (near misses)', () => {
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('kontakt@region.example') })).toEqual([]);
    // A pool's or a grant unit's address is a unit's too.
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('puljer@region.example') })).toEqual([]);
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('tilskud.ansoegning@region.example') })).toEqual([]);
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('puljer.jens@region.example') })).toEqual(['civsam.yaml:7:12 contact-personal']);
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('civilsamfund@region.example') })).toEqual(['civsam.yaml:7:12 contact-personal']);
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('civilsamfund@region.example') + 'policy:\n  functional_address_words: [civilsamfund]\n' })).toEqual([]);
  });

  it('warns at a call\'s or a pool\'s own contact, and checks the region\'s CVR number', () => {
    const files = {
      ...baseFiles(),
      'pools/p.yaml': 'id: p\nname: P\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets: []\ncontact:\n  email: mk1961@region.example\n',
      'calls/c.yaml': 'id: c\ntitle: C\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2026-02-01\nchannel: public\ncontact:\n  email: info@region.example\napply_url: https://region.example/apply\n',
    };
    expect(problemsOf(files)).toEqual(['pools/p.yaml:7:10 contact-personal']);
    expect(problemsOf({ ...baseFiles(), 'civsam.yaml': settings('kontakt@region.example').replace('29190925', '29190926') })).toEqual(['civsam.yaml:4:8 cvr-checksum']);
  });
});

describe('the site shows how to reach the region', () => {
  const files = { ...siteFiles(), 'civsam.yaml': settings('kontakt@region.example') };
  files['calls/c-open.yaml'] += 'apply_url: https://region.example/apply\n';
  const site = buildSite(loadFiles(files), { asOf: AS_OF, languages: ['en'] });

  it('in the footer of every page type, with the CVR number', () => {
    for (const [path, content] of site) {
      if (!path.endsWith('.html')) continue;
      expect(textOf(content), path).toContain('Contact Region Test: Testvej 1, 8000 Aarhus · kontakt@region.example · +45 70 00 00 00 · CVR number 29190925');
    }
    expect(site.get('index.html')).toContain('<a href="mailto:kontakt@region.example">kontakt@region.example</a> · <a href="tel:+4570000000">+45 70 00 00 00</a>');
  });

  it('on the model page where it asks associations to write, on an open call with how to apply, and on the consultations page', () => {
    expect(textOf(site.get('model.html')!)).toContain('Contact To join the hearing list or ask about a collaboration, write to or call the region: Testvej 1, 8000 Aarhus · kontakt@region.example · +45 70 00 00 00');
    const call = part(site.get('calls.html')!, 'call-c-open');
    expect(call).toContain('<dt>How to apply</dt><dd><a href="https://region.example/apply" rel="external">Apply here</a></dd>');
    expect(textOf(call)).toContain('Questions about the call Testvej 1, 8000 Aarhus · kontakt@region.example');
    // A closed call has no way to apply.
    expect(textOf(part(site.get('calls.html')!, 'call-c-recent'))).not.toContain('How to apply');
    expect(textOf(site.get('consultations.html')!)).toContain('Answers and questions: Testvej 1, 8000 Aarhus · kontakt@region.example');
  });

  it('says so when the region has given no contact', () => {
    const bare = buildSite(loadFiles(siteFiles()), { asOf: AS_OF, languages: ['da'] });
    expect(textOf(bare.get('index.html')!)).toContain('Regionen har endnu ikke angivet en kontaktadresse til siden.');
  });
});
