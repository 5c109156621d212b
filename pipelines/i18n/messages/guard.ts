/** The message catalogue's part for: Hold-back, volumes, codes, the municipality (guard/). */
export const GUARD = {
  'hold.rejected': { da: '{file} blev afvist helt: {message}', en: '{file} was rejected whole: {message}' },
  'hold.unreadable': { da: 'filen kunne ikke læses', en: 'the file could not be read' },
  'hold.folderMissing': {
    da: 'mappen inbox/{extract} mangler, men forrige offentliggjorte kørsel læste {n} af dens rækker',
    en: 'the folder inbox/{extract} is missing, but the previous published run read {n} of its rows',
  },
  'hold.folderEmpty': {
    da: 'mappen inbox/{extract} er tom, men forrige offentliggjorte kørsel læste {n} af dens rækker',
    en: 'the folder inbox/{extract} is empty, but the previous published run read {n} of its rows',
  },
  'hold.carried': {
    da: 'Tallene fra forrige offentliggørelse står, til en leverance kan læses igen',
    en: 'The figures of the previous publication stand until a delivery can be read again',
  },
  'hold.firstRun': {
    da: 'Første kørsel: der er ingen tidligere tal at holde fast i, så der offentliggøres ingen tal, før en leverance kan læses',
    en: 'First run: there are no earlier figures to keep, so no figures are published until a delivery can be read',
  },
  'hold.shrank': {
    da: '{extract} er skrumpet med mere end {pct} % i forhold til forrige offentliggjorte kørsel (rækker: {months}{more}); formentlig et afkortet udtræk',
    en: '{extract} shrank against the previous published run by more than {pct} % (rows: {months}{more}); a truncated export is likely',
  },
  'hold.grew': {
    da: '{extract} er vokset med mere end {pct} % i en måned, som forrige offentliggjorte kørsel havde komplet (rækker: {months}{more}); formentlig en genlevering lagt ved siden af de tidligere, så rækkerne tælles to gange. Fjern den overlappende fil',
    en: '{extract} grew by more than {pct} % in a month the previous published run had complete (rows: {months}{more}); likely a re-export placed beside the earlier deliveries, so that rows count twice. Remove the overlapping file',
  },
  'hold.month': { da: '{month} {current} mod {previous}', en: '{month} {current} against {previous}' },
  'hold.allRows': { da: 'i alt', en: 'its rows' },
  'hold.moreMonths': { da: ' og {n} måneder mere', en: ' and {n} more months' },
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
  'clock.beforeData': {
    da: 'Der er ingen leverede data før {asOf}; tjek datoen eller --as-of (uden --as-of er det maskinens dato i dag). Alle {rows} med en måned er dateret efter opgørelsesmåneden. Intet er offentliggjort, og den forrige offentliggørelse står urørt.',
    en: 'There are no delivered data before {asOf}; check the date or --as-of (without --as-of it is the machine’s date today). All {rows} with a month are dated after the as-of month. Nothing was published, and the previous publication stands untouched.',
  },
  'warn.otherMunicipality': {
    da: '{file}: {rows} er fra en anden kommune ({codes}) og er lagt i karantæne (other_municipality). En anden kommunes borgere offentliggøres aldrig som jeres; leverer I med vilje data for flere kommuner, så skriv dem i municipalities i konfigurationen.',
    en: '{file}: {rows} are from another municipality ({codes}) and were quarantined (other_municipality). Another municipality’s citizens are never published as yours; if you deliver data for several municipalities on purpose, list them in municipalities in the configuration.',
  },
  'warn.futureDate': {
    da: '{file}: {rows} er dateret efter opgørelsesmåneden og er lagt i karantæne (future_date); tjek datoerne i filen, eller om --as-of (eller maskinens ur) er rigtig.',
    en: '{file}: {rows} are dated after the as-of month and were quarantined (future_date); check the dates in the file, or whether --as-of (or the machine’s clock) is right.',
  },
  'municipality.unknown': { da: 'ukendt kommune', en: 'unknown municipality' },
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
} as const satisfies Record<string, { da: string; en: string }>;
