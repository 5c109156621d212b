/** The message catalogue's part for: The run: progress, warnings, failures. */
export const RUN = {
  'previous.otherMunicipality': {
    da: '{out} indeholder en offentliggørelse for {theirs} (kørsel {runId}, opgjort pr. {asOf}), men konfigurationen er for {ours}. En anden kommunes tal overskrives ikke, og mængderne sammenlignes ikke med dem. Vælg en anden mappe med --out (fx --out ./output-{folder}), eller ret konfigurationen.',
    en: '{out} holds a publication for {theirs} (run {runId}, as of {asOf}), but the configuration is for {ours}. Another municipality’s figures are not overwritten, and volumes are not compared with them. Choose another folder with --out (e.g. --out ./output-{folder}), or fix the configuration.',
  },
  'previous.otherInbox': {
    da: 'Den forrige offentliggørelse i {out} læste en anden indbakke ({theirs}, nu {ours}); mængderne sammenlignes ikke med den i nat.',
    en: 'The previous publication in {out} read another inbox ({theirs}, now {ours}); volumes are not compared with it tonight.',
  },
  'previous.none': {
    da: 'Sammenlignet med: ingen tidligere offentliggørelse i {out} (første kørsel).',
    en: 'Compared with: no earlier publication in {out} (first run).',
  },
  'previous.compared': {
    da: 'Sammenlignet med: {out}, {municipality}, kørsel {runId}, opgjort pr. {asOf}.',
    en: 'Compared with: {out}, {municipality}, run {runId}, as of {asOf}.',
  },
  'previous.notCompared': {
    da: 'Ikke sammenlignet: {out}, {municipality}, kørsel {runId}, opgjort pr. {asOf}, læste en anden indbakke.',
    en: 'Not compared: {out}, {municipality}, run {runId}, as of {asOf}, read another inbox.',
  },
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
    da: '{file}: {status}{cached}, {loaded} af {read} rækker med',
    en: '{file}: {status}{cached}, {loaded} of {read} rows kept',
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
    da: '{read} rækker læst = {loaded} indlæst + {rejected} i karantæne + {skipped} sprunget over (titel-, total- og tomme rækker)',
    en: '{read} rows read = {loaded} loaded + {rejected} quarantined + {skipped} skipped (title, totals and blank rows)',
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
} as const satisfies Record<string, { da: string; en: string }>;
