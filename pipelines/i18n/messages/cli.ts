/** The message catalogue's part for: The command line. */
export const CLI = {
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
  'cli.cmd.init': {
    da: 'skriv en startkonfiguration for en kommune (kommunekode eller navn), med en README på dansk',
    en: 'write a starting configuration for a municipality (kommunekode or name), with a README',
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
  'cli.opt.municipality': {
    da: 'til init: kommunen, som kommunekode (fx 376) eller navn; --out er så konfigurationsfilen (standard ./kpi.config.json)',
    en: 'for init: the municipality, as kommunekode (e.g. 376) or name; --out is then the configuration file (default ./kpi.config.json)',
  },
  'cli.opt.force': {
    da: 'til report: dan rapporterne med --config, selv om dens kontrakter ikke er den offentliggjorte kørsels',
    en: 'for report: render the reports with --config even when its contracts are not the published run’s',
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
  'cli.stopped': {
    da: 'Stoppet af {signal}: intet nyt er offentliggjort, den forrige offentliggørelse gælder stadig, og låsen er frigivet.',
    en: 'Stopped by {signal}: nothing new was published, the previous publication still stands, and the lock was released.',
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
} as const satisfies Record<string, { da: string; en: string }>;
