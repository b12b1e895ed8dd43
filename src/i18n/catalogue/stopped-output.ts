// What a Ctrl-C (or SIGTERM) does while civsam writes many files outside the data folder: a
// published site, call letters, a new data folder. No message ever holds a field's value.
import { defineMessages } from '../define.js';

export const stoppedOutput = defineMessages({
  'publish.stopped': 'stopped at your request before any page was put in place; the temporary files were removed and the site in {dir} is as it was. Publish again when you are ready.',
  'publish.stoppedFirst': 'stopped at your request before any page was put in place; nothing was published, and {dir} is as it was (the temporary files were removed). Publish again when you are ready.',
  'publish.stoppedNew': 'stopped at your request before any page was put in place; nothing was published, and {dir} was not made: nothing is left of it. Publish again when you are ready.',
  'publish.finishedAfterStop': 'Asked to stop: the pages were already going into place, so the site was finished first.',
  'letter.stopped': 'stopped at your request; {count, plural, one {# letter was} other {# letters were}} written to {dir} (each whole), the others were not. Run the same command again to write them all.',
  'init.stopped': 'stopped at your request; {dir} was not made and nothing is left of it. Run civsam init again when you are ready.',
  'init.finishedAfterStop': 'Asked to stop: the data folder {dir} was already in place, so it was finished first. It is ready to use.',
  'init.finishedAfterStopRecorded': 'Asked to stop: the data folder {dir} was already in place, so it was finished first, with its first files recorded in its history. It is ready to use.',
  'init.stoppedInEmpty': 'stopped at your request; nothing was put in {dir}, and it is as it was. Run civsam init again when you are ready.',
  'init.stoppedBeforeStart': 'stopped at your request before the data folder was made; nothing was made or changed. Run civsam init again when you are ready.',
  'init.finishedBeforeStop': 'Asked to stop: the data folder was already made, so it was finished first. It is complete and ready to use.',
  'init.finishedBeforeStopRecorded': 'Asked to stop: the data folder was already made, so it was finished first, with its first files recorded in its history. It is complete and ready to use.',
}, {
  'publish.stopped': 'stoppet efter dit ønske, før nogen side blev lagt på plads; de midlertidige filer er fjernet, og webstedet i {dir} er som før. Udgiv igen, når du er klar.',
  'publish.stoppedFirst': 'stoppet efter dit ønske, før nogen side blev lagt på plads; intet er udgivet, og {dir} er som før (de midlertidige filer er fjernet). Udgiv igen, når du er klar.',
  'publish.stoppedNew': 'stoppet efter dit ønske, før nogen side blev lagt på plads; intet er udgivet, og {dir} blev ikke oprettet: intet er efterladt. Udgiv igen, når du er klar.',
  'publish.finishedAfterStop': 'Bedt om at stoppe: siderne var allerede ved at blive lagt på plads, så webstedet blev gjort færdigt først.',
  'letter.stopped': 'stoppet efter dit ønske; {count, plural, one {# brev} other {# breve}} blev skrevet til {dir} (hvert helt), de øvrige ikke. Kør den samme kommando igen for at skrive dem alle.',
  'init.stopped': 'stoppet efter dit ønske; {dir} blev ikke oprettet, og intet er efterladt. Kør civsam init igen, når du er klar.',
  'init.finishedAfterStop': 'Bedt om at stoppe: datamappen {dir} var allerede lagt på plads, så den blev gjort færdig først. Den er klar til brug.',
  'init.finishedAfterStopRecorded': 'Bedt om at stoppe: datamappen {dir} var allerede lagt på plads, så den blev gjort færdig først, med de første filer registreret i historikken. Den er klar til brug.',
  'init.stoppedInEmpty': 'stoppet efter dit ønske; intet blev lagt i {dir}, og mappen er som før. Kør civsam init igen, når du er klar.',
  'init.stoppedBeforeStart': 'stoppet efter dit ønske, før datamappen blev oprettet; intet er oprettet eller ændret. Kør civsam init igen, når du er klar.',
  'init.finishedBeforeStop': 'Bedt om at stoppe: datamappen var allerede oprettet, så den blev gjort færdig først. Den er hel og klar til brug.',
  'init.finishedBeforeStopRecorded': 'Bedt om at stoppe: datamappen var allerede oprettet, så den blev gjort færdig først, med de første filer registreret i historikken. Den er hel og klar til brug.',
});
