/** The message catalogue's part for: The finance report. */
export const FINANCE = {
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
  'finance.source': { da: ' (Kilde: {source}.)', en: ' (Source: {source}.)' },
  'finance.dsi.footing': {
    da: 'Afrunding: hver rækkes beløb er afrundet til ører for sig, mens totalerne og det bogførte er afrundet af de præcise beløb (bogført = det afrundede kumulerede beløb minus det forrige). En kolonne kan derfor summere til et par ører mere eller mindre end sin total; det bogførte summerer altid præcist.',
    en: 'Rounding: each row’s amount is rounded to the øre on its own, while the totals and the booked amounts are rounded from the exact amounts (booked = the rounded cumulative amount minus the previous one). A column may therefore add up to a few øre more or less than its total; the booked amounts always add up exactly.',
  },
  'finance.dsi.footingHere': {
    da: ' Her summerer {column} til {sum}, mens totalen er {total}',
    en: ' Here {column} adds up to {sum}, while its total is {total}',
  },
  'finance.noMeasurementYet': {
    da: 'Der er endnu ingen målinger.',
    en: 'There are no measurements yet.',
  },
  'finance.grant.grant': {
    da: 'Tilsagn: {total} i alt, udbetalt bagudrettet. Rate 1 ({share}) på {rate1} udbetales efter godkendt mellemregnskab (et ledelsespåtegnet delregnskab), uden resultatkrav. Resten udbetales efter det endelige slutregnskab, op til det, resultatkravene frigiver; indtil da er alle beløb "op til".',
    en: 'Grant: {total} in all, paid in arrears. Rate 1 ({share}), {rate1}, is paid after approved interim accounts (signed by management), with no result requirement. The rest is paid after the final accounts, up to what the result requirements release; until then every amount is "up to".',
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
    da: 'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de {booked}, som de endelige har bogført. Den nuværende udvikling holder den seneste endelige måling, {basedOn}, fast.',
    en: 'Projection (never booked): the measurements not yet final, on top of the {booked} the final ones booked. The current trajectory holds the latest final measurement, {basedOn}.',
  },
  'finance.projection.grantCaption': {
    da: 'Fremskrivning (bogføres ikke): {remaining} tællende måneder tilbage; seneste afsluttede måned {basedOn} med {share} i job eller uddannelse.',
    en: 'Projection (never booked): {remaining} counted months remaining; the latest complete month {basedOn} with {share} in work or education.',
  },
  'finance.projection.captionNoTrajectory': {
    da: 'Fremskrivning (bogføres ikke): de målinger, der ikke er endelige, oven på de {booked}, som de endelige har bogført. Der er endnu ingen endelig måling at fastholde.',
    en: 'Projection (never booked): the measurements not yet final, on top of the {booked} the final ones booked. There is no final measurement to hold yet.',
  },
  'finance.projection.grantCaptionNoMonth': {
    da: 'Fremskrivning (bogføres ikke): {remaining} tællende måneder tilbage; endnu ingen afsluttet måned med en indsatsgruppe.',
    en: 'Projection (never booked): {remaining} counted months remaining; no complete month with a group yet.',
  },
  'projection.name.business_case': {
    da: 'Resten som planlagt i business casen',
    en: 'The rest as the business case planned it',
  },
  'projection.name.current_trajectory': {
    da: 'Resten som seneste endelige måling',
    en: 'The rest as the latest final measurement',
  },
  'projection.label.business_case': {
    da: 'Scenarie: resten af målingerne som planlagt i business casen (ikke business casen selv, som forventer {repayment} kr. i alt)',
    en: 'Scenario: the rest of the measurements as the business case planned them (not the business case itself, which expects {repayment} kr. in all)',
  },
  'projection.label.current_trajectory': {
    da: 'Scenarie: resten af målingerne som den seneste endelige måling, {period}',
    en: 'Scenario: the rest of the measurements as the latest final measurement, {period}',
  },
  'projection.assume.bcGoal1': {
    da: 'Mål 1: hver af de {n} åbne målinger har den planlagte population på {planned} og business casens forventede andel for sit år.',
    en: 'Goal 1: each of the {n} open measurements has the planned population of {planned} and the business case’s expected share for its year.',
  },
  'projection.assume.trajectoryGoal1': {
    da: 'Mål 1: hver af de {n} åbne målinger har andelen og populationen fra den seneste endelige måling, {period}: {share} ({successes} af {population}).',
    en: 'Goal 1: each of the {n} open measurements has the share and population of the latest final measurement, {period}: {share} ({successes} of {population}).',
  },
  'projection.assume.goal2': {
    da: 'Mål 2 betales én gang pr. deltager: de {seen} succeser, der allerede er set, betales i deres måling; af de {pool} planlagte deltagere uden succes endnu får business casens {rate} succes, fordelt ligeligt på de {future} målinger uden data endnu.',
    en: 'Goal 2 is paid once per participant: the {seen} successes already seen are paid in their measurement; of the {pool} planned participants without a success yet, the business case’s {rate} succeed, spread evenly over the {future} measurements without data yet.',
  },
  'projection.assume.goal2Observed': {
    da: 'Mål 2 betales én gang pr. deltager: de {seen} succeser, der allerede er set, betales i deres måling; af de {pool} deltagere uden succes endnu får den hidtil observerede andel, {rate} ({seen} af {participants} deltagere), succes, fordelt ligeligt på de {future} målinger uden data endnu.',
    en: 'Goal 2 is paid once per participant: the {seen} successes already seen are paid in their measurement; of the {pool} participants without a success yet, the rate observed so far, {rate} ({seen} of {participants} participants), succeed, spread evenly over the {future} measurements without data yet.',
  },
  'projection.grant.name.business_case': { da: 'Tilsagnets plan', en: 'The grant’s plan' },
  'projection.grant.name.current_trajectory': {
    da: 'Seneste måneds andel fastholdt',
    en: 'The latest month’s share held',
  },
  'projection.grant.label.business_case': {
    da: 'Scenarie: hvert krav, der stadig kan nås, nås (tilsagnets plan)',
    en: 'Scenario: every requirement that can still be met is met (the grant’s plan)',
  },
  'projection.grant.label.current_trajectory': {
    da: 'Scenarie: andelen i seneste afsluttede måned, {month}, fastholdt',
    en: 'Scenario: the share of the latest complete month, {month}, held',
  },
  'projection.grant.assume.business_case': {
    da: 'Hvert krav, der ikke er nået, nås i en af de {remaining} tællende måneder, der er tilbage.',
    en: 'Each requirement not yet met is met in one of the {remaining} counted months remaining.',
  },
  'projection.grant.assume.current_trajectory': {
    da: 'Andelen i job eller uddannelse i {month}, {share}, holder i de {remaining} tællende måneder, der er tilbage; et krav nås, hvis andelen når dets grænse.',
    en: 'The share in work or education in {month}, {share}, holds in the {remaining} counted months remaining; a requirement is met when that share reaches its threshold.',
  },
  'projection.grant.assume.noMonth': {
    da: 'Der er endnu ingen afsluttet måned at fastholde: kun krav, der allerede er nået, tælles med.',
    en: 'There is no complete month to hold yet: only requirements already met count.',
  },
  'finance.projection.assumptions': {
    da: 'Hvad hvert scenarie antager',
    en: 'What each scenario assumes',
  },
  'finance.projection.assumption': { da: 'Antagelse', en: 'Assumption' },
  'projection.provisional': {
    da: 'Den foreløbige måling {period} ({share}, {successes} af {population}) er vist, men bruges ikke som grundlag: halvåret er ikke endeligt, og tallet kan ændre sig.',
    en: 'The provisional measurement {period} ({share}, {successes} of {population}) is shown but not used as the basis: the half-year is not final, and the figure may change.',
  },
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
  'report.col.repayment': { da: 'Bogført', en: 'Booked' },
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
  'report.banner.list': { da: 'Listen {id}', en: 'The list {id}' },
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
  'rerender.stored': {
    da: 'Rapporterne er dannet med den konfiguration, kørslen brugte (config.json, {hash}).',
    en: 'The reports were rendered with the configuration the run used (config.json, {hash}).',
  },
  'rerender.given': {
    da: 'Rapporterne er dannet med {file}; dens kontrakter er kørslens.',
    en: 'The reports were rendered with {file}; its contracts are the run’s.',
  },
  'rerender.givenForced': {
    da: 'Rapporterne er dannet med {file} (--force), selv om dens kontrakter ikke er dem, kørslen regnede med; tekst og tal kan derfor være uenige.',
    en: 'The reports were rendered with {file} (--force), though its contracts are not those the run computed with; text and figures may therefore disagree.',
  },
  'rerender.noneStored': {
    da: 'Kørslen gemte ikke sin konfiguration (den er ældre end config.json); rapporterne er dannet med standardværdierne. Kør kpi run igen, eller giv --config.',
    en: 'The run did not store its configuration (it predates config.json); the reports were rendered with the defaults. Run kpi run again, or give --config.',
  },
  'rerender.contractsDiffer': {
    da: 'Kontrakterne i {file} er ikke dem, den offentliggjorte kørsel regnede med, så rapporternes tekst ville ikke passe til deres tal. Udelad --config for at bruge kørslens egen konfiguration, kør kpi run med den nye, eller tilføj --force.',
    en: 'The contracts in {file} are not those the published run computed with, so the reports’ text would not match their figures. Leave out --config to use the run’s own configuration, run kpi run with the new one, or add --force.',
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
} as const satisfies Record<string, { da: string; en: string }>;
