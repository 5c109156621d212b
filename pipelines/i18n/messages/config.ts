/** The message catalogue's part for: Configuration. */
export const CONFIG = {
  'config.builtin': { da: '(de indbyggede standardværdier)', en: '(the built-in defaults)' },
  'config.invalidFile': {
    da: 'Konfigurationsfilen {file} er ikke gyldig:\n{problems}',
    en: 'The configuration file {file} is not valid:\n{problems}',
  },
  'config.invalid': {
    da: 'Konfigurationen er ikke gyldig:\n{problems}',
    en: 'The configuration is not valid:\n{problems}',
  },
  'config.topLevel': { da: '(øverste niveau)', en: '(top level)' },
  'config.unknownKpi': {
    da: 'der er ingen KPI med dette id. Kendte id’er: {known}.',
    en: 'there is no KPI with this id. Known ids: {known}.',
  },
  'config.idTaken': {
    da: '"{id}" er allerede brugt; hver KPI og indsats skal have sit eget id',
    en: '"{id}" is already taken; every KPI and initiative needs its own id',
  },
  'config.notOpenCode': {
    da: 'ikke en åben kodekolonne; kendte værdier kan føjes til {open}',
    en: 'not an open code column; known values can be added to {open}',
  },
  'config.unreadable': {
    da: 'Kan ikke læse konfigurationsfilen {file}: {code}',
    en: 'Cannot read the configuration file {file}: {code}',
  },
  'config.notJson': {
    da: 'Konfigurationsfilen {file} er ikke gyldig JSON: linje {line}, kolonne {column}: {reason}\n{excerpt}',
    en: 'The configuration file {file} is not valid JSON: line {line}, column {column}: {reason}\n{excerpt}',
  },
  'json.end': {
    da: 'filen slutter, før JSON er afsluttet (mangler der en } eller ]?).',
    en: 'the file ends before the JSON does (is a } or ] missing?).',
  },
  'json.propertyName': {
    da: 'her skulle et navn i anførselstegn stå; står der et komma for meget før en }, eller mangler anførselstegnene om navnet?',
    en: 'a name in double quotes should be here; is there one comma too many before a }, or are the quotes around the name missing?',
  },
  'json.commaOrBrace': {
    da: 'her mangler et komma mellem to felter, eller en }.',
    en: 'a comma between two fields, or a }, is missing here.',
  },
  'json.commaOrBracket': {
    da: 'her mangler et komma mellem to elementer, eller en ].',
    en: 'a comma between two elements, or a ], is missing here.',
  },
  'json.control': {
    da: 'et linjeskift eller en tabulator står inde i en tekst; skriv \\n eller \\t.',
    en: 'a line break or tab is inside a text; write \\n or \\t.',
  },
  'json.after': {
    da: 'der står mere efter den sidste }; JSON-filen må kun have ét objekt.',
    en: 'there is more after the last }; the JSON file may hold only one object.',
  },
  'json.token': {
    da: 'tegnet "{token}" kan ikke stå her (JSON kræver anførselstegn om navne og tekster, og kender ikke kommentarer).',
    en: 'the character "{token}" cannot be here (JSON needs double quotes around names and texts, and has no comments).',
  },
  'json.other': { da: 'ugyldig JSON her.', en: 'invalid JSON here.' },
  'config.unknownKey': { da: 'ukendt nøgle.', en: 'unknown key.' },
  'config.allowedKeys': { da: ' Tilladte nøgler her: {keys}.', en: ' Keys allowed here: {keys}.' },
  'config.notAllowed': {
    da: '{value} er ikke tilladt; tilladte værdier: {allowed}.',
    en: '{value} is not allowed; allowed values: {allowed}.',
  },
  'config.unknownMunicipality': {
    da: '{code} er ikke en af de 98 kommunekoder.',
    en: '{code} is not one of the 98 kommunekoder.',
  },
  'config.nameMismatch': {
    da: 'kommunekode {code} er {expected}, men navnet er "{name}". Ret koden eller navnet.',
    en: 'kommunekode {code} is {expected}, but the name is "{name}". Fix the code or the name.',
  },
  'config.sqlFileUnreadable': { da: 'kan ikke læse {path} ({code})', en: 'cannot read {path} ({code})' },
  'config.notebooksMissing': {
    da: 'mappen {path} findes ikke; angiv mappen med kommunens egne notebooks, i forhold til konfigurationsfilen',
    en: "the folder {path} does not exist; give the folder of the municipality's own notebooks, relative to the configuration file",
  },
  'config.initiativeColumns': {
    da: 'forespørgslen skal returnere kolonnerne {missing}; den returnerer {names}',
    en: 'the query must return the columns {missing}; it returns {names}',
  },
  'config.initiativeSql': {
    da: 'SQL’en kan ikke køre. DuckDB siger: {message}',
    en: 'the SQL does not run. DuckDB says: {message}',
  },
  'config.kommunekode': { da: 'en kommunekode på 3 cifre, fx 360', en: 'a 3-digit kommunekode such as 360' },
  'config.period': {
    da: 'en periode som 2020, 2027-H2 eller 2027-05, eller "first"',
    en: 'a period such as 2020, 2027-H2 or 2027-05, or "first"',
  },
  'config.initiativeId': {
    da: 'små bogstaver, cifre og _ (fx botilbud_udslusning)',
    en: 'lower-case letters, digits and _ (e.g. botilbud_udslusning)',
  },
  'config.sqlOrFile': {
    da: 'angiv præcis én af sql (forespørgslen) eller sqlFile (en .sql-fil)',
    en: 'give exactly one of sql (the query) or sqlFile (a .sql file)',
  },
  'config.halfYear': { da: 'et halvår som 2027-H2', en: 'a half-year such as 2027-H2' },
  'config.date': { da: 'en dato skrevet ÅÅÅÅ-MM-DD', en: 'a date written YYYY-MM-DD' },
  'config.grantShares': {
    da: 'rate 1 og resultatkravene udbetaler {sum} af tilskuddet; de skal give 1 tilsammen',
    en: 'rate 1 and the requirements pay out {sum} of the grant; they must add up to 1',
  },
  'config.measurementsOrder': {
    da: 'den sidste måling ligger før den første',
    en: 'the last measurement is before the first',
  },
  'config.expectedShares': {
    da: 'business casen mangler den forventede andel for {years}; hvert år med en måling skal have en, for prisen beregnes ud fra dem',
    en: 'the business case has no expected share for {years}; every year with a measurement needs one, as the prices are computed from them',
  },
  'config.insidePeriod': {
    da: 'skal ligge inden for projektperioden',
    en: 'must lie inside the project period',
  },
  'config.ownName': {
    da: 'små bogstaver, cifre og _, begyndende med et bogstav (fx sprogskole_fravaer)',
    en: 'lower-case letters, digits and _, starting with a letter (e.g. sprogskole_fravaer)',
  },
  'config.ownCodeValues': {
    da: 'en kolonne af typen code skal have sine tilladte værdier i values',
    en: 'a column of type code needs its allowed values in values',
  },
  'config.ownValuesOnlyCode': {
    da: 'values gælder kun kolonner af typen code',
    en: 'values applies only to columns of type code',
  },
  'config.ownBoundOnlyNumber': {
    da: 'min og max gælder kun kolonner af typen integer og decimal',
    en: 'min and max apply only to columns of type integer and decimal',
  },
  'config.ownMinMax': { da: 'max er mindre end min', en: 'max is less than min' },
  'config.ownNoColumns': {
    da: 'udtrækket skal have mindst én kolonne',
    en: 'the extract needs at least one column',
  },
  'config.ownKeyUnknown': {
    da: 'kolonnen {column} er ikke erklæret under columns; de erklærede er {columns}',
    en: 'the column {column} is not declared under columns; those declared are {columns}',
  },
  'config.ownReservedColumn': {
    da: 'navnet er forbeholdt lageret (person_id, birth_date, v_… og cpr_…); vælg et andet',
    en: 'the name is reserved by the warehouse (person_id, birth_date, v_… and cpr_…); choose another',
  },
  'config.ownOneCpr': {
    da: 'et udtræk kan have én kolonne af typen cpr',
    en: 'an extract can have one column of type cpr',
  },
  'config.ownMunicipality': {
    da: 'kolonnen municipality er kommunekoden og skal have typen text',
    en: 'the municipality column is the kommunekode and must have type text',
  },
  'config.ownNameClash': {
    da: '"{name}" er allerede et indbygget udtræk eller en tabel i lageret ({builtin}); vælg et andet navn',
    en: '"{name}" is already a built-in extract or a warehouse table ({builtin}); choose another name',
  },
  'config.unknownExtract': {
    da: 'der er intet udtræk "{name}". Indbyggede: {builtin}. Egne (under extracts): {own}',
    en: 'there is no extract "{name}". Built-in: {builtin}. Own (under extracts): {own}',
  },
  'config.unknownTheme': {
    da: 'temaet "{theme}" står ikke under themes: {themes}',
    en: 'the theme "{theme}" is not listed under themes: {themes}',
  },
  'config.ownCheckSql': {
    da: 'tjekkets SQL kan ikke køre på en række af udtrækket. DuckDB siger: {message}',
    en: "the check's SQL does not run over a row of the extract. DuckDB says: {message}",
  },
  'config.unknownContractKind': {
    da: 'der er ingen kontraktart "{kind}". Kendte arter: {known}.',
    en: 'there is no contract kind "{kind}". Known kinds: {known}.',
  },
  'config.none': { da: '(ingen)', en: '(none)' },
  'config.contractId': { da: 'små bogstaver, cifre og _', en: 'lower-case letters, digits and _' },
  'config.restrictedGroup': {
    da: 'restrictedGroup: der er ingen gruppe "{group}" på denne maskine. Angiv en eksisterende gruppes navn eller nummer (se /etc/group), eller udelad restrictedGroup, så restricted/ kun er ejerens.',
    en: 'restrictedGroup: there is no group "{group}" on this machine. Give an existing group\'s name or number (see /etc/group), or leave restrictedGroup out to keep restricted/ the owner\'s only.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
