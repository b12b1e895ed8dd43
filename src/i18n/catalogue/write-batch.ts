// Messages of the write path's batches (an import, any change of several files): what is already
// written when a change stops part-way. No message ever holds a field's value.
import { defineMessages } from '../define.js';

export const writeBatch = defineMessages({
  'write.batchConflict': '{file} was changed by someone else while civsam was writing; {written} of the change\'s {total} files were already written and the others were left as they were (every file is whole, old or new). Check the folder with civsam validate (and git status), then run the command again.',
  'write.batchLockLost': 'this civsam was held up so long that another process took over the folder\'s lock; {written} of the change\'s {total} files were already written, the others (from {file} on) were not (every file is whole, old or new). Check the folder with civsam validate (and git status), then run the command again.',
  'write.partialMany': 'Already written before the problem: {count} files.',
}, {
  'write.batchConflict': '{file} blev ændret af en anden, mens civsam skrev; {written} af ændringens {total} filer var allerede skrevet, og de øvrige er ikke rørt (hver fil er hel, gammel eller ny). Tjek mappen med civsam validate (og git status), og kør så kommandoen igen.',
  'write.batchLockLost': 'denne civsam blev holdt så længe op, at en anden proces overtog mappens lås; {written} af ændringens {total} filer var allerede skrevet, de øvrige (fra {file}) er ikke skrevet (hver fil er hel, gammel eller ny). Tjek mappen med civsam validate (og git status), og kør så kommandoen igen.',
  'write.partialMany': 'Allerede skrevet, før problemet opstod: {count} filer.',
});
