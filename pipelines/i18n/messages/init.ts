/** The message catalogue's part for: `kpi init`, a municipality's starting configuration and its README. */
export const INIT = {
  'init.usage': {
    da: 'kpi init skal vide, hvilken kommune konfigurationen er til: brug --municipality med kommunekoden, fx kpi init --municipality 376 (Guldborgsund Kommune).',
    en: 'kpi init needs to know which municipality the configuration is for: use --municipality with the kommunekode, e.g. kpi init --municipality 376 (Guldborgsund Kommune).',
  },
  'init.unknown': {
    da: '"{value}" er ikke en af de 98 kommuner (kommunekode med tre cifre, fx 376, eller navnet).{hint}',
    en: '"{value}" is not one of the 98 municipalities (a three-digit kommunekode, e.g. 376, or the name).{hint}',
  },
  'init.exists': {
    da: '{file} findes allerede; kpi init overskriver ikke en konfiguration. Vælg en anden fil med --out, eller flyt den gamle væk.',
    en: '{file} already exists; kpi init does not overwrite a configuration. Choose another file with --out, or move the old one away.',
  },
  'init.wrote': {
    da: 'Skrev {config} og {readme} for {name} ({code}).\nNæste skridt:\n  1. Læs {readme}, og sæt kommunens baselines, mål og kilder ind under "kpis".\n  2. Læg udtrækkene i en indbakke, én mappe pr. udtræk (docs/inbox.md).\n  3. npm run kpi -- check --inbox ./inbox --out ./output --config {config}\n  4. npm run kpi -- run --inbox ./inbox --out ./output --config {config}',
    en: 'Wrote {config} and {readme} for {name} ({code}).\nNext steps:\n  1. Read {readme}, and put the municipality’s baselines, targets and sources under "kpis".\n  2. Put the extracts in an inbox, one folder per extract (docs/inbox.md).\n  3. npm run kpi -- check --inbox ./inbox --out ./output --config {config}\n  4. npm run kpi -- run --inbox ./inbox --out ./output --config {config}',
  },
  'init.readme.title': {
    da: '# Konfiguration for {name} ({code})',
    en: '# Configuration for {name} ({code})',
  },
  'init.readme.intro': {
    da: '`{config}` er skrevet af `kpi init`. JSON kan ikke have kommentarer, så de står her. Filen indeholder kommunen, reglen for små tal og alle KPI’erne med deres nationale definition, men ingen baselines, mål eller kontrakter: dem sætter kommunen selv. Indtil da offentliggøres hver KPI med sine tal og status "Intet mål".',
    en: '`{config}` was written by `kpi init`. JSON cannot hold comments, so they are here. The file holds the municipality, the small-numbers rule and every KPI with its national definition, but no baselines, targets or contracts: the municipality sets those itself. Until then each KPI is published with its figures and the status "Intet mål" (no target).',
  },
  'init.readme.municipality': {
    da: '## Kommunen\n\n`municipality` er {name} med kommunekode {code}. Rækker med en anden kommunekode lægges i karantæne (`other_municipality`), så en nabokommunes data aldrig offentliggøres som jeres. Leverer I data for flere kommuner, så skriv dem i `municipalities`, fx `["{code}", "360"]`; hver får så sine egne afsnit.',
    en: '## The municipality\n\n`municipality` is {name}, kommunekode {code}. Rows with another kommunekode are quarantined (`other_municipality`), so that a neighbour’s data is never published as yours. If you deliver data for several municipalities, list them in `municipalities`, e.g. `["{code}", "360"]`; each then gets its own sections.',
  },
  'init.readme.minCell': {
    da: '## Små tal\n\n`minCell: {minCell}`: tal fra 1 til {below} personer skjules i alt offentligt (diskretion), i hver opdeling. Sæt den ikke lavere uden jeres databeskyttelsesrådgivers accept.',
    en: '## Small numbers\n\n`minCell: {minCell}`: counts of 1 to {below} persons are suppressed in everything public (disclosure control), in every breakdown. Do not lower it without your data protection officer’s consent.',
  },
  'init.readme.kpis': {
    da: '## KPI’erne\n\nHver KPI under `kpis` kan få:\n\n- `baseline`: `{ "period": "2024" }` (værdien beregnes af data) eller `{ "period": "2024", "value": 0.12 }` (bruges, når data for perioden mangler);\n- `target`: en regel, fx `{ "rule": "relative_growth", "perYear": 0.02 }` (2 % om året), `{ "rule": "absolute_change", "perYear": -0.01, "until": "2028" }` (1 procentpoint ned om året), `{ "rule": "threshold", "min": 0.5 }` eller `{ "rule": "none" }`;\n- `source` og `passage`: kommunens egen kilde til målet (strategi, udvalgsbeslutning) og dens ordlyd, som rapporterne citerer;\n- `enabled: false`: KPI’en beregnes og offentliggøres ikke.\n\ndocs/configuration.md og docs/kpis.md har alle regler.',
    en: '## The KPIs\n\nEach KPI under `kpis` may have:\n\n- `baseline`: `{ "period": "2024" }` (the value is computed from the data) or `{ "period": "2024", "value": 0.12 }` (used when the period has no data);\n- `target`: a rule, e.g. `{ "rule": "relative_growth", "perYear": 0.02 }` (2 % a year), `{ "rule": "absolute_change", "perYear": -0.01, "until": "2028" }` (one percentage point down a year), `{ "rule": "threshold", "min": 0.5 }` or `{ "rule": "none" }`;\n- `source` and `passage`: the municipality’s own source for the target (a strategy, a committee’s decision) and its words, which the reports quote;\n- `enabled: false`: the KPI is neither computed nor published.\n\ndocs/configuration.md and docs/kpis.md have every rule.',
  },
  'init.readme.kpi': {
    da: '### `{id}`: {title}\n\n{definition}\n\n- Kilde (national): {source}\n- Læser: {extracts}\n- Enhed: {unit}.',
    en: '### `{id}`: {title}\n\n{definition}\n\n- Source (national): {source}\n- Reads: {extracts}\n- Unit: {unit}.',
  },
  'init.readme.contracts': {
    da: '## Kontrakter\n\n`contracts` er tom: ingen resultatkontrakt evalueres, og ingen kontrakt-KPI eller kontraktafsnit vises. Har kommunen en kontrakt med Den Sociale Investeringsfond (som Jobfokus) eller et tilsagn med resultatkrav (som Ungeløftet), så tilføj den som beskrevet i docs/contracts.md; examples/lolland/kpi.config.json viser Lolland Kommunes to.',
    en: '## Contracts\n\n`contracts` is empty: no outcome contract is evaluated, and no contract KPI or contract section appears. If the municipality has a contract with Den Sociale Investeringsfond (like Jobfokus) or a grant with result requirements (like Ungeløftet), add it as docs/contracts.md describes; examples/lolland/kpi.config.json shows Lolland Kommune’s two.',
  },
  'init.readme.next': {
    da: '## Næste skridt\n\n1. Læg udtrækkene i en indbakke, én mappe pr. udtræk (docs/inbox.md).\n2. `npm run kpi -- check --inbox ./inbox --out ./output --config {config}` siger, hvad der ville blive lagt i karantæne eller holdt tilbage, uden at skrive noget.\n3. `npm run kpi -- run --inbox ./inbox --out ./output --config {config}` offentliggør.',
    en: '## Next steps\n\n1. Put the extracts in an inbox, one folder per extract (docs/inbox.md).\n2. `npm run kpi -- check --inbox ./inbox --out ./output --config {config}` says what would be quarantined or held back, without writing anything.\n3. `npm run kpi -- run --inbox ./inbox --out ./output --config {config}` publishes.',
  },
} as const;
