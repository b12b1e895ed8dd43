// Each hearing rule: a positive case with its exact JSON finding, and the near misses that must not fire.
import { describe, expect, it } from 'vitest';
import { rule as omission } from '../../src/audit/rules/hearing-omission.js';
import { rule as outOfScope } from '../../src/audit/rules/hearing-out-of-scope.js';
import { rule as shortDeadline } from '../../src/audit/rules/hearing-short-deadline.js';
import { rule as rotation } from '../../src/audit/rules/hearing-rotation.js';
import { rule as seats } from '../../src/audit/rules/hearing-seats.js';
import { rule as notOpened } from '../../src/audit/rules/hearing-not-opened.js';
import { translate } from '../../src/i18n/index.js';
import type { HearingRule } from '../../src/audit/hearing-rules.js';
import { org } from '../helpers/folder.js';
import { asJson, hearingFiles, load, type ConsultationSpec, type PartySpec } from './fixture.js';

// The standing list. The consultation below concerns psychiatry / depression and opens 2026-02-01.
// Eligible: anna (depression) and cy (the broad group above depression). Not eligible: bo (anxiety, a
// sibling group), dan (health), late (joined after it opened), gone (withdrawn), sleepy (its
// organisation is inactive).
const PARTIES: Record<string, PartySpec> = {
  anna: { since: '2020-01-01' },
  bo: { groups: ['angst'], since: '2019-01-01' },
  cy: { groups: ['psykisk-sygdom'], since: '2021-01-01' },
  dan: { areas: ['health'], groups: ['diabetes'], since: '2018-01-01' },
  late: { since: '2026-03-01' },
  gone: { since: '2017-01-01', status: 'withdrawn' },
  sleepy: { since: '2016-01-01' },
};
const INACTIVE = { 'organisations/org-sleepy.yaml': org('org-sleepy', 'Sovende Forening').replace('status: active', 'status: inactive') };

function judge(rule: HearingRule, consultations: Record<string, ConsultationSpec>, id = 'k') {
  const folder = load(hearingFiles(PARTIES, consultations, INACTIVE));
  return asJson(rule.checkConsultation(folder, folder.records.consultation.get(id)!, '2026-01-15'));
}

const K: ConsultationSpec = { opens: '2026-02-01', deadline: '2026-03-15' };

describe('hearing-omission', () => {
  it('reports an eligible party neither invited nor omitted, the parties in related', () => {
    expect(judge(omission, { k: { ...K, invited: ['anna'] } })).toEqual([{
      rule: 'hearing-omission', severity: 'error', principle: 'fair-hearing',
      subject: { kind: 'consultation', id: 'k' },
      related: [{ kind: 'hearing-party', id: 'cy' }],
      message: 'eligible parties neither invited nor listed as left out with a reason: Forening cy.',
    }]);
  });
  it('near miss: the party left out is listed under omitted with a reason', () => {
    expect(judge(omission, { k: { ...K, invited: ['anna'], omitted: [['cy', 'Har bedt om ikke at blive hørt i år.']] } })).toEqual([]);
  });
  it('near miss: a party that joined the list after the consultation opened is not left out', () => {
    // late shares the patient group, but joined on 2026-03-01; the others are out of scope too.
    expect(judge(omission, { k: { ...K, invited: ['anna', 'cy'] } })).toEqual([]);
  });
  it('does not apply to a limited consultation', () => {
    expect(judge(omission, { k: { ...K, seats: 1, invited: ['anna'] } })).toEqual([]);
  });
  it('a consultation with no patient groups concerns every group of its areas', () => {
    const found = judge(omission, { k: { ...K, groups: [], invited: ['anna'] } });
    expect(found.map((f) => f.related)).toEqual([[{ kind: 'hearing-party', id: 'bo' }, { kind: 'hearing-party', id: 'cy' }]]);
  });
});

