// Writing the plan into a consultation file: only `invited` changes, comments stay; and a plan
// applied and audited again leaves no hearing-omission or hearing-rotation finding.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setInvitedText } from '../../src/hearing/invited-edit.js';
import { planConsultation } from '../../src/hearing/plan.js';
import { HEARING_RULES } from '../../src/hearing/rule-list.js';
import { readFolder } from '../../src/io/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { makeFolder } from '../helpers/folder.js';
import { hearingFiles, type ConsultationSpec } from './fixture.js';

describe('setInvitedText', () => {
  const head = '# yaml-language-server: $schema=../../schemas/consultation.schema.json\n# Skrevet i hånden.\nid: k\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-02-01\ndeadline: 2026-03-15\nselection: limited\nseats: 2\n';

  it('replaces a block list, keeping the comments of the items that stay and of those that go', () => {
    const text = `${head}invited:\n  - anna # ringet op\n  # bo har bedt om at komme med\n  - bo\n  - cy\nstatus: planned # endnu ikke sendt\n`;
    expect(setInvitedText(text, ['anna', 'dan'])).toBe(
      `${head}invited:\n  - anna # ringet op\n  - dan\n  # bo har bedt om at komme med\nstatus: planned # endnu ikke sendt\n`,
    );
  });

  it('keeps a short flow list a flow list, and nothing else changes', () => {
    const text = `${head}invited: [anna, bo]\nresponses: []\nstatus: planned\n`;
    expect(setInvitedText(text, ['cy', 'anna'])).toBe(`${head}invited: [cy, anna]\nresponses: []\nstatus: planned\n`);
  });

  it('adds invited after seats when the file has none, leaving folded text as it was', () => {
    const text = `${head}deadline_reason: >-\n  En lang begrundelse, der er foldet\n  over to linjer.\nstatus: planned\n`;
    const out = setInvitedText(text.replace('seats: 2\n', 'seats: 2\n# pladserne\n'), ['anna']);
    expect(out).toBe(`${head}invited:\n  - anna\n# pladserne\ndeadline_reason: >-\n  En lang begrundelse, der er foldet\n  over to linjer.\nstatus: planned\n`);
  });

  it('keeps Windows line endings', () => {
    const text = `${head}invited:\n  - anna\nstatus: planned\n`.replace(/\n/g, '\r\n');
    expect(setInvitedText(text, ['bo'])).toBe(`${head}invited:\n  - bo\nstatus: planned\n`.replace(/\n/g, '\r\n'));
  });

  it('keeps items at the key\'s column when the file wrote them so', () => {
    const text = `${head}invited:\n- anna\nstatus: planned\n`;
    expect(setInvitedText(text, ['anna', 'bo'])).toBe(`${head}invited:\n- anna\n- bo\nstatus: planned\n`);
  });

  it('refuses a file that is not a clean mapping', () => {
    expect(setInvitedText('- a\n- b\n', ['x'])).toBeUndefined();
    expect(setInvitedText('id: k\nid: k\n', ['x'])).toBeUndefined();
  });
});

describe('apply, then audit', () => {
  // History: two limited consultations that seated anna and bo, passing over cy each time; the
  // planned workshop seats them again (hearing-rotation), and the planned hearing forgets bo, cy
  // and dan (hearing-omission).
  const parties = { anna: { since: '2015-01-01' }, bo: { since: '2016-01-01' }, cy: { since: '2017-01-01' }, dan: { since: '2018-01-01' } };
  const seat = (opens: string): ConsultationSpec => ({ opens, seats: 2, invited: ['anna', 'bo'], status: 'closed' });
  const consultations: Record<string, ConsultationSpec> = {
    h1: seat('2025-01-10'),
    h2: seat('2025-06-10'),
    workshop: { opens: '2026-02-01', seats: 2, invited: ['anna', 'bo'] },
    hearing: { opens: '2026-02-01', invited: ['anna'] },
  };
  const dir = makeFolder(hearingFiles(parties, consultations));
  const audit = () => {
    const { folder } = checkFolder(readFolder(dir));
    return ['workshop', 'hearing'].flatMap((id) => HEARING_RULES.flatMap((r) => r.checkConsultation(folder, folder.records.consultation.get(id)!, '2026-01-15')).map((f) => `${id} ${f.rule}`));
  };

  it('finds omission and rotation before, and neither after applying the plans', () => {
    expect(audit()).toEqual(['workshop hearing-rotation', 'hearing hearing-omission']);
    const { folder } = checkFolder(readFolder(dir));
    for (const id of ['workshop', 'hearing']) {
      const plan = planConsultation(folder, folder.records.consultation.get(id)!);
      const path = join(dir, 'consultations', `${id}.yaml`);
      writeFileSync(path, setInvitedText(readFileSync(path, 'utf8'), plan.proposal)!);
    }
    // Waited: cy and dan never seated (cy listed longer); two seats → cy, dan.
    const { folder: after, problems } = checkFolder(readFolder(dir));
    expect(problems).toEqual([]);
    expect(after.records.consultation.get('workshop')!.invited).toEqual(['cy', 'dan']);
    expect(after.records.consultation.get('hearing')!.invited).toEqual(['anna', 'bo', 'cy', 'dan']);
    expect(audit()).toEqual([]);
  });
});
