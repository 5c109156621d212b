/** The message catalogue's part for: Describing a KPI: target rules, units (explain, reports). */
export const DESCRIBE = {
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
} as const satisfies Record<string, { da: string; en: string }>;