describe('hearing-out-of-scope', () => {
  it('reports each invited party that is not eligible, with why', () => {
    expect(judge(outOfScope, { k: { ...K, invited: ['anna', 'cy', 'late', 'gone', 'bo', 'sleepy', 'dan'] } })).toEqual([
      ...[
        ['late', 'Forening late', 'it joined the hearing list after the consultation opened'],
        ['gone', 'Forening gone', 'it has withdrawn from the hearing list'],
        ['bo', 'Forening bo', 'it shares no patient group with the consultation'],
        ['sleepy', 'Sovende Forening', 'its organisation is inactive'],
        ['dan', 'Forening dan', 'it shares no area with the consultation; it shares no patient group with the consultation'],
      ].map(([id, name, why]) => ({
        rule: 'hearing-out-of-scope', severity: 'warning', principle: 'fair-hearing',
        subject: { kind: 'consultation', id: 'k' },
        related: [{ kind: 'hearing-party', id }],
        // The party by its organisation's name, as a person reads it; its id is in related.
        message: `the hearing party ${name} is invited but not eligible: ${why}.`,
      })),
    ]);
  });
  it('near miss: a party heard on the broad group above the consultation\'s group is in scope', () => {
    expect(judge(outOfScope, { k: { ...K, invited: ['anna', 'cy'] } })).toEqual([]);
  });
  it('near miss: a party that joined on the day the consultation opens is in scope', () => {
    expect(judge(outOfScope, { k: { ...K, opens: '2026-03-01', deadline: '2026-04-15', invited: ['late'] } })).toEqual([]);
  });
});

describe('hearing-short-deadline', () => {
  it('reports fewer calendar days than hearing_min_days with no reason', () => {
    expect(judge(shortDeadline, { k: { ...K, deadline: '2026-02-28' } })).toEqual([{
      rule: 'hearing-short-deadline', severity: 'warning', principle: 'fair-hearing',
      subject: { kind: 'consultation', id: 'k' }, related: [],
      message: 'the deadline is 27 days after the consultation opens, fewer than the 28 days the policy asks for, and no reason for the deadline is given.',
    }]);
  });
  it('near miss: exactly 28 days', () => {
    expect(judge(shortDeadline, { k: { ...K, deadline: '2026-03-01' } })).toEqual([]);
  });
  it('near miss: a shorter deadline with a reason', () => {
    expect(judge(shortDeadline, { k: { ...K, deadline: '2026-02-15', deadlineReason: 'Ministeriets frist.' } })).toEqual([]);
  });
  it('follows the policy: hearing_min_days 14 accepts 27 days', () => {
    const files = hearingFiles(PARTIES, { k: { ...K, deadline: '2026-02-28' } }, INACTIVE);
    files['civsam.yaml'] += 'policy:\n  hearing_min_days: 14\n';
    const folder = load(files);
    expect(shortDeadline.checkConsultation(folder, folder.records.consultation.get('k')!, '2026-01-15')).toEqual([]);
  });
});

describe('hearing-not-opened', () => {
  const at = (consultation: ConsultationSpec, asOf: string, lang: 'en' | 'da' = 'en') => {
    const folder = load(hearingFiles(PARTIES, { k: consultation }, INACTIVE));
    return notOpened.checkConsultation(folder, folder.records.consultation.get('k')!, asOf).map((f) => translate(lang, f.message.key, f.message.params));
  };
  it('reports a consultation still planned the day after its opening day, in both languages', () => {
    expect(judge(notOpened, { k: { ...K, opens: '2026-01-14' } })).toEqual([{
      rule: 'hearing-not-opened', severity: 'warning', principle: 'fair-hearing',
      subject: { kind: 'consultation', id: 'k' }, related: [],
      message: 'was to open on 14 Jan 2026, but is still planned, so it has not been sent to the parties.',
    }]);
    expect(at({ ...K, opens: '2026-01-14' }, '2026-01-15', 'da')).toEqual(['skulle have åbnet 14. jan. 2026, men er stadig planlagt, så den er ikke sendt ud til parterne.']);
  });
  it('near miss: on its opening day, or opened', () => {
    expect(at({ ...K, opens: '2026-01-15' }, '2026-01-15')).toEqual([]);
    expect(at({ ...K, opens: '2026-01-14', status: 'open' }, '2026-01-15')).toEqual([]);
  });
});

