/** The message catalogue's part for: The demo and the scheduler. */
export const DEMO = {
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
} as const satisfies Record<string, { da: string; en: string }>;
