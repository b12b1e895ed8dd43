// A preview of a change (--dry-run) shows the file's lines as civsam would write them; the values
// of personal data (a contact person's fields, an assessor's name) are left out of it unless
// --include-personal-data asks for them, as `history` leaves them out, and said so in its words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { committedFolder, person } from '../helpers/team.js';

const WITH_CONTACT = org('vest', 'Pårørende Vest', undefined, 'contact:\n  name: Hanne Jensen\n  email: hanne@vest.dk\n');
const NOTE = 'Værdier, der er personoplysninger (kontaktpersoner og bedømmere), er udeladt; --include-personal-data viser dem.';
const HIDDEN = '(personoplysninger; vises med --include-personal-data)';

function folder() {
  const made = committedFolder({ ...baseFiles(), 'organisations/vest.yaml': WITH_CONTACT });
  const run = (args: string[]) => civsam(['--data', made.dir, ...args], { env: { ...person('Test'), CIVSAM_LANG: 'da', COLUMNS: '100' } });
  return { ...made, run };
}

describe('a dry run leaves personal data out of its preview', () => {
  test('restore --to: the contact\'s lines, context or changed, without their values; the note in history\'s words', async () => {
    const f = folder();
    expect((await f.run(['org', 'edit', 'vest', '--notes', 'Mødes i Aarhus'])).code).toBe(0);
    const dry = await f.run(['org', 'restore', 'vest', '--to', '1', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).not.toMatch(/Hanne|hanne@/);
    expect(dry.stdout).toContain(`   name: ${HIDDEN}\n   email: ${HIDDEN}\n`);
    expect(dry.stderr).toContain(`${NOTE}\nPrøvekørsel: 1 fil ville blive ændret; intet er skrevet.\n`);
    const shown = await f.run(['org', 'restore', 'vest', '--to', '1', '--dry-run', '--include-personal-data']);
    expect(shown.stdout).toContain('   name: Hanne Jensen\n   email: hanne@vest.dk\n');
    expect(shown.stderr).not.toContain(NOTE);
  });

  test('add --from-file: the new contact\'s values left out; a preview without personal data says nothing of it', async () => {
    const f = folder();
    writeFileSync(join(f.dir, 'ny.yaml'), 'id: doeve\nname: Døveforeningen\nkind: patient-association\nareas: [health]\nscope: regional\nstatus: active\ncontact:\n  name: Jens Jensen\n  email: jens@doeve.dk\n');
    const dry = await f.run(['org', 'add', '--from-file', join(f.dir, 'ny.yaml'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).not.toMatch(/Jens|jens@/);
    expect(dry.stdout).toContain(`+contact:\n+  name: ${HIDDEN}\n+  email: ${HIDDEN}\n`);
    expect(dry.stderr).toContain(NOTE);
    const plain = await f.run(['org', 'edit', 'alpha', '--notes', 'Mødes i Aarhus', '--dry-run']);
    expect(plain.stdout).toContain('+notes: Mødes i Aarhus\n');
    expect(plain.stderr).not.toContain(NOTE);
  });
});
