// Messages of the write path's batches (an import, any change of several files): what is already
// written when a change stops part-way, a change too large for its file, and what a Ctrl-C does
// while civsam writes. No message ever holds a field's value.
import { defineMessages } from '../define.js';

export const writeBatch = defineMessages({
  'write.batchConflict': '{file} was changed by someone else while civsam was writing; {written} of the change\'s {total} files were already written and the others were left as they were (every file is whole, old or new). Check the folder with civsam validate (and git status), then run the command again.',
  'write.batchLockLost': 'this civsam was held up so long that another process took over the folder\'s lock; {written} of the change\'s {total} files were already written, the others (from {file} on) were not (every file is whole, old or new). Check the folder with civsam validate (and git status), then run the command again.',
  'write.partialMany': 'Already written before the problem: {count} files.',
  'write.tooLarge': '{file} would become {size} KiB, more than the {limit} civsam reads in one file; nothing was written. Shorten the text, or keep the long part (earlier evaluations, long notes) in a document elsewhere and refer to it.',
  'write.stopped': 'stopped at your request before anything was written; the data folder is as it was.',
  'write.stoppedPart': 'stopped at your request with {written} of the change\'s {total} files written; the others were left as they were (every file is whole, old or new) and nothing was committed to git. Run the same command again to finish the job (civsam validate and git status show where the folder stands).',
  'write.finishing': 'Asked to stop: civsam is finishing the change it has begun to put in place ({written} of {total} files so far), so that the folder is not left with half of it. Press Ctrl-C again to stop at once.',
  'write.finished': 'Asked to stop: the change was finished first, so every one of its files is written.',
  'write.finishedCommitted': 'Asked to stop: the change was finished and recorded in the history first.',
  'write.leftFinished': 'A change that was stopped while its files went into place (the computer or civsam was stopped) is finished first: {count, plural, one {# more file was} other {# more files were}} put in place. It is not in the history yet: see it with git status.',
  'write.leftFinishedCommitted': 'A change that was stopped while its files went into place (the computer or civsam was stopped) is finished first: {count, plural, one {# more file was} other {# more files were}} put in place, and the change is committed to git as it would have been.',
}, {
  'write.batchConflict': '{file} blev ændret af en anden, mens civsam skrev; {written} af ændringens {total} filer var allerede skrevet, og de øvrige er ikke rørt (hver fil er hel, gammel eller ny). Tjek mappen med civsam validate (og git status), og kør så kommandoen igen.',
  'write.batchLockLost': 'denne civsam blev holdt så længe op, at en anden proces overtog mappens lås; {written} af ændringens {total} filer var allerede skrevet, de øvrige (fra {file}) er ikke skrevet (hver fil er hel, gammel eller ny). Tjek mappen med civsam validate (og git status), og kør så kommandoen igen.',
  'write.partialMany': 'Allerede skrevet, før problemet opstod: {count} filer.',
  'write.tooLarge': '{file} ville fylde {size} KiB, mere end de {limit}, civsam kan læse i én fil; intet er skrevet. Gør teksten kortere, eller gem den lange del (tidligere evalueringer, lange noter) i et dokument et andet sted, og henvis til det.',
  'write.stopped': 'stoppet efter dit ønske, før noget blev skrevet; datamappen er som før.',
  'write.stoppedPart': 'stoppet efter dit ønske med {written} af ændringens {total} filer skrevet; de øvrige er ikke rørt (hver fil er hel, gammel eller ny), og intet er lagt i git. Kør den samme kommando igen for at gøre arbejdet færdigt (civsam validate og git status viser, hvor mappen står).',
  'write.finishing': 'Bedt om at stoppe: civsam gør den ændring færdig, som den er begyndt at lægge på plads ({written} af {total} filer indtil nu), så mappen ikke står med en halv ændring. Tryk Ctrl-C igen for at stoppe med det samme.',
  'write.finished': 'Bedt om at stoppe: ændringen blev gjort færdig først, så alle dens filer er skrevet.',
  'write.finishedCommitted': 'Bedt om at stoppe: ændringen blev gjort færdig og registreret i historikken først.',
  'write.leftFinished': 'En ændring, der blev afbrudt, mens dens filer blev lagt på plads (computeren eller civsam blev stoppet), er gjort færdig først: {count, plural, one {# fil mere} other {# filer mere}} er lagt på plads. Den er ikke registreret i historikken endnu; se den med git status.',
  'write.leftFinishedCommitted': 'En ændring, der blev afbrudt, mens dens filer blev lagt på plads (computeren eller civsam blev stoppet), er gjort færdig først: {count, plural, one {# fil mere} other {# filer mere}} er lagt på plads, og ændringen er registreret i historikken, som den skulle have været.',
});