describe('hearing-seats', () => {
  const L: ConsultationSpec = { ...K, seats: 2 };
  it('reports more invited than seats', () => {
    expect(judge(seats, { k: { ...L, seats: 1, invited: ['anna', 'cy'] } })).toEqual([{
      rule: 'hearing-seats', severity: 'error', principle: 'fair-hearing',
      subject: { kind: 'consultation', id: 'k' }, related: [],
      message: '2 parties are invited to 1 seats.',
    }]);
  });
  it('reports empty seats while eligible parties wait, naming them', () => {
    expect(judge(seats, { k: { ...L, invited: ['anna'] } })).toEqual([{
      rule: 'hearing-seats', severity: 'error', principle: 'fair-hearing',
      subject: { kind: 'consultation', id: 'k' }, related: [{ kind: 'hearing-party', id: 'cy' }],
      message: 'only 1 of 2 seats are filled while 1 more eligible parties could take one.',
    }]);
  });
  it('near miss: every seat filled', () => {
    expect(judge(seats, { k: { ...L, invited: ['anna', 'cy'] } })).toEqual([]);
  });
  it('near miss: a seat empty, but the only other eligible party is left out with a reason', () => {
    expect(judge(seats, { k: { ...L, invited: ['anna'], omitted: [['cy', 'Inhabil i sagen.']] } })).toEqual([]);
  });
});

describe('hearing-rotation', () => {
  // Two earlier limited consultations of the same scope, one seat each, and the one being judged.
  const seat = (opens: string, invited: string[]): ConsultationSpec => ({ opens, seats: 1, invited, status: 'closed' });
  it('reports a party passed over every time while an invited party had every seat', () => {
    expect(judge(rotation, { h1: seat('2025-03-01', ['anna']), h2: seat('2025-09-01', ['anna']), k: { ...K, seats: 1, invited: ['anna'] } })).toEqual([{
      rule: 'hearing-rotation', severity: 'warning', principle: 'fair-hearing',
      subject: { kind: 'consultation', id: 'k' },
      related: [{ kind: 'hearing-party', id: 'cy' }, { kind: 'hearing-party', id: 'anna' }, { kind: 'consultation', id: 'h1' }, { kind: 'consultation', id: 'h2' }],
      message: 'passed over in all 2 earlier limited consultations of overlapping scope: Forening cy; seated in every one of them: Forening anna.',
    }]);
  });
  it('near miss: a limited consultation where the rotation was fair', () => {
    expect(judge(rotation, { h1: seat('2025-03-01', ['anna']), h2: seat('2025-09-01', ['cy']), k: { ...K, seats: 1, invited: ['anna'] } })).toEqual([]);
  });
  it('near miss: one earlier consultation is no history to judge', () => {
    expect(judge(rotation, { h2: seat('2025-09-01', ['anna']), k: { ...K, seats: 1, invited: ['anna'] } })).toEqual([]);
  });
  it('near miss: a party not yet on the list in an earlier consultation was not passed over in it', () => {
    // cy joined on 2025-06-01, after h1 opened: it was passed over once, not every time.
    const parties = { ...PARTIES, cy: { ...PARTIES.cy, since: '2025-06-01' } };
    const folder = load(hearingFiles(parties, { h1: seat('2025-03-01', ['anna']), h2: seat('2025-09-01', ['anna']), k: { ...K, seats: 1, invited: ['anna'] } }, INACTIVE));
    expect(rotation.checkConsultation(folder, folder.records.consultation.get('k')!, '2026-01-15')).toEqual([]);
  });
  it('near miss: earlier consultations of another scope are not its history', () => {
    const other = (opens: string): ConsultationSpec => ({ ...seat(opens, ['anna']), groups: ['angst'] });
    expect(judge(rotation, { h1: other('2025-03-01'), h2: other('2025-09-01'), k: { ...K, seats: 1, invited: ['anna'] } })).toEqual([]);
  });
});

describe('the hearing rules in civsam audit', () => {
  it('judge planned and open consultations, not closed ones', () => {
    const folder = load(hearingFiles(PARTIES, {
      planned: { ...K, invited: ['anna'] },
      open: { ...K, invited: ['anna'], status: 'open' },
      closed: { ...K, invited: ['anna'], status: 'closed' },
    }, INACTIVE));
    expect(omission.check({ folder, asOf: '2026-01-15' }).map((f) => f.subject.id)).toEqual(['open', 'planned']);
  });
});
