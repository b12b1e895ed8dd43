// A plan applied and audited again leaves no hearing-omission or hearing-rotation finding (the
// file is rewritten here with the proposal; test/cli/hearing.test.ts runs the real --apply).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planConsultation } from '../../src/hearing/plan.js';
import { HEARING_RULES } from '../../src/audit/hearing-rule-list.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { makeFolder } from '../helpers/folder.js';
import { consultationFile, hearingFiles, type ConsultationSpec } from './fixture.js';

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
      writeFileSync(join(dir, 'consultations', `${id}.yaml`), consultationFile(id, { ...consultations[id], invited: plan.proposal }));
    }
    // Waited: cy and dan never seated (cy listed longer); two seats → cy, dan.
    const { folder: after, problems } = checkFolder(readFolder(dir));
    expect(problems).toEqual([]);
    expect(after.records.consultation.get('workshop')!.invited).toEqual(['cy', 'dan']);
    expect(after.records.consultation.get('hearing')!.invited).toEqual(['anna', 'bo', 'cy', 'dan']);
    expect(audit()).toEqual([]);
  });
});
