/** The message catalogue's part for: kpi check. */
export const CHECK = {
  'check.noExtension': { da: 'ingen filtype', en: 'no file type' },
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
    da: ', {n} sprunget over (titel-, total- og tomme rækker)',
    en: ', {n} skipped (title, totals and blank rows)',
  },
  'check.more': { da: '… og {n} flere', en: '… and {n} more' },
  'check.noFiles': { da: 'Indbakken har ingen filer.', en: 'The inbox has no files.' },
  'check.warning': { da: 'advarsel {code}: {message}', en: 'warning {code}: {message}' },
  'check.missing': {
    da: 'Ikke leveret, men brugt af de aktive KPI’er og kontrakter (de vises som "Ingen data"):',
    en: 'Not delivered, but read by the enabled KPIs and contracts (they show as "No data"):',
  },
  'check.wouldHold': {
    da: 'kpi run ville holde {n} tilbage (exit 3):',
    en: 'kpi run would hold back {n} (exit 3):',
  },
  'check.ready': {
    da: 'Klar til kørsel: ingen fil afvises helt, og intet holdes tilbage.',
    en: 'Ready to run: no file is rejected whole, and nothing is held back.',
  },
  'check.notReady': {
    da: 'Ikke klar: {rejected} afvises helt, {held} ville blive holdt tilbage. Ret filerne, og tjek igen.',
    en: 'Not ready: {rejected} rejected whole, {held} would be held back. Fix the files and check again.',
  },
  'check.files.one': { da: '1 fil', en: '1 file' },
  'check.files.many': { da: '{n} filer', en: '{n} files' },
  'check.inboxMissing': {
    da: 'Indbakken {inbox} findes ikke eller er ikke en mappe. Tjek --inbox.',
    en: 'The inbox {inbox} does not exist or is not a folder. Check --inbox.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
