/**
 * The message catalogue's part for: the KPIs' titles and definitions in the user's language
 * (kpis/catalogue.ts holds the Danish ones, the originals; config.ts kpiDefinitions reads these). A
 * municipality's own texts (its initiatives, its source quotations) stay as written.
 */
export const KPIS = {
  'kpi.sel85_employment_rate.title': {
    da: 'Beskæftigelse blandt borgere med §85-støtte (psykiatri)',
    en: 'Employment among citizens with §85 support (psychiatry)',
  },
  'kpi.sel85_employment_rate.definition': {
    da: 'Andelen af person-måneder med en aktiv §85-afgørelse (målgruppe psykiatri), hvor borgeren har løntimer.',
    en: 'The share of person-months with an active §85 decision (target group psychiatry) in which the citizen has wage hours.',
  },
  'kpi.neet_share.title': {
    da: 'Andel unge 15–29 år uden job og uddannelse',
    en: 'Share of young people aged 15–29 without a job or education',
  },
  'kpi.neet_share.definition': {
    da: 'Andelen af person-måneder for unge på 15–29 år (alder ved månedens udgang), hvor den unge hverken er i job eller uddannelse.',
    en: 'The share of person-months of young people aged 15–29 (age at the end of the month) in which the young person is neither in a job nor in education.',
  },
  'kpi.treatment_employment_retained.title': {
    da: 'Borgere fastholdt i beskæftigelse via misbrugsbehandling',
    en: 'Citizens kept in employment through substance abuse treatment',
  },
  'kpi.treatment_employment_retained.definition': {
    da: 'Antal borgere med et behandlingsforløb, der starter i året, og som er i beskæftigelse både i startmåneden og 6 måneder senere.',
    en: 'The number of citizens with a treatment episode starting in the year who are employed both in the month it starts and 6 months later.',
  },
  'kpi.neet_without_benefit.title': {
    da: 'Unge uden job, uddannelse og ydelse',
    en: 'Young people without a job, education or benefit',
  },
  'kpi.neet_without_benefit.definition': {
    da: 'Antal unge på 15–29 år, der hverken er i job, i uddannelse eller på offentlig ydelse, i årets sidste måned (en bestand).',
    en: 'The number of young people aged 15–29 who are neither in a job, in education nor on a public benefit, in the last month of the year (a stock).',
  },
  'kpi.cafe_inquiries.title': {
    da: 'Henvendelser til Rådgivningscaféen og akuttelefonen',
    en: 'Contacts with the counselling café and the crisis line',
  },
  'kpi.cafe_inquiries.definition': {
    da: 'Antal henvendelser i året, i alt og fordelt på kanal (fremmøde, telefon, online, akuttelefon).',
    en: 'The number of contacts in the year, in all and by channel (in person, telephone, online, crisis line).',
  },
  'kpi.survey_satisfaction.title': {
    da: 'Tilfredshed (andel tilfredse og meget tilfredse)',
    en: 'Satisfaction (share satisfied and very satisfied)',
  },
  'kpi.survey_satisfaction.definition': {
    da: 'Pr. undersøgelse og runde: andelen af svarene 4–5 (tilfreds, meget tilfreds) blandt de gyldige svar på samlet tilfredshed.',
    en: 'Per survey and wave: the share of answers 4–5 (satisfied, very satisfied) among the valid answers on overall satisfaction.',
  },
  'kpi.survey_response_rate.title': { da: 'Svarprocent', en: 'Response rate' },
  'kpi.survey_response_rate.definition': {
    da: 'Pr. undersøgelse og runde: (gennemført + delvis gennemført) / alle inviterede.',
    en: 'Per survey and wave: (completed + partly completed) / everyone invited.',
  },
  'kpi.tariff_alerts.title': {
    da: 'Takststigninger over indberetningsgrænsen',
    en: 'Tariff rises above the reporting threshold',
  },
  'kpi.tariff_alerts.definition': {
    da: 'Antal (leverandør, ydelse), hvor taksten steg mere end indberetningsgrænsen (tariffThresholds: private og offentlige tilbud) fra året før.',
    en: 'The number of (provider, service) whose tariff rose by more than the reporting threshold (tariffThresholds: private and public providers) from the year before.',
  },
  'kpi.occupancy_rate.title': { da: 'Belægningsprocent, botilbud', en: 'Occupancy rate, residential places' },
  'kpi.occupancy_rate.definition': {
    da: 'Belagte døgn / (pladser × dage i måneden), samlet over året, pr. botilbud og i alt.',
    en: 'Occupied days / (places × days in the month), over the year, per facility and in all.',
  },
  'kpi.rangliste_placering.title': {
    da: 'Placering på Beskæftigelsesministeriets rangliste',
    en: 'Place on the Ministry of Employment’s ranking list',
  },
  'kpi.rangliste_placering.definition': {
    da: 'Kommunens plads blandt landets 98 kommuner pr. rangliste (1 er bedst): samlet og for A-dagpenge, sygedagpenge og kontanthjælp. Mangler pladsen i filen, beregnes den ud fra faktisk − forventet.',
    en: 'The municipality’s place among the 98 municipalities on each ranking list (1 is best): in all and for unemployment insurance, sickness benefit and social assistance. Where the file has no place, it is computed from actual − expected.',
  },
  'kpi.rangliste_forskel.title': {
    da: 'Offentligt forsørgede: faktisk mod forventet',
    en: 'On public support: actual against expected',
  },
  'kpi.rangliste_forskel.definition': {
    da: 'Fuldtidspersoner på offentlig forsørgelse i procent af befolkningen, faktisk − forventet, i procentpoint pr. rangliste. 0 eller derunder er som forventet eller bedre.',
    en: 'Full-time persons on public support as a percentage of the population, actual − expected, in percentage points per ranking list. 0 or below is as expected or better.',
  },
  'kpi.hoejdespringer_placering.title': {
    da: 'Placering på højdespringerlisten',
    en: 'Place on the list of the most improved',
  },
  'kpi.hoejdespringer_placering.definition': {
    da: 'Kommunens plads blandt kommunerne efter forbedring af faktisk − forventet siden den tidligere rangliste (1 har forbedret sig mest). Den tidligere liste er den forrige, eller med rangliste.comparedWith = "year" listen et år før.',
    en: 'The municipality’s place among the municipalities by the improvement of actual − expected since the earlier ranking list (1 improved the most). The earlier list is the previous one, or with rangliste.comparedWith = "year" the list a year before.',
  },
  'kpi.dsi.title': {
    da: '{contract}: andel med {hours} løntimer i en måned',
    en: '{contract}: share with {hours} wage hours in a month',
  },
  'kpi.dsi.definition': {
    da: 'Pr. halvår: andelen af de målte deltagere (optælling startet), der har mindst én måned med {hours} løntimer eller uddannelse i halvåret.',
    en: 'Per half-year: the share of the measured participants (counting started) with at least one month of {hours} wage hours or education in the half-year.',
  },
  'kpi.grant.title': {
    da: '{contract}: andel i beskæftigelse eller uddannelse',
    en: '{contract}: share in employment or education',
  },
  'kpi.grant.definition': {
    da: 'Pr. måned: andelen af indsatsgruppen (alle visiteret til og med måneden), der har løntimer eller er i uddannelse.',
    en: 'Per month: the share of the group (everyone enrolled up to and including the month) with wage hours or in education.',
  },
} as const;
