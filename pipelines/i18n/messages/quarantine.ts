/** The message catalogue's part for: Quarantine: the header of a rejects file, and why each row was rejected. */
export const QUARANTINE = {
  'quarantine.line': { da: 'linje', en: 'line' },
  'quarantine.column': { da: 'kolonne', en: 'column' },
  'quarantine.rule': { da: 'regel', en: 'rule' },
  'quarantine.message': { da: 'besked', en: 'message' },
  'quarantine.value': { da: 'værdi', en: 'value' },
  'value.digits': { da: 'et tal med {n} cifre', en: 'a number with {n} digits' },
  'rule.empty_row': {
    da: 'rækken er tom (kun skilletegn eller mellemrum)',
    en: 'the row is empty (only delimiters or spaces)',
  },
  'rule.repeated_header': {
    da: 'overskriftsrækken står igen inde i filen',
    en: 'the header row appears again inside the file',
  },
  'rule.unquoted_value': {
    da: 'et anførselstegn (") åbner en værdi, men lukker den aldrig; resten af filen blev læst som denne ene værdi',
    en: 'a quote (") opens a value but is never closed; the rest of the file was read as this one value',
  },
  'rule.line_too_long': {
    da: 'linjen er længere end {max} (limits.maxLineBytes) og er ikke læst',
    en: 'the line is longer than {max} (limits.maxLineBytes) and was not read',
  },
  'rule.too_many_columns': {
    da: 'linjen har flere værdier, end overskriften har kolonner ({width})',
    en: 'the line has more values than the header has columns ({width})',
  },
  'rule.missing_columns': {
    da: 'linjen har færre værdier, end overskriften har kolonner ({width})',
    en: 'the line has fewer values than the header has columns ({width})',
  },
  'rule.duplicate_key': {
    da: 'nøglen ({key}) står allerede på linje {line} i denne fil',
    en: 'the key ({key}) already appears on line {line} of this file',
  },
  'rule.no_matching': {
    da: 'ingen række i {extract} har samme {columns}',
    en: 'no row in {extract} has the same {columns}',
  },
  'rule.required': { da: '{column} skal udfyldes', en: '{column} is required' },
  'rule.cpr_format': {
    da: 'CPR skal være 10 cifre, DDMMÅÅ-SSSS eller DDMMÅÅSSSS',
    en: 'CPR must be 10 digits, DDMMYY-SSSS or DDMMYYSSSS',
  },
  'rule.other_municipality': {
    da: 'kommunekoden er ikke {allowed}: rækken hører til en anden kommune og offentliggøres ikke her',
    en: 'the kommunekode is not {allowed}: the row belongs to another municipality and is not published here',
  },
  'rule.future_date': {
    da: 'dateret efter opgørelsesmåneden {asOf}: data fra fremtiden kan ikke være leveret endnu; tjek datoen i filen, eller --as-of',
    en: 'dated after the as-of month {asOf}: data from the future cannot have been delivered yet; check the date in the file, or --as-of',
  },
  'rule.cpr_number': {
    da: 'CPR har færre end 9 cifre og ingen bindestreg, som når kolonnen er gemt som et tal (Excel, pandas, Parquet), og cifre er tabt. CPR skal være 10 cifre. Eksportér CPR-kolonnen som tekst (i Excel: formatér kolonnen som Tekst)',
    en: 'the CPR has fewer than 9 digits and no dash, as when the column was stored as a number (Excel, pandas, Parquet) and digits were lost. A CPR has 10 digits. Export the CPR column as text (in Excel: format the column as Text)',
  },
  'rule.cpr_date': {
    da: 'CPR-nummeret indeholder ingen rigtig fødselsdato (århundrede efter 7. ciffer)',
    en: 'the CPR number holds no real birth date (century from digit 7)',
  },
  'rule.cpr_when': {
    da: 'for rækker, hvor {when}, skal dette være et CPR-nummer med en rigtig fødselsdato',
    en: 'for rows where {when} this must be a CPR number with a real birth date',
  },
  'rule.date_format': {
    da: 'forventede en rigtig dato som ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ',
    en: 'expected a real date as YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY',
  },
  'rule.date_out_of_range': {
    da: 'datoen skal ligge mellem 1900-01-01 og 2099-12-31',
    en: 'date must be between 1900-01-01 and 2099-12-31',
  },
  'rule.month_format': {
    da: 'forventede en måned som ÅÅÅÅ-MM eller ÅÅÅÅMM',
    en: 'expected a month as YYYY-MM or YYYYMM',
  },
  'rule.number_too_large': {
    da: 'tallet er for stort til {column}; det største tilladte er {largest}',
    en: 'the number is too large for {column}; the largest allowed is {largest}',
  },
  'rule.not_an_integer': { da: 'forventede et helt tal', en: 'expected a whole number' },
  'rule.not_a_number': {
    da: 'forventede et tal som 12,5 eller 1.234,5',
    en: 'expected a number such as 12,5 or 1.234,5',
  },
  'rule.not_positive': { da: '{column} skal være > {min}', en: '{column} must be > {min}' },
  'rule.below_minimum': { da: '{column} skal være ≥ {min}', en: '{column} must be ≥ {min}' },
  'rule.above_maximum': { da: '{column} skal være ≤ {max}', en: '{column} must be ≤ {max}' },
  'rule.implausible_value': {
    da: '{column} er over plausibilitetsgrænsen på {max} {what}; tjek værdien og den enhed, den er eksporteret i',
    en: '{column} is above the plausibility bound of {max} {what}; check the value and the unit it was exported in',
  },
  'rule.not_a_boolean': {
    da: 'forventede 1/0, true/false, ja/nej, j/n, x eller tom',
    en: 'expected 1/0, true/false, ja/nej, j/n, x or empty',
  },
  'rule.unknown_code': { da: 'forventede én af: {codes}', en: 'expected one of: {codes}' },
  'rule.municipality_format': {
    da: 'forventede en kommunekode på 3 cifre, fx 360',
    en: 'expected a kommunekode of 3 digits, e.g. 360',
  },
  // An own extract's check (docs/own-data.md): its message is the configuration's own words.
  'rule.own_check': { da: '{message}', en: '{message}' },
  'rule.half_year_format': {
    da: 'forventede et halvår som 2024-H2 eller "1. halvår 2024 – 2. halvår 2024"',
    en: 'expected a half-year such as 2024-H2 or "1. halvår 2024 – 2. halvår 2024"',
  },
  'rule.end_before_start': { da: '{end} ligger før {start}', en: '{end} is before {start}' },
  'rule.answer_out_of_scale': {
    da: 'svaret skal være 1–5 i denne undersøgelse (0–10 kun for livstilfredshed)',
    en: 'answer must be 1–5 on this survey (0–10 only for livstilfredshed)',
  },
  'rule.occupied_days_above_capacity': {
    da: 'occupied_days er større end places × dage i måneden',
    en: 'occupied_days is more than places × days in the month',
  },
  'plausible.cafe': { da: 'henvendelser på én række (én dag)', en: 'contacts on one row (one day)' },
  'plausible.places': { da: 'pladser på ét tilbud', en: 'places in one facility' },
} as const satisfies Record<string, { da: string; en: string }>;
