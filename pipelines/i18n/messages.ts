/**
 * The message catalogue: every text an analyst, finance or the committee reads, in Danish and English.
 * `{name}` is a parameter. A test checks that every key has both languages with the same parameters.
 * Keys are grouped by where the text is read.
 */
export const MESSAGES = {
  // ── The command line ──────────────────────────────────────────────────────────────────────────────
  'cli.usage': { da: 'Brug: kpi <kommando> [tilvalg]', en: 'Usage: kpi <command> [options]' },
  'cli.commands': { da: 'Kommandoer:', en: 'Commands:' },
  'cli.options': { da: 'Tilvalg:', en: 'Options:' },
  'cli.environment': { da: 'Miljøvariabler:', en: 'Environment:' },
  'cli.exitCodes': { da: 'Exit-koder:', en: 'Exit codes:' },
  'cli.moreHelp': {
    da: 'Skriv kpi <kommando> --help for en kommandos tilvalg. Dokumentation: README.md og docs/.',
    en: "Type kpi <command> --help for a command's options. Documentation: README.md and docs/.",
  },
  'cli.cmd.run': {
    da: 'den natlige kørsel: indlæs, beregn KPI’er og kontrakter, offentliggør',
    en: 'the nightly job: ingest, compute KPIs and contracts, publish',
  },
  'cli.cmd.check': {
    da: 'tjek før kørslen: indlæs og kontrollér, sig hvad run ville holde tilbage; skriver intet',
    en: 'the pre-flight: ingest and validate, say what run would hold back; writes nothing',
  },
  'cli.cmd.demo': {
    da: 'skriv en syntetisk indbakke for en kommune på Lollands størrelse, og kør på den',
    en: 'write a synthetic inbox for a Lolland-sized municipality, then run on it',
  },
  'cli.cmd.report': {
    da: 'dan rapporterne igen ud fra den offentliggjorte kørsel',
    en: 'render the reports again from the published run',
  },
  'cli.cmd.explain': {
    da: 'hvor et tal kommer fra: definition, kilde, SQL, inputfiler, værdier',
    en: 'where a figure comes from: definition, source, SQL, input files, values',
  },
  'cli.cmd.schedule': {
    da: 'kør kpi run efter en cron-plan, aldrig to på én gang',
    en: 'run kpi run on a cron schedule, never two at once',
  },
  'cli.cmd.help': { da: 'vis denne hjælp, eller en kommandos', en: "show this help, or a command's" },
  'cli.opt.inbox': {
    da: 'indbakken: én mappe pr. udtræk (standard ./inbox; demo: ./demo-inbox)',
    en: 'the inbox: one folder per extract (default ./inbox; demo: ./demo-inbox)',
  },
  'cli.opt.out': {
    da: 'hvor resultaterne offentliggøres (standard ./output)',
    en: 'where outputs are published (default ./output)',
  },
  'cli.opt.asOf': {
    da: 'hvad der regnes som "nu" (standard i dag); senere perioder er ufuldstændige',
    en: 'what counts as "now" (default today); later periods are incomplete',
  },
  'cli.opt.select': {
    da: 'kommaseparerede KPI- og kontrakt-id’er, der beregnes igen; resten beholder de offentliggjorte tal',
    en: 'comma-separated KPI and contract ids to recompute; the rest keep their published values',
  },
  'cli.opt.allowPartial': {
    da: 'offentliggør beregnede tal, selv når en fil, de bygger på, blev afvist eller blev mindre (exit 0) i stedet for at holde dem tilbage (exit 3)',
    en: 'publish computed values even when an input they read was rejected or shrank (exit 0) instead of holding them back (exit 3)',
  },
  'cli.opt.config': {
    da: 'konfigurationsfil (JSON): kommune, KPI- og kontraktparametre; se docs/configuration.md',
    en: 'configuration file (JSON): municipality, KPI and contract parameters; see docs/configuration.md',
  },
  'cli.opt.lang': {
    da: 'sprog for det, brugere læser: da (standard) eller en; også KPI_LANG',
    en: 'language of what users read: da (default) or en; also KPI_LANG',
  },
  'cli.opt.quiet': { da: 'kun advarsler og fejl på stderr', en: 'only warnings and errors on stderr' },
  'cli.opt.verbose': {
    da: 'alle hændelser på stderr (også hver KPI og kontrakt)',
    en: 'every event on stderr (each KPI and contract too)',
  },
  'cli.opt.cron': {
    da: 'til schedule: minut time dag måned ugedag (et sekundfelt først er tilladt)',
    en: 'for schedule: minute hour day month weekday (an optional seconds field first)',
  },
  'cli.opt.pdf': {
    da: 'skriv også rapporterne som PDF (A4) med headless Chromium',
    en: 'also write the reports as PDF (A4) with headless Chromium',
  },
  'cli.opt.json': {
    da: 'log som JSON-linjer på stderr, også i en terminal',
    en: 'log JSON lines on stderr even on a terminal',
  },
  'cli.opt.help': { da: 'vis hjælpen', en: 'show the help' },
  'cli.env.key': {
    da: 'pseudonymiseringsnøglen (run og check kræver den)',
    en: 'the pseudonymisation key (run and check need it)',
  },
  'cli.env.lang': { da: 'sproget, som --lang', en: 'the language, as --lang' },
  'cli.exit.0': {
    da: 'offentliggjort (advarsler står i manifestet og på stderr)',
    en: 'published (warnings are in the manifest and on stderr)',
  },
  'cli.exit.1': {
    da: 'kørslen fejlede, og de tidligere resultater er urørte (check: en fil ville blive afvist, eller noget holdt tilbage)',
    en: 'the run failed, and the previous outputs are untouched (check: a file would be rejected whole, or something held back)',
  },
  'cli.exit.2': { da: 'fejl i brug eller konfiguration', en: 'usage or configuration error' },
  'cli.exit.3': {
    da: 'offentliggjort, men nogle KPI’er eller kontrakter blev holdt tilbage ved de forrige tal',
    en: 'published, but some KPIs or contracts were held back at their previous values',
  },
  'cli.unknownCommand': {
    da: 'Ukendt kommando "{command}".{hint} Skriv kpi help for kommandoerne.',
    en: 'Unknown command "{command}".{hint} Type kpi help for the commands.',
  },
  'cli.noCommand': {
    da: 'Der mangler en kommando. Skriv kpi help for kommandoerne.',
    en: 'A command is missing. Type kpi help for the commands.',
  },
  'cli.unknownOption': {
    da: 'Ukendt tilvalg {option}.{hint} Skriv kpi {command} --help for tilvalgene.',
    en: 'Unknown option {option}.{hint} Type kpi {command} --help for the options.',
  },
  'cli.didYouMean': { da: ' Mente du {suggestion}?', en: ' Did you mean {suggestion}?' },
  'cli.optionNotForCommand': {
    da: 'Tilvalget {option} bruges ikke af kpi {command}. Skriv kpi {command} --help for tilvalgene.',
    en: 'The option {option} is not used by kpi {command}. Type kpi {command} --help for the options.',
  },
  'cli.missingValue': {
    da: 'Tilvalget {option} mangler en værdi, fx {option} {example}.',
    en: 'The option {option} needs a value, e.g. {option} {example}.',
  },
  'cli.flagWithValue': {
    da: 'Tilvalget {option} tager ingen værdi.',
    en: 'The option {option} takes no value.',
  },
  'cli.positionalTwice': {
    da: '{value} og {option} {given} siger begge, hvad {option} skal være; giv det kun én gang.',
    en: '{value} and {option} {given} both say what {option} is; give it once.',
  },
  'cli.extraPositional': {
    da: 'kpi {command} tager ikke "{value}". Skriv kpi {command} --help for, hvordan den bruges.',
    en: 'kpi {command} does not take "{value}". Type kpi {command} --help for how to use it.',
  },
  'cli.badLang': {
    da: '{source} skal være da eller en, ikke "{value}".',
    en: '{source} must be da or en, not "{value}".',
  },
  'cli.badAsOf': {
    da: '--as-of skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, fx 2026-11-22; fik "{value}".',
    en: '--as-of must be a real date written YYYY-MM-DD, e.g. 2026-11-22; got "{value}".',
  },
  'cli.unknownSelect': {
    da: '--select: ukendt KPI- eller kontrakt-id {ids}. Kendte id’er: {known}',
    en: '--select: unknown KPI or contract id {ids}. Known ids: {known}',
  },
  'cli.explainUsage': {
    da: 'Brug: kpi explain <kpi-id> [--out DIR]. Kendte id’er: {known}',
    en: 'Usage: kpi explain <kpi-id> [--out DIR]. Known ids: {known}',
  },
  'cli.scheduleUsage': {
    da: 'Brug: kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR',
    en: 'Usage: kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR',
  },
  'cli.unexpected': { da: 'Uventet fejl: {message}', en: 'Unexpected error: {message}' },
  'cli.demoWriting': {
    da: 'Demo: skriver en syntetisk indbakke for en kommune på Lollands størrelse til {inbox}',
    en: 'Demo: writing a synthetic inbox for a Lolland-sized municipality to {inbox}',
  },
  'cli.demoKey': {
    da: 'Demo: bruger den indbyggede demo-pseudonymiseringsnøgle. Brug den aldrig til rigtige data.',
    en: 'Demo: using the built-in demo pseudonymisation key. Never use it for real data.',
  },
  'cli.reportWritten': { da: 'Rapporter skrevet:', en: 'Reports written:' },
  // ── Status and other words ────────────────────────────────────────────────────────────────────────
  'status.on_track': { da: 'På sporet', en: 'On track' },
  'status.off_track': { da: 'Ikke på sporet', en: 'Off track' },
  'status.incomplete': { da: 'Ufuldstændig', en: 'Incomplete' },
  'status.no_target': { da: 'Intet mål', en: 'No target' },
  'status.no_data': { da: 'Ingen data', en: 'No data' },
  'status.no_baseline': { da: 'Ingen baseline', en: 'No baseline' },
  'requirement.met': { da: 'Opfyldt', en: 'Met' },
  'requirement.not_met': { da: 'Ikke opfyldt', en: 'Not met' },
  'requirement.pending': { da: 'Afventer', en: 'Pending' },
  'measurement.final': { da: 'Endelig', en: 'Final' },
  'measurement.provisional': { da: 'Foreløbig', en: 'Provisional' },
  'word.yes': { da: 'ja', en: 'yes' },
  'word.no': { da: 'nej', en: 'no' },
  'word.total': { da: 'I alt', en: 'Total' },
  'word.target': { da: 'mål', en: 'target' },
  'word.running': { da: 'foreløbig', en: 'provisional' },
  'word.incomplete': { da: 'ufuldstændig', en: 'incomplete' },
  'unit.share': { da: 'andel', en: 'share' },
  'unit.count': { da: 'antal', en: 'count' },
  'unit.rate': { da: 'rate', en: 'rate' },
  'unit.dkk': { da: 'kroner', en: 'kroner' },
  'unit.score': { da: 'score', en: 'score' },
  'unit.rank': { da: 'placering', en: 'rank' },
  'unit.points': { da: 'procentpoint', en: 'percentage points' },
  'unit.pointsValue': { da: '{value} pct.-point', en: '{value} pp' },
  'unit.hours': { da: 'timer', en: 'hours' },
  'unit.hoursValue': { da: '{value} timer', en: '{value} hours' },
  'grain.year': { da: 'år', en: 'year' },
  'grain.half_year': { da: 'halvår', en: 'half-year' },
  'grain.month': { da: 'måned', en: 'month' },
  'grain.wave': { da: 'måling', en: 'survey wave' },
  'direction.increase': { da: 'stigende', en: 'increasing' },
  'direction.decrease': { da: 'faldende', en: 'decreasing' },
  'direction.none': { da: 'ingen retning', en: 'no direction' },

  // ── The run's summary (stdout) ────────────────────────────────────────────────────────────────────
  'summary.run': {
    da: 'Kørsel {runId}, opgjort pr. {asOf}: offentliggjort i {out}',
    en: 'Run {runId}, as of {asOf}: published to {out}',
  },
  'summary.municipality': { da: 'Kommune: {name} ({code})', en: 'Municipality: {name} ({code})' },
  'summary.municipalityAssumed': {
    da: ' – antaget, fordi ingen konfiguration nævner kommunen (se advarslen municipality_not_configured)',
    en: ' – assumed, because no configuration names the municipality (see the warning municipality_not_configured)',
  },
  'summary.col.kpi': { da: 'KPI', en: 'KPI' },
  'summary.col.period': { da: 'Periode', en: 'Period' },
  'summary.col.value': { da: 'Værdi', en: 'Value' },
  'summary.col.target': { da: 'Mål', en: 'Target' },
  'summary.col.status': { da: 'Status', en: 'Status' },
  'summary.heldBackMark': { da: ' (holdt tilbage)', en: ' (held back)' },
  'summary.contracts': { da: 'Resultatkontrakter:', en: 'Outcome contracts:' },
  'summary.dsi': {
    da: '{id}: bogført {booked} for {finals} endelige målinger{provisional}{projected}',
    en: '{id}: booked {booked} for {finals} final measurements{provisional}{projected}',
  },
  'summary.dsiProvisional': {
    da: '; foreløbig måling {period} ({amount}, bogføres ikke endnu)',
    en: '; provisional measurement {period} ({amount}, not booked yet)',
  },
  'summary.projected': { da: '; fremskrevet {amount} ({scenario})', en: '; projected {amount} ({scenario})' },
  'summary.grant': {
    da: '{id}: udbetalt {paid} af tilsagnet på {total}; {requirements}',
    en: '{id}: paid {paid} of the grant of {total}; {requirements}',
  },
  'summary.rows': {
    da: 'Rækker: {read} læst, {loaded} indlæst, {rejected} i karantæne',
    en: 'Rows: {read} read, {loaded} loaded, {rejected} quarantined',
  },
  'summary.rowsSkipped': {
    da: ', {skipped} sprunget over (titel- og totalrækker)',
    en: ', {skipped} skipped (title and totals rows)',
  },
  'summary.rowsFiles.one': { da: ' (1 fil; se {dir})', en: ' (1 file; see {dir})' },
  'summary.rowsFiles.many': { da: ' ({n} filer; se {dir})', en: ' ({n} files; see {dir})' },
  'summary.fileRejected': { da: '{file}: afvist: {message}', en: '{file}: rejected: {message}' },
  'summary.fileQuarantined': {
    da: '{file}: {rejected} af {read} rækker i karantæne',
    en: '{file}: {rejected} of {read} rows quarantined',
  },
  'summary.heldBack': {
    da: 'Holdt tilbage ({n}): offentliggjort med tallene fra forrige kørsel, fordi en fil, de bygger på, blev afvist eller er blevet mindre:',
    en: 'Held back ({n}): published with the figures of the previous run, because a file they read was rejected or shrank:',
  },
  'summary.contractMark': { da: '{id} (kontrakt)', en: '{id} (contract)' },
  'summary.heldBackFix': {
    da: 'Gør dette: ret eller genlever filen, og kør igen; tallene opdateres ved næste kørsel.',
    en: 'What to do: fix or re-deliver the file and run again; the figures are updated by the next run.',
  },
  'summary.heldBackAllow': {
    da: 'Er ændringen tilsigtet, så offentliggør de nye tal med: kpi run --allow-partial',
    en: 'If the change is intended, publish the new figures with: kpi run --allow-partial',
  },
  'summary.warnings': { da: 'Advarsler ({n}, se manifest.json):', en: 'Warnings ({n}, see manifest.json):' },
  // ── The pseudonymisation key ──────────────────────────────────────────────────────────────────────
  'key.howTo': {
    da: 'Sæt en pseudonymiseringsnøgle på mindst 32 tegn, enten\n  export KPI_PSEUDONYM_KEY="<en lang, tilfældig hemmelighed>"\neller læg den i en fil, som kun jobbet kan læse, og peg på den:\n  export KPI_PSEUDONYM_KEY_FILE=/etc/kpi/pseudonym.key\nBrug den samme nøgle fra kørsel til kørsel: en ny nøgle giver alle personer en ny nøgle (se docs/privacy-and-reliability.md, nøgleskift).',
    en: 'Set a pseudonymisation key of at least 32 characters, either\n  export KPI_PSEUDONYM_KEY="<a long random secret>"\nor put it in a file readable only by the job and point to it:\n  export KPI_PSEUDONYM_KEY_FILE=/etc/kpi/pseudonym.key\nKeep the same key from run to run: a new key gives every person a new key (see docs/privacy-and-reliability.md, key rotation).',
  },
  'key.missing': {
    da: 'Der er ingen pseudonymiseringsnøgle.\n{howTo}',
    en: 'No pseudonymisation key is set.\n{howTo}',
  },
  'key.fileUnreadable': {
    da: 'Kan ikke læse KPI_PSEUDONYM_KEY_FILE={file}: {code}.\n{howTo}',
    en: 'Cannot read KPI_PSEUDONYM_KEY_FILE={file}: {code}.\n{howTo}',
  },
  'key.tooShort': {
    da: 'Pseudonymiseringsnøglen har {n} tegn; der skal mindst {min} til.\n{howTo}',
    en: 'The pseudonymisation key has {n} characters; at least {min} are needed.\n{howTo}',
  },

  // ── Configuration ─────────────────────────────────────────────────────────────────────────────────
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
    da: 'der er ingen KPI med dette id. Kendte id’er: {known}',
    en: 'there is no KPI with this id. Known ids: {known}',
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
    da: 'Konfigurationsfilen {file} er ikke gyldig JSON: {message}',
    en: 'The configuration file {file} is not valid JSON: {message}',
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
  'config.none': { da: '(ingen)', en: '(none)' },
  'config.contractId': { da: 'små bogstaver, cifre og _', en: 'lower-case letters, digits and _' },
  'config.restrictedGroup': {
    da: 'restrictedGroup: der er ingen gruppe "{group}" på denne maskine. Angiv en eksisterende gruppes navn eller nummer (se /etc/group), eller udelad restrictedGroup, så restricted/ kun er ejerens.',
    en: 'restrictedGroup: there is no group "{group}" on this machine. Give an existing group\'s name or number (see /etc/group), or leave restrictedGroup out to keep restricted/ the owner\'s only.',
  },

  // ── The demo and the scheduler ────────────────────────────────────────────────────────────────────
  'demo.shifted': {
    da: '(demo: perioden er rykket {years} år tilbage)',
    en: '(demo: the period is moved back {years} years)',
  },
  'pdf.noChromium': {
    da: 'PDF kræver en headless Chromium, men ingen blev fundet: KPI_CHROMIUM er ikke sat, og hverken chromium, chromium-browser eller google-chrome ligger på PATH. Installér den (Debian/Ubuntu: sudo apt-get install chromium), eller sæt KPI_CHROMIUM til stien til Chromium eller Chrome. Den natlige kørsel uden --pdf har ikke brug for den.',
    en: 'PDF needs a headless Chromium, but none was found: KPI_CHROMIUM is not set, and none of chromium, chromium-browser or google-chrome is on PATH. Install it (Debian/Ubuntu: sudo apt-get install chromium), or set KPI_CHROMIUM to the path of Chromium or Chrome. The nightly run without --pdf does not need it.',
  },
  'pdf.noChromiumWarning': {
    da: 'report.pdf er slået til, men der blev ikke fundet nogen Chromium; rapporterne er kun skrevet som HTML. Installér chromium (sudo apt-get install chromium) eller sæt KPI_CHROMIUM.',
    en: 'report.pdf is on, but no Chromium was found; the reports are written as HTML only. Install chromium (sudo apt-get install chromium) or set KPI_CHROMIUM.',
  },
  'pdf.asOf': { da: 'opgjort pr. {asOf}', en: 'as of {asOf}' },
  'pdf.page': { da: 'Side', en: 'Page' },
  'pdf.of': { da: 'af', en: 'of' },
  'demo.folderNotEmpty': {
    da: '{dir} indeholder allerede filer, som demoen ikke har skrevet; demoen overskriver dem ikke. Vælg en anden mappe med --inbox.',
    en: '{dir} already holds files that the demo did not write; the demo will not overwrite them. Choose another folder with --inbox.',
  },
  'schedule.badCron': {
    da: '--cron "{expr}" er ikke et cron-udtryk ({message}). Brug fem felter, minut time dag måned ugedag, fx "0 2 * * *" for kl. 02.00 hver nat.',
    en: '--cron "{expr}" is not a cron expression ({message}). Use five fields, minute hour day month weekday, e.g. "0 2 * * *" for 02:00 every night.',
  },
  'schedule.started': { da: 'planlægger startet: "{cron}"', en: 'scheduler started: "{cron}"' },
  'schedule.runStarted': { da: 'kørsel {n} startet', en: 'run {n} started' },
  'schedule.runFinished': {
    da: 'kørsel {n} offentliggjort på {seconds} s',
    en: 'run {n} published in {seconds} s',
  },
  'schedule.runHeldBack': {
    da: 'kørsel {n} offentliggjort på {seconds} s, med KPI’er holdt tilbage ved de forrige tal (se dens manifest)',
    en: 'run {n} published in {seconds} s, with KPIs held back at their previous values (see its manifest)',
  },
  'schedule.runFailed': {
    da: 'kørsel {n} fejlede (exit {code}); de tidligere resultater er urørte, og planen fortsætter',
    en: 'run {n} failed (exit {code}); the previous outputs are untouched, the schedule goes on',
  },
  'schedule.cannotStart': {
    da: 'kørsel {n} kunne ikke starte: {message}',
    en: 'run {n} could not start: {message}',
  },
  'schedule.noMoreRuns': {
    da: 'cron-udtrykket har ingen flere kørsler',
    en: 'the cron expression has no future runs',
  },
  'schedule.nextRun': { da: 'næste kørsel {next}', en: 'next run {next}' },
  'schedule.tickSkipped': {
    da: 'en kørsel er stadig i gang; dette tidspunkt springes over',
    en: 'a run is still going on; this tick is skipped',
  },
  'schedule.stopping': {
    da: 'stopper: venter på, at den igangværende kørsel bliver færdig',
    en: 'stopping: waiting for the run in progress to finish',
  },
  'schedule.stopped': { da: 'planlæggeren er stoppet', en: 'scheduler stopped' },
  // ── The run: progress, warnings, failures ─────────────────────────────────────────────────────────
  'stage.ingest': { da: 'indlæsning', en: 'ingest' },
  'stage.warehouse': { da: 'lager', en: 'warehouse' },
  'stage.kpis': { da: 'KPI’er', en: 'KPIs' },
  'stage.contracts': { da: 'kontrakter', en: 'contracts' },
  'stage.publish': { da: 'offentliggørelse', en: 'publish' },
  'stage.report': { da: 'rapporter', en: 'reports' },
  'stage.switch': { da: 'skift', en: 'switch' },
  'stage.schedule': { da: 'planlægning', en: 'schedule' },
  'stage.run': { da: 'kørsel', en: 'run' },
  'run.inboxMissing': {
    da: 'Indbakken {inbox} findes ikke eller er ikke en mappe. Tjek --inbox; intet er ændret.',
    en: 'The inbox {inbox} does not exist or is not a folder. Check --inbox; nothing was changed.',
  },
  'run.failed': {
    da: 'Kørslen fejlede; de tidligere resultater er urørte.\n{message}',
    en: 'The run failed; the previous outputs are untouched.\n{message}',
  },
  'run.paused': { da: 'venter ved {stage} (KPI_FAULT_PAUSE)', en: 'paused at {stage} (KPI_FAULT_PAUSE)' },
  'run.cache': {
    da: 'fortsætter fra forrige kørsels lager ({file}): uændrede filer læses ikke igen',
    en: "starting from the previous run's warehouse ({file}): unchanged files are not parsed again",
  },
  'run.file': {
    da: '{file}: {status}{cached}, {loaded} af {read} rækker indlæst',
    en: '{file}: {status}{cached}, {loaded} of {read} rows loaded',
  },
  'run.fileCached': {
    da: ' (uændret siden en tidligere kørsel: ikke læst igen)',
    en: ' (unchanged since an earlier run: not parsed again)',
  },
  'run.fileQuarantined': { da: ', {n} i karantæne', en: ', {n} quarantined' },
  'run.fileSkipped': { da: ', {n} sprunget over', en: ', {n} skipped' },
  'fileStatus.loaded': { da: 'indlæst', en: 'loaded' },
  'fileStatus.rejected': { da: 'afvist', en: 'rejected' },
  'fileStatus.duplicate': { da: 'dublet', en: 'duplicate' },
  'fileStatus.empty': { da: 'tom', en: 'empty' },
  'run.martFull': { da: '{table}: bygget helt', en: '{table}: built in full' },
  'run.martKeys': {
    da: '{table}: beholdt fra forrige kørsel, {n} nøgler beregnet igen',
    en: '{table}: kept from the previous run, {n} keys recomputed',
  },
  'run.martRows': {
    da: '{table}: beholdt fra forrige kørsel, {n} rækker opdateret',
    en: '{table}: kept from the previous run, {n} rows updated',
  },
  'run.rowsAccounted': {
    da: '{read} rækker læst = {loaded} indlæst + {rejected} i karantæne + {skipped} sprunget over (titel- og totalrækker)',
    en: '{read} rows read = {loaded} loaded + {rejected} quarantined + {skipped} skipped (title and totals rows)',
  },
  'run.kpiComputed': { da: '{id} beregnet', en: '{id} computed' },
  'run.kpiHeldBack': { da: '{id} holdt tilbage', en: '{id} held back' },
  'run.contractEvaluated': { da: '{id} opgjort', en: '{id} evaluated' },
  'run.published': { da: 'kørsel {runId} offentliggjort i {out}', en: 'published run {runId} to {out}' },
  'run.keptOpen': {
    da: 'den ældre kørsel {runId} er beholdt, fordi proces {pids} har den åben; den fjernes ved en senere kørsel',
    en: 'kept the older run {runId} because process {pids} has it open; a later run removes it',
  },
  'warn.staleLock': {
    da: 'overtog låsen fra kørsel {runId} (pid {pid}), som ikke længere kører',
    en: 'took over the lock of run {runId} (pid {pid}), which is no longer running',
  },
  'warn.keyRotated': {
    da: 'Pseudonymiseringsnøglen er en anden end ved forrige kørsel: alle person_key er nye. Lageret blev bygget forfra med den nye nøgle; omberegninger sammenligner offentliggjorte værdier, som ikke afhænger af nøglen.',
    en: 'The pseudonymisation key differs from the previous run: every person_key is new. The warehouse was rebuilt from the inbox with the new key only; restatements compare published values, which do not depend on the key.',
  },
  'warn.notDelivered': {
    da: '{id}: ingen data, fordi {extracts} ikke blev leveret (ingen mappe i indbakken)',
    en: '{id}: no data, because {extracts} was not delivered (no folder in the inbox)',
  },
  'warn.partialPublish': {
    da: 'offentliggjort med --allow-partial: {ids} ville ellers være holdt tilbage ved de forrige tal. {reasons}',
    en: 'published with --allow-partial: {ids} would otherwise have been held back at their previous values. {reasons}',
  },
  'warn.stale': {
    da: '{extract}: seneste leverede måned er {latest}, men pr. {asOf} forventedes data mindst til og med {expected}. Perioder, der mangler månederne, vises som ufuldstændige.',
    en: '{extract}: the latest month delivered is {latest}, but as of {asOf} data up to at least {expected} was expected. Periods that need the missing months are shown as incomplete.',
  },
  'warn.grantSum': {
    da: 'tilskuddets beløb pr. år giver {byYear}, men det samlede tilskud er {total}; det samlede tilskud gælder',
    en: 'grant byYear sums to {byYear}, total is {total}; the stated total governs',
  },

  // ── Hold-back, volumes, codes, the municipality (guard/) ──────────────────────────────────────────
  'hold.rejected': { da: '{file} blev afvist helt: {message}', en: '{file} was rejected whole: {message}' },
  'hold.unreadable': { da: 'filen kunne ikke læses', en: 'the file could not be read' },
  'hold.folderMissing': {
    da: 'mappen inbox/{extract} mangler, men forrige offentliggjorte kørsel læste {n} af dens rækker',
    en: 'the folder inbox/{extract} is missing, but the previous published run read {n} of its rows',
  },
  'hold.shrank': {
    da: '{extract} er skrumpet med mere end {pct} % i forhold til forrige offentliggjorte kørsel (rækker: {months}{more}); formentlig et afkortet udtræk',
    en: '{extract} shrank against the previous published run by more than {pct} % (rows: {months}{more}); a truncated export is likely',
  },
  'hold.month': { da: '{month} {current} mod {previous}', en: '{month} {current} against {previous}' },
  'hold.allRows': { da: 'i alt', en: 'its rows' },
  'hold.moreMonths': { da: '; og {n} måneder mere', en: '; and {n} more months' },
  'warn.unknownCode': {
    da: '{column}: {n} rækker har værdien "{value}", som ikke er en kendt værdi (kendte: {known}).{hint}{contract} Er værdien rigtig, så føj den til knownCodes."{column}" i konfigurationen.',
    en: '{column}: {n} rows have the value "{value}", which is not a known value (known: {known}).{hint}{contract} If the value is right, add it to knownCodes."{column}" in the configuration.',
  },
  'warn.unknownCode.one': {
    da: '{column}: 1 række har værdien "{value}", som ikke er en kendt værdi (kendte: {known}).{hint}{contract} Er værdien rigtig, så føj den til knownCodes."{column}" i konfigurationen.',
    en: '{column}: 1 row has the value "{value}", which is not a known value (known: {known}).{hint}{contract} If the value is right, add it to knownCodes."{column}" in the configuration.',
  },
  'warn.didYouMean': { da: ' Mente du "{value}"?', en: ' Did you mean "{value}"?' },
  'warn.notInGroup': {
    da: ' Rækkerne tælles ikke med i gruppen for kontrakten {id}.',
    en: ' Those rows are not counted in the group of contract {id}.',
  },
  'warn.municipality': {
    da: 'Ingen konfiguration nævner kommunen, og rækkerne i {extracts} har ingen kommunekolonne, så de regnes som {name} ({code}). Angiv kommunen i konfigurationsfilen: "municipality": {"code": "<kommunekode>", "name": "<navn>"}, og giv den med --config.',
    en: 'No configuration names the municipality, and rows of {extracts} have no municipality column, so they are counted as {name} ({code}). Name your municipality in the configuration file: "municipality": {"code": "<kommunekode>", "name": "<navn>"}, and pass it with --config.',
  },
  'warn.keyFile': {
    da: 'Nøglefilen {file} kan læses af {who} (tilstand {mode}). Den, der kan læse nøglen, kan beregne person_key for de CPR-numre, vedkommende kender. Gør den kun læsbar for ejeren: chmod 600 {file}',
    en: "The pseudonymisation key file {file} can be read by {who} (mode {mode}). Whoever can read the key can recompute the person keys of CPR numbers they know. Make it the owner's only: chmod 600 {file}",
  },
  'warn.keyFile.everyone': { da: 'alle brugere på maskinen', en: 'every user on this machine' },
  'warn.keyFile.group': { da: 'dens gruppe', en: 'its group' },

  // ── The lock ──────────────────────────────────────────────────────────────────────────────────────
  'lock.starting': {
    da: 'En anden kørsel er ved at starte på {out} ({path} skrives netop nu). Prøv igen.',
    en: 'Another run is just starting on {out} ({path} is being written). Try again.',
  },
  'lock.otherHost': {
    da: '{out} er låst af en kørsel på værten {host} (pid {pid}, startet {startedAt}). Låsen overtages, når dens hjerteslag har været stoppet i {seconds} s.',
    en: '{out} is locked by a run on host {host} (pid {pid}, started {startedAt}). It is taken over once its heartbeat has stopped for {seconds} s.',
  },
  'lock.busy': {
    da: 'En anden kørsel bruger {out}: pid {pid}, startet {startedAt} (kørsel {runId}). Vent, til den er færdig; kun én kørsel ad gangen må skrive til samme --out.',
    en: 'Another run is using {out}: pid {pid}, started {startedAt} (run {runId}). Wait for it to finish; only one run at a time may write to the same --out.',
  },
  'lock.contended': {
    da: 'Kunne ikke tage låsen {path}; en anden kørsel bliver ved med at tage den.',
    en: 'Could not take the lock {path}; another run keeps taking it.',
  },
  // ── kpi check ─────────────────────────────────────────────────────────────────────────────────────
  'check.title': {
    da: 'Tjek af {inbox}: intet er offentliggjort.',
    en: 'Check of {inbox}: nothing was published.',
  },
  'check.rejected': { da: 'AFVIST: {message}', en: 'REJECTED: {message}' },
  'check.duplicate': { da: 'dublet af {file}; indlæses ikke', en: 'duplicate of {file}; not loaded' },
  'check.loads': {
    da: '{loaded} af {read} rækker indlæses, {rejected} i karantæne',
    en: '{loaded} of {read} rows load, {rejected} quarantined',
  },
  'check.skipped': {
    da: ', {n} sprunget over (titel- og totalrækker)',
    en: ', {n} skipped (title and totals rows)',
  },
  'check.more': { da: '… og {n} flere', en: '… and {n} more' },
  'check.noFiles': { da: 'Indbakken har ingen filer.', en: 'The inbox has no files.' },
  'check.warning': { da: 'advarsel {code}: {message}', en: 'warning {code}: {message}' },
  'check.missing': {
    da: 'Ikke leveret, men brugt af de aktive KPI’er og kontrakter (de vises som "Ingen data"):',
    en: 'Not delivered, but read by the enabled KPIs and contracts (they show as "No data"):',
  },
  'check.wouldHold': {
    da: 'kpi run ville holde {n} tilbage ved de tal, der sidst blev offentliggjort (exit 3):',
    en: 'kpi run would hold back {n} at the figures last published (exit 3):',
  },
  'check.ready': {
    da: 'Klar til kørsel: ingen fil afvises helt, og intet holdes tilbage.',
    en: 'Ready to run: no file is rejected whole, and nothing is held back.',
  },
  'check.notReady': {
    da: 'Ikke klar: {rejected} afvises helt, {held} KPI’er og kontrakter ville blive holdt tilbage. Ret filerne, og tjek igen.',
    en: 'Not ready: {rejected} rejected whole, {held} KPIs and contracts would be held back. Fix the files and check again.',
  },
  'check.files.one': { da: '1 fil', en: '1 file' },
  'check.files.many': { da: '{n} filer', en: '{n} files' },
  'check.inboxMissing': {
    da: 'Indbakken {inbox} findes ikke eller er ikke en mappe. Tjek --inbox.',
    en: 'The inbox {inbox} does not exist or is not a folder. Check --inbox.',
  },
  // ── Describing a KPI: target rules, units (explain, reports) ──────────────────────────────────────
  'rule.relative_growth': {
    da: 'årlig vækst {pct} fra baseline',
    en: '{pct} growth a year from the baseline',
  },
  'rule.absolute_change': { da: 'baseline {change} pr. år{until}', en: 'baseline {change} a year{until}' },
  'rule.until': { da: ' til og med {until}, derefter fastholdt', en: ' up to {until}, held after' },
  'rule.fixed': { da: 'faste mål: {values}', en: 'fixed targets: {values}' },
  'rule.min': { da: 'mindst {value}', en: 'at least {value}' },
  'rule.max': { da: 'højst {value}', en: 'at most {value}' },
  'rule.benchmark': {
    da: 'målingens benchmark (fra survey_benchmarks)',
    en: "the wave's benchmark (from survey_benchmarks)",
  },
  'rule.none': { da: 'intet mål', en: 'no target' },
  'rule.points': { da: '{value} procentpoint', en: '{value} percentage points' },
  'explain.unknown': {
    da: 'Der er ingen KPI med id’et "{id}". Kendte id’er: {known}',
    en: 'There is no KPI with the id "{id}". Known ids: {known}',
  },
  'explain.definition': { da: 'Definition', en: 'Definition' },
  'explain.source': { da: 'Kilde', en: 'Source' },
  'explain.unitLabel': { da: 'Enhed', en: 'Unit' },
  'explain.target': { da: 'Mål', en: 'Target' },
  'explain.baseline': { da: 'Baseline', en: 'Baseline' },
  'explain.sql': { da: 'SQL', en: 'SQL' },
  'explain.extracts': { da: 'Udtræk', en: 'Extracts' },
  'explain.themes': { da: 'Temaer', en: 'Themes' },
  'explain.owner': { da: 'Ansvarlig', en: 'Owner' },
  'explain.followUp': { da: 'Opfølgning', en: 'Follow-up' },
  'explain.description': { da: 'Indsatsen', en: 'Initiative' },
  'explain.unit': {
    da: '{unit}, opgjort pr. {grain}, retning: {direction}',
    en: '{unit}, per {grain}, direction: {direction}',
  },
  'explain.baselineData': { da: '(beregnes af data)', en: '(computed from the data)' },
  'explain.baselineConfigured': {
    da: '(konfigureret værdi {value}{fixed})',
    en: '(configured value {value}{fixed})',
  },
  'explain.fixed': { da: ', fast', en: ', fixed' },
  'explain.sqlInConfig': {
    da: '(SQL i konfigurationen: initiatives)',
    en: '(SQL in the configuration: initiatives)',
  },
  'explain.noRun': {
    da: 'Ingen offentliggjort kørsel i {out}; kør kpi run for at se filer og værdier.',
    en: 'No published run in {out}; run kpi run to see files and values.',
  },
  'explain.inputs': {
    da: 'Inputfiler i kørsel {runId} (opgjort pr. {asOf}):',
    en: 'Input files of run {runId} (as of {asOf}):',
  },
  'explain.noInputs': {
    da: '(ingen: udtrækkene blev ikke leveret)',
    en: '(none: the extracts were not delivered)',
  },
  'explain.input': {
    da: '{file}  {status}, {loaded} af {read} rækker  sha256 {sha}',
    en: '{file}  {status}, {loaded} of {read} rows  sha256 {sha}',
  },
  'explain.latest': {
    da: 'Seneste offentliggjorte værdier (kommune {code}, status: {status}):',
    en: 'Latest published values (municipality {code}, status: {status}):',
  },
  // ── Ingest: files, warnings ───────────────────────────────────────────────────────────────────────
  'ingest.inboxMissing': {
    da: 'Indbakkemappen {inbox} findes ikke eller kan ikke læses.',
    en: 'The inbox folder {inbox} does not exist or cannot be read.',
  },
  'ingest.unknownFolder': {
    da: 'inbox/{name} er ikke et kendt udtræk og blev ikke læst. Kendte udtræk: {known}.',
    en: 'inbox/{name} is not a known extract and was not read. Known extracts: {known}.',
  },
  'ingest.unplacedFile': {
    da: 'inbox/{name} ligger i selve indbakken, ikke i et udtræks mappe, så den blev ikke læst. Flyt den til sit udtræks mappe, fx inbox/employment/.',
    en: "inbox/{name} lies in the inbox itself, not in the folder of an extract, so it was not read. Move it into its extract's folder, e.g. inbox/employment/.",
  },
  'ingest.unsupportedFormat': {
    da: 'filtypen kan ikke læses; lever .csv, .csv.gz, .parquet eller .xlsx (en .xls-projektmappe skal gemmes som .xlsx)',
    en: 'unsupported file type; deliver .csv, .csv.gz, .parquet or .xlsx (a .xls workbook must be saved as .xlsx)',
  },
  'ingest.emptyFile': {
    da: '{file}: filen er tom (0 byte); intet blev indlæst fra den.',
    en: '{file}: the file is empty (0 bytes); nothing was loaded from it.',
  },
  'ingest.headerOnly': {
    da: '{file}: filen har en overskrift, men ingen rækker.',
    en: '{file}: the file has a header but no rows.',
  },
  'ingest.duplicateFile': {
    da: '{file} har samme indhold (sha256) som {dup}, der allerede er indlæst; den blev ikke indlæst igen.',
    en: '{file} has the same content (sha256) as {dup}, which is already loaded; it was not loaded again.',
  },
  'ingest.rowsQuarantined': {
    da: '{file}: {rejected} af {read} rækker i karantæne ({rules})',
    en: '{file}: {rejected} of {read} rows quarantined ({rules})',
  },
  'ingest.missingColumn': {
    da: 'den påkrævede kolonne {names} mangler.',
    en: 'missing required column {names}.',
  },
  'ingest.missingColumns': {
    da: 'de påkrævede kolonner {names} mangler.',
    en: 'missing required columns {names}.',
  },
  'ingest.columnOr': { da: '{name} (eller {aliases})', en: '{name} (or {aliases})' },
  'ingest.headersFound': {
    da: ' Fundne overskrifter: {found}{where}.',
    en: ' Headers found: {found}{where}.',
  },
  'ingest.headersNone': { da: '(ingen)', en: '(none)' },
  'ingest.headersWhere': {
    da: ' (på linje {line}; de første {n} linjer blev gennemsøgt efter en linje, der navngiver kolonnerne)',
    en: ' (on line {line}; the first {n} lines were searched for a line that names the columns)',
  },
  'ingest.headerDidYouMean': {
    da: ' Mente du "{header}" for {column}?',
    en: ' Did you mean "{header}" for {column}?',
  },
  'ingest.delimiterHint': {
    da: ' Overskriften ser ud til at bruge "{delimiter}" som skilletegn; lever filen med , ; eller tabulator mellem kolonnerne.',
    en: ' The header looks like it uses "{delimiter}" as delimiter; deliver the file with , ; or tab between columns.',
  },
  'ingest.unreadable': {
    da: 'filen kunne ikke læses: {message}',
    en: 'the file could not be read: {message}',
  },
  'ingest.parquetUnreadable': {
    da: 'Parquet-filen kan ikke læses ({message})',
    en: 'the Parquet file cannot be read ({message})',
  },
  'ingest.noHeader': {
    da: 'ingen overskrift: de første {n} linjer er tomme; først skal der være en linje, der navngiver kolonnerne',
    en: 'no header: the first {n} lines are empty; a line that names the columns must come first',
  },
  'ingest.mergedCells': {
    da: 'det første ark har flettede celler ({ranges}); ophæv fletningen, så hver række har sine egne værdier, og lever igen',
    en: 'the first sheet has merged cells ({ranges}); unmerge them so every row has its own values, and deliver again',
  },
  'ingest.gzipCorrupt': {
    da: 'gzip-filen er afkortet eller beskadiget ({message}); bed om at få filen leveret igen',
    en: 'the gzip file is truncated or corrupt ({message}); ask for the file to be delivered again',
  },
  'ingest.cannotRead': { da: 'filen kan ikke læses: {message}', en: 'the file cannot be read: {message}' },
  'ingest.changing': {
    da: 'filen ændrede sig, mens den blev læst: den bliver formentlig stadig skrevet. Den springes over nu og indlæses ved næste kørsel',
    en: 'the file changed while it was being read: it is probably still being written. It is skipped now and will be loaded by the next run',
  },
  'ingest.binary': {
    da: 'filen er binær (den indeholder NUL-byte), ikke en tekst-CSV; lever et CSV-udtræk, eller navngiv den .parquet / .xlsx, hvis den er det',
    en: 'the file is binary (it contains NUL bytes), not a text CSV; deliver a CSV export, or name it .parquet / .xlsx if it is one',
  },
  'ingest.mixedEncoding': {
    da: 'filen blander tegnsæt: den er UTF-8, men linje {line} har en byte, der ikke er gyldig UTF-8 (formentlig Windows-1252). Eksportér hele filen i ét tegnsæt (helst UTF-8)',
    en: 'the file mixes encodings: it is UTF-8, but line {line} has a byte that is not valid UTF-8 (probably Windows-1252). Re-export the whole file in one encoding (UTF-8 is best)',
  },
  'ingest.xlsxFormula': {
    da: 'cellen {cell} indeholder en formel; gem arket med værdier alene (kopiér, og indsæt som værdier), og lever det igen',
    en: 'cell {cell} holds a formula; save the sheet with values only (copy, then Paste Special → Values) and deliver it again',
  },
  'ingest.xlsxError': {
    da: 'cellen {cell} indeholder Excel-fejlen {error}; ret cellen, og lever igen',
    en: 'cell {cell} holds the Excel error {error}; fix the cell and deliver again',
  },
  'ingest.xlsxUnreadable': {
    da: 'filen er ikke en læsbar .xlsx-projektmappe ({message})',
    en: 'the file is not a readable .xlsx workbook ({message})',
  },
  'ingest.xlsxNoSheets': { da: 'projektmappen har ingen ark', en: 'the workbook has no sheets' },

  // ── Quarantine: the header of a rejects file, and why each row was rejected ───────────────────────
  'quarantine.line': { da: 'linje', en: 'line' },
  'quarantine.column': { da: 'kolonne', en: 'column' },
  'quarantine.rule': { da: 'regel', en: 'rule' },
  'quarantine.message': { da: 'besked', en: 'message' },
  'quarantine.value': { da: 'værdi', en: 'value' },
  'value.digits': { da: 'et tal med {n} cifre', en: 'a number with {n} digits' },
  'rule.empty_row': {
    da: 'rækken er tom (kun skilletegn eller mellemrum)',
    en: 'the row is empty (only delimiters or spaces)',
  },
  'rule.repeated_header': {
    da: 'overskriftsrækken står igen inde i filen',
    en: 'the header row appears again inside the file',
  },
  'rule.unquoted_value': {
    da: 'et anførselstegn (") åbner en værdi, men lukker den aldrig; resten af filen blev læst som denne ene værdi',
    en: 'a quote (") opens a value but is never closed; the rest of the file was read as this one value',
  },
  'rule.too_many_columns': {
    da: 'linjen har flere værdier, end overskriften har kolonner ({width})',
    en: 'the line has more values than the header has columns ({width})',
  },
  'rule.missing_columns': {
    da: 'linjen har færre værdier, end overskriften har kolonner ({width})',
    en: 'the line has fewer values than the header has columns ({width})',
  },
  'rule.duplicate_key': {
    da: 'nøglen ({key}) står allerede på linje {line} i denne fil',
    en: 'the key ({key}) already appears on line {line} of this file',
  },
  'rule.no_matching': {
    da: 'ingen række i {extract} har samme {columns}',
    en: 'no row in {extract} has the same {columns}',
  },
  'rule.required': { da: '{column} skal udfyldes', en: '{column} is required' },
  'rule.cpr_format': {
    da: 'CPR skal være 10 cifre, DDMMÅÅ-SSSS eller DDMMÅÅSSSS',
    en: 'CPR must be 10 digits, DDMMYY-SSSS or DDMMYYSSSS',
  },
  'rule.cpr_date': {
    da: 'CPR-nummeret indeholder ingen rigtig fødselsdato (århundrede efter 7. ciffer)',
    en: 'the CPR number holds no real birth date (century from digit 7)',
  },
  'rule.cpr_when': {
    da: 'for rækker, hvor {when}, skal dette være et CPR-nummer med en rigtig fødselsdato',
    en: 'for rows where {when} this must be a CPR number with a real birth date',
  },
  'rule.date_format': {
    da: 'forventede en rigtig dato som ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ',
    en: 'expected a real date as YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY',
  },
  'rule.date_out_of_range': {
    da: 'datoen skal ligge mellem 1900-01-01 og 2099-12-31',
    en: 'date must be between 1900-01-01 and 2099-12-31',
  },
  'rule.month_format': {
    da: 'forventede en måned som ÅÅÅÅ-MM eller ÅÅÅÅMM',
    en: 'expected a month as YYYY-MM or YYYYMM',
  },
  'rule.number_too_large': {
    da: 'tallet er for stort til {column}; det største tilladte er {largest}',
    en: 'the number is too large for {column}; the largest allowed is {largest}',
  },
  'rule.not_an_integer': { da: 'forventede et helt tal', en: 'expected a whole number' },
  'rule.not_a_number': {
    da: 'forventede et tal som 12,5 eller 1.234,5',
    en: 'expected a number such as 12,5 or 1.234,5',
  },
  'rule.not_positive': { da: '{column} skal være > {min}', en: '{column} must be > {min}' },
  'rule.below_minimum': { da: '{column} skal være ≥ {min}', en: '{column} must be ≥ {min}' },
  'rule.above_maximum': { da: '{column} skal være ≤ {max}', en: '{column} must be ≤ {max}' },
  'rule.implausible_value': {
    da: '{column} er over plausibilitetsgrænsen på {max} {what}; tjek værdien og den enhed, den er eksporteret i',
    en: '{column} is above the plausibility bound of {max} {what}; check the value and the unit it was exported in',
  },
  'rule.not_a_boolean': {
    da: 'forventede 1/0, true/false, ja/nej, j/n, x eller tom',
    en: 'expected 1/0, true/false, ja/nej, j/n, x or empty',
  },
  'rule.unknown_code': { da: 'forventede én af: {codes}', en: 'expected one of: {codes}' },
  'rule.municipality_format': {
    da: 'forventede en kommunekode på 3 cifre, fx 360',
    en: 'expected a kommunekode of 3 digits, e.g. 360',
  },
  // An own extract's check (docs/own-data.md): its message is the configuration's own words.
  'rule.own_check': { da: '{message}', en: '{message}' },
  'rule.half_year_format': {
    da: 'forventede et halvår som 2024-H2 eller "1. halvår 2024 – 2. halvår 2024"',
    en: 'expected a half-year such as 2024-H2 or "1. halvår 2024 – 2. halvår 2024"',
  },
  'rule.end_before_start': { da: '{end} ligger før {start}', en: '{end} is before {start}' },
  'rule.answer_out_of_scale': {
    da: 'svaret skal være 1–5 i denne undersøgelse (0–10 kun for livstilfredshed)',
    en: 'answer must be 1–5 on this survey (0–10 only for livstilfredshed)',
  },
  'rule.occupied_days_above_capacity': {
    da: 'occupied_days er større end places × dage i måneden',
    en: 'occupied_days is more than places × days in the month',
  },
  'plausible.cafe': { da: 'henvendelser på én række (én dag)', en: 'contacts on one row (one day)' },
  'plausible.places': { da: 'pladser på ét tilbud', en: 'places in one facility' },
  // ── Reports ───────────────────────────────────────────────────────────────────────────────────────
  'report.meta': {
    da: '{municipality} · opgjort pr. {asOf} · kørsel {runId}',
    en: '{municipality} · as of {asOf} · run {runId}',
  },
  'report.confidential': {
    da: ' · FORTROLIGT: kun økonomi og analytikere',
    en: ' · CONFIDENTIAL: finance and analysts only',
  },
  'report.noRows': { da: '(ingen rækker)', en: '(no rows)' },
  'report.col.kpi': { da: 'Resultatmål', en: 'Result target' },
  'report.col.period': { da: 'Periode', en: 'Period' },
  'report.col.latest': { da: 'Seneste periode', en: 'Latest period' },
  'report.col.series': { da: 'Serie', en: 'Series' },
  'report.col.value': { da: 'Værdi', en: 'Value' },
  'report.col.target': { da: 'Mål', en: 'Target' },
  'report.col.status': { da: 'Status', en: 'Status' },
  'report.source': { da: 'Kilde: {source}', en: 'Source: {source}' },
  // ── The audit workbooks ──
  'workbook.sheet.overview': { da: 'Oversigt', en: 'Overview' },
  'workbook.sheet.measurements': { da: 'Målinger', en: 'Measurements' },
  'workbook.sheet.evidence': { da: 'Evidens', en: 'Evidence' },
  'workbook.parameters': { da: 'Parametre', en: 'Parameters' },
  'workbook.totals': { da: 'I alt', en: 'Totals' },
  'workbook.asOf': { da: 'Opgjort pr.', en: 'As of' },
  'workbook.municipality': { da: 'Kommune', en: 'Municipality' },
  'workbook.col.period': { da: 'Periode', en: 'Period' },
  'workbook.col.goal': { da: 'Mål', en: 'Goal' },
  'workbook.col.personKey': { da: 'Pseudonym (person_key)', en: 'Pseudonym (person_key)' },
  'workbook.col.counted': { da: 'Talt med', en: 'Counted' },
  'workbook.col.success': { da: 'Succes', en: 'Success' },
  'workbook.col.reason': { da: 'Hvorfor', en: 'Why' },
  'workbook.col.measurement': { da: 'Måling', en: 'Measurement' },
  'workbook.col.expectedShare': { da: 'Forventet andel', en: 'Expected share' },
  'workbook.col.expectedExcess': { da: 'Forventet merresultat', en: 'Expected excess' },
  'workbook.col.status': { da: 'Status', en: 'Status' },
  'workbook.col.measured': { da: 'Målte', en: 'Measured' },
  'workbook.col.successes': { da: 'Succeser', en: 'Successes' },
  'workbook.col.share': { da: 'Andel', en: 'Share' },
  'workbook.col.baselineShare': { da: 'Baselineandel', en: 'Baseline share' },
  'workbook.col.excess': { da: 'Merresultat', en: 'Excess' },
  'workbook.col.goal1': { da: 'Mål 1 (kr.)', en: 'Goal 1 (DKK)' },
  'workbook.col.goal2Successes': { da: 'Mål 2-succeser', en: 'Goal 2 successes' },
  'workbook.col.goal2': { da: 'Mål 2 (kr.)', en: 'Goal 2 (DKK)' },
  'workbook.col.beforeCap': { da: 'Kumuleret før loft', en: 'Cumulative before cap' },
  'workbook.col.afterCap': { da: 'Kumuleret efter loft', en: 'Cumulative after cap' },
  'workbook.col.booked': { da: 'Bogført', en: 'Booked' },
  'workbook.col.capApplied': { da: 'Loft ramt', en: 'Cap applied' },
  'workbook.col.month': { da: 'Måned', en: 'Month' },
  'workbook.col.countedMonth': { da: 'Tællende måned', en: 'Counted month' },
  'workbook.col.complete': { da: 'Afsluttet', en: 'Complete' },
  'workbook.col.group': { da: 'Indsatsgruppe', en: 'Group' },
  'workbook.col.inWork': { da: 'I job eller uddannelse', en: 'In work or education' },
  'workbook.col.meets': { da: 'Opfylder {id}', en: 'Meets {id}' },
  'workbook.dsi.expectedRepayment': {
    da: 'Forventet tilbagebetaling (business case)',
    en: 'Expected repayment (business case)',
  },
  'workbook.dsi.goal1Share': { da: 'Andel til mål 1', en: 'Share for goal 1' },
  'workbook.dsi.goal2Share': { da: 'Andel til mål 2', en: 'Share for goal 2' },
  'workbook.dsi.population': { da: 'Planlagt målgruppe (personer)', en: 'Planned population (persons)' },
  'workbook.dsi.baseline': { da: 'Baselineandel', en: 'Baseline share' },
  'workbook.dsi.goal2Rate': { da: 'Forventet andel med mål 2-succes', en: 'Expected goal-2 success rate' },
  'workbook.dsi.cap': { da: 'Loft over tilbagebetalingen', en: 'Cap on the repayment' },
  'workbook.dsi.price1': {
    da: 'Pris pr. merresultat (mål 1) = andel × tilbagebetaling / forventet merresultat',
    en: 'Price per excess success (goal 1) = share × repayment / expected excess',
  },
  'workbook.dsi.price2': {
    da: 'Pris pr. mål 2-succes = andel × tilbagebetaling / (andel × målgruppe)',
    en: 'Price per goal-2 success = share × repayment / (rate × population)',
  },
  'workbook.dsi.calibration': { da: 'Kalibrering af prisen på mål 1', en: 'Calibration of the goal-1 price' },
  'workbook.dsi.goal1Total': { da: 'Mål 1, endelige målinger', en: 'Goal 1, final measurements' },
  'workbook.dsi.goal2Total': { da: 'Mål 2, endelige målinger', en: 'Goal 2, final measurements' },
  'workbook.dsi.booked': { da: 'Bogført tilbagebetaling', en: 'Booked repayment' },
  'workbook.dsi.expected': { da: 'Forventet i business casen', en: 'Expected in the business case' },
  'workbook.dsi.bookedShare': { da: 'Bogført i forhold til forventet', en: 'Booked against expected' },
  'workbook.dsi.capReachedIn': { da: 'Loftet nået i', en: 'Cap reached in' },
  'workbook.grant.total': { da: 'Tilsagn i alt', en: 'Grant in all' },
  'workbook.grant.year': { da: 'Tilsagn {year}', en: 'Grant {year}' },
  'workbook.grant.rate1Share': { da: 'Rate 1 (andel af tilsagnet)', en: 'Rate 1 (share of the grant)' },
  'workbook.grant.threshold': {
    da: '{id}: andel i job eller uddannelse i en tællende måned',
    en: '{id}: share in work or education in a counted month',
  },
  'workbook.grant.payoutShare': { da: '{id}: andel af tilsagnet', en: '{id}: share of the grant' },
  'workbook.grant.lastCounted': { da: 'Sidste tællende måned', en: 'Last counted month' },
  'workbook.grant.asOfMonth': { da: 'Opgørelsesmåned', en: 'As-of month' },
  'workbook.grant.rate1': { da: 'Rate 1', en: 'Rate 1' },
  'workbook.grant.amount': { da: '{id}: beløb', en: '{id}: amount' },
  'workbook.grant.status': { da: '{id}: status', en: '{id}: status' },
  'workbook.grant.released': { da: 'Udbetalt for resultatkrav', en: 'Released for requirements' },
  'workbook.grant.withheld': { da: 'Tilbageholdt', en: 'Withheld' },
  'workbook.grant.payoutTotal': { da: 'Udbetalt i alt', en: 'Paid out in all' },
  'workbook.kpi.title': { da: 'Resultatmål opgjort pr. {asOf}', en: 'Result targets as of {asOf}' },
  'workbook.kpi.kpi': { da: 'Resultatmål', en: 'Result target' },
  'workbook.kpi.municipality': { da: 'Kommune', en: 'Municipality' },
  'workbook.kpi.latest': { da: 'Seneste periode', en: 'Latest period' },
  'workbook.kpi.period': { da: 'Periode', en: 'Period' },
  'workbook.kpi.series': { da: 'Serie', en: 'Series' },
  'workbook.kpi.value': { da: 'Værdi', en: 'Value' },
  'workbook.kpi.target': { da: 'Mål', en: 'Target' },
  'workbook.kpi.status': { da: 'Status', en: 'Status' },
  'workbook.kpi.sheet': { da: 'Ark', en: 'Sheet' },
  'workbook.sheet.projection': { da: 'Fremskrivning', en: 'Projection' },
  'workbook.projection.title': {
    da: 'Fremskrivning af de målinger, der ikke er endelige',
    en: 'Projection of the measurements not yet final',
  },
  'workbook.projection.note': {
    da: 'En fremskrivning er et skøn under de angivne antagelser; den bogføres aldrig.',
    en: 'A projection is an estimate under the stated assumptions; it is never booked.',
  },
  'workbook.projection.booked': {
    da: 'Bogført af de endelige målinger',
    en: 'Booked by the final measurements',
  },
  'workbook.projection.business_case': { da: 'Scenarie: business casen', en: 'Scenario: the business case' },
  'workbook.projection.trajectory': {
    da: 'Scenarie: den nuværende udvikling fastholdt',
    en: 'Scenario: the current trajectory held',
  },
  'workbook.projection.expected': { da: 'Forventet tilbagebetaling i alt', en: 'Expected repayment in all' },
  'workbook.projection.against': { da: 'I forhold til business casen', en: 'Against the business case' },
  'workbook.projection.capBindsIn': { da: 'Loftet rammes i', en: 'The cap binds in' },
  'workbook.projection.remaining': { da: 'Tællende måneder tilbage', en: 'Counted months remaining' },
  'workbook.projection.latestShare': {
    da: 'Seneste afsluttede måneds andel ({month})',
    en: "The latest complete month's share ({month})",
  },
  'workbook.projection.needed': {
    da: '{id}: andel der skal nås i én tællende måned',
    en: '{id}: share to reach in one counted month',
  },
  'workbook.projection.neededPersons': {
    da: '{id}: antal af indsatsgruppen på {group}',
    en: '{id}: persons of the group of {group}',
  },
  'workbook.projection.payout': { da: 'Forventet udbetaling i alt', en: 'Expected payout in all' },
  'workbook.projection.againstGrant': { da: 'I forhold til tilsagnet', en: 'Against the grant' },
  // ── The finance report ──
  'finance.dsi.who': {
    da: 'Hvem tæller: deltagerne i programmet «{programme}». En deltager tælles med fra den første hele måned, når der er gået {months} måneder efter visitationen, og tælles fortsat med, også efter udskrivning.',
    en: 'Who counts: the participants of the programme «{programme}». A participant counts from the first whole month once {months} months have passed since enrolment, and keeps counting after leaving.',
  },
  'finance.dsi.success': {
    da: 'Succes (mål 1): mindst én måned i halvåret med mindst {hours} løntimer eller med uddannelse. Der betales for merresultatet: succeserne ud over baselineandelen på {baseline} af de målte (merresultat = succeser − {baseline} × målte).',
    en: 'Success (goal 1): at least one month in the half-year with at least {hours} wage hours or in education. The excess is paid: the successes above the baseline share of {baseline} of those measured (excess = successes − {baseline} × measured).',
  },
  'finance.dsi.prices': {
    da: 'Priser: mål 1 betaler {price1} pr. merresultat, dvs. {share1} af den forventede tilbagebetaling på {repayment} fordelt på business casens forventede merresultat på {excess} ved {population} deltagere. Mål 2 betaler {price2} pr. deltager, hvis livstilfredshed er steget mindst {months} måneder efter første svar, dvs. {share2} af {repayment} fordelt på {rate} af de {population}.',
    en: 'Prices: goal 1 pays {price1} per excess success, i.e. {share1} of the expected repayment of {repayment} spread over the business case’s expected excess of {excess} at {population} participants. Goal 2 pays {price2} per participant whose life satisfaction rose at least {months} months after the first answer, i.e. {share2} of {repayment} spread over {rate} of the {population}.',
  },
  'finance.dsi.cap': {
    da: 'Loft og kalender: tilbagebetalingen kan højst blive {cap}, og der måles hvert halvår fra {first} til {last}. En måling er foreløbig, indtil halvåret er slut og alle dets måneder er leveret; kun endelige målinger bogføres. Bogført beløb = det afrundede kumulerede beløb efter loftet minus det forrige, så afrundingen aldrig løber løbsk.',
    en: 'Cap and calendar: the repayment is at most {cap}, and measurements are half-yearly from {first} to {last}. A measurement is provisional until the half-year has ended and all its months are delivered; only final measurements are booked. Booked = the rounded cumulative amount after the cap minus the previous one, so rounding never drifts.',
  },
  'finance.dsi.noMeasurement': {
    da: 'Der er endnu ingen målinger: den første er {first}. Tabellerne er derfor tomme; fremskrivningen nedenfor viser, hvad kontrakten er på vej mod.',
    en: 'There are no measurements yet: the first is {first}. The tables are therefore empty; the projection below shows what the contract is heading for.',
  },
  'finance.noMeasurementYet': {
    da: 'Der er endnu ingen målinger.',
    en: 'There are no measurements yet.',
  },
  'finance.grant.grant': {
    da: 'Tilsagn: {total} i alt. Rate 1 ({share}) på {rate1} udbetales ved start; resten frigives af resultatkravene.',
    en: 'Grant: {total} in all. Rate 1 ({share}), {rate1}, is paid at the start; the rest is released by the result requirements.',
  },
  'finance.grant.who': {
    da: 'Indsatsgruppen: alle visiteret til programmet «{programme}» i projektperioden {start} til {end}. En ung er i job eller uddannelse i en måned med løntimer eller uddannelse.',
    en: 'The group: everyone enrolled in the programme «{programme}» in the project period {start} to {end}. A young person is in work or education in a month with wage hours or education.',
  },
  'finance.grant.requirement': {
    da: '{id}: mindst {threshold} af indsatsgruppen i job eller uddannelse i én tællende måned frigiver {amount} ({share} af tilsagnet).',
    en: '{id}: at least {threshold} of the group in work or education in one counted month releases {amount} ({share} of the grant).',
  },
  'finance.grant.counted': {
    da: 'Tællende måneder: hele måneder fra {from} til {to} (projektperiodens anden halvdel). Et krav, der ikke er nået, når den sidste tællende måned er slut, er ikke opfyldt, og beløbet tilbageholdes.',
    en: 'Counted months: whole months from {from} to {to} (the second half of the project period). A requirement not met when the last counted month has ended is not met, and its amount is withheld.',
  },
  'finance.projection.caption': {
    da: 'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de {booked}, som de endelige har bogført. Den nuværende udvikling holder {basedOn}s andel og antal fast.',
    en: 'Projection (never booked): the measurements not yet final, on top of the {booked} the final ones booked. The current trajectory holds the share and numbers of {basedOn}.',
  },
  'finance.projection.grantCaption': {
    da: 'Fremskrivning (bogføres ikke): {remaining} tællende måneder tilbage; seneste afsluttede måned {basedOn} med {share} i job eller uddannelse.',
    en: 'Projection (never booked): {remaining} counted months remaining; the latest complete month {basedOn} with {share} in work or education.',
  },
  'finance.projection.captionNoTrajectory': {
    da: 'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de {booked}, som de endelige har bogført. Der er endnu ingen måling at fastholde.',
    en: 'Projection (never booked): the measurements not yet final, on top of the {booked} the final ones booked. There is no measurement to hold yet.',
  },
  'finance.projection.grantCaptionNoMonth': {
    da: 'Fremskrivning (bogføres ikke): {remaining} tællende måneder tilbage; endnu ingen afsluttet måned med en indsatsgruppe.',
    en: 'Projection (never booked): {remaining} counted months remaining; no complete month with a group yet.',
  },
  'projection.name.business_case': { da: 'Business casen', en: 'The business case' },
  'projection.name.trajectory': { da: 'Nuværende udvikling fastholdt', en: 'Current trajectory held' },
  'finance.projection.scenarios': {
    da: 'Forventet udbetaling under hvert scenarie',
    en: 'Expected payout under each scenario',
  },
  'finance.projection.scenario': {
    da: 'Scenarie',
    en: 'Scenario',
  },
  'finance.projection.neededShare': {
    da: 'Skal nå i én tællende måned',
    en: 'To reach in one counted month',
  },
  'finance.projection.neededPersons': {
    da: 'Af indsatsgruppen',
    en: 'Of the group',
  },
  'finance.projection.ofGroup': {
    da: '{n} af {group}',
    en: '{n} of {group}',
  },
  'finance.projection.bookedLine': {
    da: 'Bogført',
    en: 'Booked',
  },
  'finance.projection.chartTitle': {
    da: '{title}: bogført og fremskrevet tilbagebetaling',
    en: '{title}: booked and projected repayment',
  },
  'finance.workbook': {
    da: 'Revisionssporet: {file} har parametrene, hver måling med formlerne bag og evidensen, som hvert tal tælles op fra.',
    en: 'The audit trail: {file} has the parameters, every measurement with the formulas behind it, and the evidence every count is counted from.',
  },
  'report.col.initiative': { da: 'Indsats', en: 'Initiative' },
  'report.col.owner': { da: 'Ansvarlig', en: 'Owner' },
  'report.col.baseline': { da: 'Baseline', en: 'Baseline' },
  'report.col.trend': { da: 'Udvikling', en: 'Trend' },
  'report.initiative.owner': { da: 'Ansvarlig: {owner}', en: 'Owner: {owner}' },
  'report.initiative.followUp': { da: 'Opfølgning: {followUp}', en: 'Follow-up: {followUp}' },
  'report.initiative.themes': { da: 'Temaer: {themes}', en: 'Themes: {themes}' },
  'report.initiative.noTheme': { da: 'Uden tema', en: 'No theme' },
  'report.initiative.status': { da: 'Status: {status}.', en: 'Status: {status}.' },
  'report.initiative.cards': { da: 'Indsatserne én for én', en: 'The initiatives one by one' },
  'report.initiative.none': {
    da: 'Der er ingen indsatser i konfigurationen (initiatives).',
    en: 'The configuration has no initiatives (initiatives).',
  },
  'followUp.month': { da: 'hver måned', en: 'every month' },
  'followUp.quarter': { da: 'hvert kvartal', en: 'every quarter' },
  'followUp.half_year': { da: 'hvert halvår', en: 'every half-year' },
  'followUp.year': { da: 'hvert år', en: 'every year' },
  'period.halfYear': { da: '{n}. halvår {year}', en: 'H{n} {year}' },
  'trend.up': { da: 'stigende', en: 'rising' },
  'trend.down': { da: 'faldende', en: 'falling' },
  'trend.flat': { da: 'uændret', en: 'unchanged' },
  'trend.better': { da: '(bedre)', en: '(better)' },
  'trend.worse': { da: '(dårligere)', en: '(worse)' },
  'report.col.goal1': { da: 'Mål 1', en: 'Goal 1' },
  'report.col.goal2': { da: 'Mål 2', en: 'Goal 2' },
  'report.col.repayment': { da: 'Tilbagebetalt', en: 'Repaid' },
  'report.col.cap': { da: 'Loft', en: 'Cap' },
  'report.col.capReachedIn': { da: 'Loftet nået i', en: 'Cap reached in' },
  'report.col.expectedRepayment': { da: 'Forventet', en: 'Expected' },
  'report.col.measurement': { da: 'Måling', en: 'Measurement' },
  'report.col.measured': { da: 'Målte', en: 'Measured' },
  'report.col.successes': { da: 'Succeser', en: 'Successes' },
  'report.col.share': { da: 'Andel', en: 'Share' },
  'report.col.excess': { da: 'Merresultat', en: 'Excess' },
  'report.col.goal2Successes': { da: 'Mål 2, succeser', en: 'Goal 2, successes' },
  'report.col.booked': { da: 'Bogført', en: 'Booked' },
  'report.col.beforeCap': { da: 'Kumuleret før loft', en: 'Cumulative before cap' },
  'report.col.cumulative': { da: 'Akkumuleret', en: 'Cumulative' },
  'report.col.capApplied': { da: 'Loft nået', en: 'Capped' },
  'report.col.rate1': { da: 'Rate 1', en: 'Rate 1' },
  'report.col.released': { da: 'Frigivet', en: 'Released' },
  'report.col.withheld': { da: 'Tilbageholdt', en: 'Withheld' },
  'report.col.total': { da: 'I alt', en: 'Total' },
  'report.col.requirement': { da: 'Krav', en: 'Requirement' },
  'report.col.threshold': { da: 'Grænse', en: 'Threshold' },
  'report.col.firstMonthMet': { da: 'Først opfyldt', en: 'First met' },
  'report.col.bestShare': { da: 'Bedste andel', en: 'Best share' },
  'report.col.bestMonth': { da: 'Bedste måned', en: 'Best month' },
  'report.col.amount': { da: 'Beløb', en: 'Amount' },
  'report.heldNote': {
    da: 'Holdt tilbage: tallene er fra forrige offentliggørelse ({files}).',
    en: 'Held back: the figures are those of the previous publication ({files}).',
  },
  'report.banner.title': { da: 'Tal holdt tilbage.', en: 'Figures held back.' },
  'report.banner.text': {
    da: 'Disse tal er ikke opdateret i denne kørsel, fordi en fil, de bygger på, blev afvist eller er blevet mindre end sidst. De viste tal er fra den forrige offentliggørelse.',
    en: 'These figures were not updated by this run, because a file they read was rejected or is smaller than last time. The figures shown are those of the previous publication.',
  },
  'report.banner.fix': {
    da: 'Ret eller genlever filen; næste kørsel opdaterer tallene. Er ændringen tilsigtet, kan kørslen offentliggøre de nye tal med --allow-partial.',
    en: 'Fix or re-deliver the file; the next run updates the figures. If the change is intended, the run can publish the new figures with --allow-partial.',
  },
  'report.banner.contract': { da: 'Kontrakt {id}', en: 'Contract {id}' },
  'report.blockFailed': {
    da: 'Notebook {file}, blok {n} (sql {arg}) fejlede. DuckDB siger: {message}',
    en: 'Notebook {file}, block {n} (sql {arg}) failed. DuckDB says: {message}',
  },
  'report.unnamed': { da: 'uden navn', en: 'unnamed' },
  'report.notJson': {
    da: 'Notebook {file}, blok {n} (vega-lite) er ikke gyldig JSON: {message}',
    en: 'Notebook {file}, block {n} (vega-lite) is not valid JSON: {message}',
  },
  'report.unknownData': {
    da: 'Notebook {file}, blok {n} (vega-lite) bruger data "{data}", men ingen sql-blok før den har det navn',
    en: 'Notebook {file}, block {n} (vega-lite) uses data "{data}", but no sql block before it has that name',
  },
  'report.unknownKpi': {
    da: 'Notebook {file}, blok {n} (kpi {id}): ingen offentliggjort KPI har dette id',
    en: 'Notebook {file}, block {n} (kpi {id}): no published KPI has this id',
  },
  'report.unknownContract': {
    da: 'Notebook {file}, blok {n} (contract {id}): ingen kontrakt har dette id',
    en: 'Notebook {file}, block {n} (contract {id}): no contract has this id',
  },
  'report.nothingPublished': {
    da: '{out} har ingen offentliggjort kørsel at lave rapporter ud fra (public/kpis.json mangler). Kør kpi run først.',
    en: '{out} has no published run to report on (public/kpis.json is missing). Run kpi run first.',
  },
  'sentence.none': {
    da: 'Der er endnu ingen afsluttet periode med data.',
    en: 'There is no complete period with data yet.',
  },
  'sentence.suppressed': {
    da: 'Tallet for {period} vises ikke, fordi det bygger på færre end {minCell} personer. Status: {status}.',
    en: 'The figure for {period} is not shown, because it rests on fewer than {minCell} persons. Status: {status}.',
  },
  'sentence.noun.share': { da: 'Andelen', en: 'The share' },
  'sentence.noun.count': { da: 'Antallet', en: 'The number' },
  'sentence.noun.other': { da: 'Værdien', en: 'The value' },
  'sentence.rose': {
    da: '{noun} steg fra {from} i {fromPeriod} til {to} i {toPeriod}',
    en: '{noun} rose from {from} in {fromPeriod} to {to} in {toPeriod}',
  },
  'sentence.fell': {
    da: '{noun} faldt fra {from} i {fromPeriod} til {to} i {toPeriod}',
    en: '{noun} fell from {from} in {fromPeriod} to {to} in {toPeriod}',
  },
  'sentence.unchanged': {
    da: '{noun} var uændret {value} fra {fromPeriod} til {toPeriod}',
    en: '{noun} was unchanged at {value} from {fromPeriod} to {toPeriod}',
  },
  'sentence.was': { da: '{noun} var {value} i {period}', en: '{noun} was {value} in {period}' },
  'sentence.target': {
    da: '; målet for {period} var {target}. ',
    en: '; the target for {period} was {target}. ',
  },
  'sentence.met': { da: 'Målet er nået.', en: 'The target is met.' },
  'sentence.notMet': { da: 'Målet er ikke nået.', en: 'The target is not met.' },
  'sentence.noTarget': { da: '. Der er ikke fastsat et mål.', en: '. No target is set.' },

  // ── Charts ────────────────────────────────────────────────────────────────────────────────────────
  'chart.source': { da: 'Kilde: {source}', en: 'Source: {source}' },
  'chart.status': { da: 'Status: {status}', en: 'Status: {status}' },
  'chart.latest': { da: ' ({period}: {value}{target})', en: ' ({period}: {value}{target})' },
  'chart.latestTarget': { da: ', mål {target}', en: ', target {target}' },
  'chart.axis.share': { da: 'Andel', en: 'Share' },
  'chart.axis.count': { da: 'Antal', en: 'Number' },
  'chart.axis.dkk': { da: 'Kroner', en: 'Kroner' },
  'chart.axis.other': { da: 'Værdi', en: 'Value' },
  'chart.axis.hours': { da: 'Timer', en: 'Hours' },
  'chart.axis.rank': { da: 'Placering (1 er bedst)', en: 'Rank (1 is best)' },
  'chart.axis.points': { da: 'Procentpoint', en: 'Percentage points' },
  'chart.legend.status': { da: 'Status', en: 'Status' },
  'chart.legend.lines': { da: 'Linjer', en: 'Lines' },
  'chart.dim.channel': { da: 'Kanal', en: 'Channel' },
  'chart.dim.facility': { da: 'Botilbud', en: 'Facility' },
  'chart.dim.survey': { da: 'Undersøgelse', en: 'Survey' },
  'chart.dim.segment': { da: 'Målgruppe', en: 'Target group' },
  'chart.dim.benefit_group': { da: 'Ydelsesgruppe', en: 'Benefit group' },
  'chart.tip.period': { da: 'Periode', en: 'Period' },
  'chart.tip.series': { da: 'Serie', en: 'Series' },
  'chart.tip.value': { da: 'Værdi', en: 'Value' },
  'chart.tip.status': { da: 'Status', en: 'Status' },
  'chart.line.series': { da: 'Udvikling', en: 'Actual' },
  'chart.line.target': { da: 'Mål', en: 'Target' },
  'chart.line.baseline': { da: 'Baseline', en: 'Baseline' },
  'chart.line.provisional': { da: 'Foreløbig', en: 'Provisional' },
  'chart.line.expected': { da: 'Forventet (forretningsplan)', en: 'Expected (business case)' },
  'chart.line.requirement': { da: 'Resultatkrav', en: 'Result requirement' },
  'chart.line.cap': { da: 'Loft', en: 'Cap' },
  'chart.baseline': { da: 'Baseline {period}: {value}', en: 'Baseline {period}: {value}' },
  'chart.grant.title': {
    da: '{title}: andel i beskæftigelse eller uddannelse',
    en: '{title}: share in employment or education',
  },
  'chart.grant.counted': {
    da: 'Tællende måneder (skraveret): {from} til {to}',
    en: 'Counted months (shaded): {from} to {to}',
  },
  'chart.dsi.title': {
    da: '{title}: målinger og tilbagebetalinger',
    en: '{title}: measurements and repayments',
  },
  'chart.dsi.share': { da: 'Andel med succes', en: 'Share with success' },
  'chart.dsi.paid': { da: 'Samlet tilbagebetaling (kr.)', en: 'Total repayment (kr.)' },
  'chart.dsi.measurement': { da: 'Måling', en: 'Measurement' },
  'chart.dsi.cap': { da: 'Loft: {cap}', en: 'Cap: {cap}' },
} as const satisfies Record<string, { da: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
