// Words for what a user would otherwise read as a code: what a YAML syntax problem means and how to
// mend it (the parser's own code means nothing to a case worker), the allowed values of a field with
// their meaning, and a missing field by its label and the key to write.
import { defineMessages } from '../define.js';

export const plainWords = defineMessages({
  'problem.yamlSyntax.BAD_INDENT': 'This line does not line up with the lines around it: lines at the same level must start in the same column, and each item of a list with "- ". Move the line so it lines up. If a line above opens a [, a { or a quote, check that it is closed.',
  'problem.yamlSyntax.colonInValue': 'The value on this line holds a colon followed by a space, so what comes after that colon is read as a field of its own. Put the whole value in quotes, from where it begins here to the end of the line, e.g. "Open house: Aarhus".',
  'problem.yamlSyntax.indentedBelow': 'The line below is indented further than this one, although this line already has its value. Indent the line below as this one; or, if it belongs under this field, leave nothing after this field\'s colon.',
  'problem.yamlSyntax.MISSING_CHAR': 'Something is missing here: the colon and space after a field name (field: value), a comma between the items in [ ], or a closing quote, ] or }. Add it.',
  'problem.yamlSyntax.UNEXPECTED_TOKEN': 'Something here is out of place, such as a ] or } with nothing to close, a stray comma, or text after a closing quote. Remove it, or put the whole value in quotes.',
  'problem.yamlSyntax.MULTILINE_IMPLICIT_KEY': 'The colon after a field name is missing, or a field name goes on over two lines. Write each field on one line as field: value; a value that goes on over several lines must be indented under its field.',
  'problem.yamlSyntax.BAD_SCALAR_START': 'A value cannot begin with this character (such as @, `, %, |, > or a comma) unless it is in quotes. Put the value in quotes.',
  'problem.yamlSyntax.BAD_DQ_ESCAPE': 'A backslash inside double quotes begins a code YAML does not know. Write two backslashes for one, or use single quotes around the value.',
  'problem.yamlSyntax.BLOCK_IN_FLOW': 'A list in [ ] or { } cannot go on as lines beginning with "- " or as indented fields. Write it all inside the brackets, or as lines without brackets.',
  'problem.yamlSyntax.KEY_OVER_1024_CHARS': 'A field name is longer than YAML allows, most likely because a long value holds a colon. Put the value in quotes.',
  'problem.schema.recordNotMapping': 'The file must hold one record: its fields, one on each line as field: value (not a list, not a single value).',
  'problem.schema.unknownFieldUnnamedTop': 'Unknown field here. Field names are letters, digits, _ and -; check the line against the schema.',
  'register.requiredFlag': 'The field {field} is missing. Give it with {flag}.',
  'plan.seatedAll': 'had a seat in {count, plural, one {the latest consultation} other {all the # latest consultations}} with limited seats',
  'import.value.required': 'the field {field} is empty. Fill it in (add a column for it if the sheet has none).',
  'opt.call.lettersOverwrite': 'replace letters changed since civsam wrote them (a person\'s edits in them are lost)',
  'letter.edited': 'No letter was written: {count, plural, one {a letter} other {# letters}} in {dir} {count, plural, one {was} other {were}} changed since civsam wrote {count, plural, one {it} other {them}}, or not written by civsam ({files}), and would be replaced. Move {count, plural, one {it} other {them}} elsewhere to keep the changes, or give --overwrite to replace {count, plural, one {it} other {them}}.',
  'problem.amountDecimal': 'An amount is written in whole kroner, without a point or comma: YAML reads a point as a decimal point, so 600.000 would count as 600 kroner. Write the amount as digits only, e.g. 600000.',
}, {
  'problem.yamlSyntax.BAD_INDENT': 'Linjen flugter ikke med linjerne omkring den: linjer på samme niveau skal begynde i samme kolonne, og hvert punkt i en liste med "- ". Ryk linjen, så den flugter. Åbner en linje ovenfor en [, en { eller et anførselstegn, så kontrollér, at det bliver lukket.',
  'problem.yamlSyntax.colonInValue': 'Værdien på denne linje har et kolon efterfulgt af mellemrum, så det, der kommer efter kolonet, læses som et felt for sig. Sæt hele værdien i anførselstegn, fra hvor den begynder her, til linjens slutning, fx "Åbent hus: Aarhus".',
  'problem.yamlSyntax.indentedBelow': 'Linjen nedenfor er rykket længere ind end denne, selv om denne linje allerede har sin værdi. Ryk linjen nedenfor ind som denne; eller lad der intet stå efter feltets kolon her, hvis linjen nedenfor hører ind under feltet.',
  'problem.yamlSyntax.MISSING_CHAR': 'Her mangler noget: kolon og mellemrum efter et feltnavn (felt: værdi), et komma mellem punkterne i [ ] eller et afsluttende anførselstegn, ] eller }. Tilføj det.',
  'problem.yamlSyntax.UNEXPECTED_TOKEN': 'Noget her står forkert, fx en ] eller } uden noget at lukke, et komma for meget eller tekst efter et afsluttende anførselstegn. Fjern det, eller sæt hele værdien i anførselstegn.',
  'problem.yamlSyntax.MULTILINE_IMPLICIT_KEY': 'Kolon efter et feltnavn mangler, eller et feltnavn fortsætter over to linjer. Skriv hvert felt på én linje som felt: værdi; en værdi over flere linjer skal rykkes ind under sit felt.',
  'problem.yamlSyntax.BAD_SCALAR_START': 'En værdi kan ikke begynde med dette tegn (fx @, `, %, |, > eller komma), medmindre den står i anførselstegn. Sæt værdien i anførselstegn.',
  'problem.yamlSyntax.BAD_DQ_ESCAPE': 'En omvendt skråstreg inde i dobbelte anførselstegn indleder en kode, som YAML ikke kender. Skriv to omvendte skråstreger for én, eller sæt enkelte anførselstegn om værdien.',
  'problem.yamlSyntax.BLOCK_IN_FLOW': 'En liste i [ ] eller { } kan ikke fortsætte som linjer, der begynder med "- ", eller som indrykkede felter. Skriv det hele inden for parenteserne, eller skriv det som linjer uden parenteser.',
  'problem.yamlSyntax.KEY_OVER_1024_CHARS': 'Et feltnavn er længere, end YAML tillader, sandsynligvis fordi en lang værdi indeholder et kolon. Sæt værdien i anførselstegn.',
  'problem.schema.recordNotMapping': 'Filen skal indeholde én post: dens felter, ét på hver linje som felt: værdi (ikke en liste og ikke en enkelt værdi).',
  'problem.schema.unknownFieldUnnamedTop': 'Ukendt felt her. Feltnavne består af bogstaver, cifre, _ og -; kontrollér linjen mod skemaet.',
  'register.requiredFlag': 'Feltet {field} mangler. Angiv det med {flag}.',
  'plan.seatedAll': 'havde plads i {count, plural, one {den seneste høring} other {alle de # seneste høringer}} med begrænsede pladser',
  'import.value.required': 'feltet {field} er tomt. Udfyld det (tilføj en kolonne til det, hvis arket ikke har en).',
  'opt.call.lettersOverwrite': 'erstat breve, der er ændret, siden civsam skrev dem (ændringer i dem går tabt)',
  'letter.edited': 'Der blev ikke skrevet nogen breve: {count, plural, one {et brev} other {# breve}} i {dir} er ændret, siden civsam skrev {count, plural, one {det} other {dem}}, eller er ikke skrevet af civsam ({files}), og ville blive erstattet. Flyt {count, plural, one {det} other {dem}} et andet sted hen for at beholde ændringerne, eller angiv --overwrite for at erstatte {count, plural, one {det} other {dem}}.',
  'problem.amountDecimal': 'Et beløb skrives i hele kroner uden punktum eller komma: YAML læser et punktum som decimaltegn, så 600.000 ville tælle som 600 kroner. Skriv beløbet med cifre alene, fx 600000.',
});
