/** The message catalogue's part for: The run's summary (stdout). */
export const SUMMARY = {
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
    da: '{id}: op til {paid} af tilsagnet på {total} (udbetales efter slutregnskabet); {requirements}',
    en: '{id}: up to {paid} of the grant of {total} (paid after the final accounts); {requirements}',
  },
  'summary.rows': {
    da: 'Rækker: {read} læst, {loaded} indlæst, {rejected} i karantæne',
    en: 'Rows: {read} read, {loaded} loaded, {rejected} quarantined',
  },
  'summary.rowsSkipped': {
    da: ', {skipped} sprunget over (titel-, total- og tomme rækker)',
    en: ', {skipped} skipped (title, totals and blank rows)',
  },
  'summary.rowsFiles.one': { da: ' (1 fil; se {dir})', en: ' (1 file; see {dir})' },
  'summary.rowsFiles.many': { da: ' ({n} filer; se {dir})', en: ' ({n} files; see {dir})' },
  'summary.fileRejected': { da: '{file}: afvist: {message}', en: '{file}: rejected: {message}' },
  'summary.fileQuarantined': {
    da: '{file}: {rejected} af {read} rækker i karantæne',
    en: '{file}: {rejected} of {read} rows quarantined',
  },
  'summary.heldBack': {
    da: 'Holdt tilbage ({n}), fordi noget, de bygger på, ikke kan stoles på i nat:',
    en: 'Held back ({n}), because something they read cannot be trusted tonight:',
  },
  'summary.contractMark': { da: '{id} (kontrakt)', en: '{id} (contract)' },
  'summary.listMark': { da: '{id} (liste)', en: '{id} (list)' },
  'summary.heldBackFix': {
    da: 'Gør dette: ret eller genlever filen, og kør igen; tallene opdateres ved næste kørsel.',
    en: 'What to do: fix or re-deliver the file and run again; the figures are updated by the next run.',
  },
  'summary.heldBackAllow': {
    da: 'Er ændringen tilsigtet, så offentliggør de nye tal med: kpi run --allow-partial',
    en: 'If the change is intended, publish the new figures with: kpi run --allow-partial',
  },
  'summary.warnings': { da: 'Advarsler ({n}, se manifest.json):', en: 'Warnings ({n}, see manifest.json):' },
} as const satisfies Record<string, { da: string; en: string }>;
