/** The message catalogue's part for: Reports. */
export const REPORT = {
  'report.noContracts': {
    da: 'Der er ingen resultatkontrakter i konfigurationen, så der er intet at udbetale eller efterprøve. En kontrakt tilføjes under contracts i konfigurationen (docs/contracts.md).',
    en: 'There are no outcome contracts in the configuration, so there is nothing to pay or audit. A contract is added under contracts in the configuration (docs/contracts.md).',
  },
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
} as const satisfies Record<string, { da: string; en: string }>;
