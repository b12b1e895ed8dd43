// `offer list --status active` counts what the overviews count: an offer within its dates whose
// organisation is not active is not active (domain/reach.ts offerActive). Before, the list counted
// it (64 on the sample where the overviews said 63). It now has a status of its own, and the list
// says on stderr how many it left out for that reason.
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const offer = (id: string, organisation: string, extra = '') => `id: ${id}\norganisation: ${organisation}\ntitle: Gruppe ${id}\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2020-01-01\n${extra}`;

// Today (whenever the test runs): o-running is active; o-stopped's organisation (gamma) is
// inactive; o-ended ended in 2020; o-later's organisation (delta) becomes inactive only in 2099, so it is active.
const folder = () => makeFolder({
  ...baseFiles(),
  'organisations/gamma.yaml': org('gamma', 'Gamma Forening').replace('status: active', 'status: inactive'),
  'organisations/delta.yaml': org('delta', 'Delta Forening').replace('status: active', 'status: inactive\ninactive_since: 2099-01-01'),
  'offers/o-running.yaml': offer('o-running', 'alpha'),
  'offers/o-stopped.yaml': offer('o-stopped', 'gamma'),
  'offers/o-ended.yaml': offer('o-ended', 'alpha', 'active_until: 2020-12-31\n'),
  'offers/o-later.yaml': offer('o-later', 'delta'),
});
const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ id: string }>).map((o) => o.id);

describe('offer list --status', () => {
  test('active: the offers the overviews count, and a note on the one left out for its organisation', async () => {
    const dir = folder();
    const r = await civsam(['--data', dir, 'offer', 'list', '--status', 'active', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.stdout)).toEqual(['o-later', 'o-running']);
    expect(r.stderr).toBe('Not listed: 1 offer within its dates whose organisation is not active; the overviews do not count it as active either. Without --status it is listed as "organisation inactive".\n');
    const overview = await civsam(['--data', dir, 'overview', 'offers']);
    expect(overview.stdout).toMatch(/Active offers: 2\b/);
  });

  test('the offer of an inactive organisation has a status of its own, in the table, in CSV and as a filter', async () => {
    const dir = folder();
    const csv = await civsam(['--data', dir, 'offer', 'list', '--format', 'csv']);
    expect(csv.stdout).toContain('o-stopped,Gruppe o-stopped,Gamma Forening,Peer group,2020-01-01,,organisation inactive\r\n');
    expect(csv.stdout).toContain('o-running,Gruppe o-running,Alpha Forening,Peer group,2020-01-01,,active\r\n');
    const only = await civsam(['--data', dir, 'offer', 'list', '--status', 'organisation-inactive', '--format', 'json']);
    expect(ids(only.stdout)).toEqual(['o-stopped']);
    expect(only.stderr).toBe('');
    const da = await civsam(['--data', dir, '--lang', 'da', 'offer', 'list', '--status', 'organisation inaktiv'], { env: { COLUMNS: '120' } });
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout).toContain('1 tilbud\n');
    expect(da.stdout).toContain('organisation inaktiv');
  });
});
