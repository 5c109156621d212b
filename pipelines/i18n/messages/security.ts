/** The message catalogue's part for: the sandbox of configuration SQL, the privacy gate, signals and limits. */
export const SECURITY = {
  'sandbox.notSelect': {
    da: 'kun én SELECT (eller WITH … SELECT) er tilladt; COPY, ATTACH, SET, PRAGMA, INSTALL og andre sætninger afvises.',
    en: 'only one SELECT (or WITH … SELECT) is allowed; COPY, ATTACH, SET, PRAGMA, INSTALL and other statements are refused.',
  },
  'sandbox.parseError': {
    da: 'SQL’en kan ikke læses. DuckDB siger: {message}.',
    en: 'the SQL cannot be parsed. DuckDB says: {message}.',
  },
  'sandbox.oneStatement': {
    da: 'der skal være præcis én SELECT-sætning; her er der {n}.',
    en: 'there must be exactly one SELECT statement; there are {n}.',
  },
  'sandbox.tableFunction': {
    da: 'tabelfunktionen {name} er ikke tilladt (kun {allowed}); konfigurationens SQL læser ingen filer.',
    en: 'the table function {name} is not allowed (only {allowed}); configuration SQL reads no files.',
  },
  'sandbox.function': {
    da: 'funktionen {name} er ikke tilladt i konfigurationens SQL.',
    en: 'the function {name} is not allowed in configuration SQL.',
  },
  'sandbox.table': {
    da: 'tabellen {name} må ikke læses; en indsats læser kun de pseudonymiserede visninger {schemas}.',
    en: 'the table {name} may not be read; an initiative reads only the pseudonymised views {schemas}.',
  },
  'sandbox.oneExpression': {
    da: 'et tjek er ét udtryk over rækkens kolonner, fx "fravaer <= planlagt"; ingen FROM, WHERE eller flere sætninger.',
    en: 'a check is one expression over the row\'s columns, such as "absent <= planned"; no FROM, WHERE or further statements.',
  },
  'sandbox.noSubquery': {
    da: 'et tjek må ikke indeholde en underforespørgsel eller læse en tabel; det ser kun sin egen række.',
    en: 'a check may not hold a subquery or read a table; it sees only its own row.',
  },
  'sandbox.cprColumn': {
    da: 'et tjek må ikke læse CPR-kolonnen {name}; brug birth_date (fødselsdatoen, som motoren udleder af CPR-nummeret).',
    en: 'a check may not read the CPR column {name}; use birth_date (the date of birth the engine derives from the CPR number).',
  },
  'sandbox.column': {
    da: 'kolonnen {name} findes ikke i rækken; tjekket kan bruge {columns}.',
    en: 'there is no column {name} in the row; the check can use {columns}.',
  },
  'sandbox.refusedInitiative': {
    da: '{reason} Tilladt: én SELECT over staging.* og marts.* (docs/security.md)',
    en: '{reason} Allowed: one SELECT over staging.* and marts.* (docs/security.md)',
  },
  'sandbox.refusedCheck': {
    da: '{reason} Tilladt: ét udtryk over udtrækkets kolonner (docs/security.md)',
    en: "{reason} Allowed: one expression over the extract's columns (docs/security.md)",
  },
  'sandbox.refusedBlock': {
    da: '{file}, blok {n} ({arg}): {reason} Tilladt: én SELECT over rapportens tabeller (docs/security.md)',
    en: "{file}, block {n} ({arg}): {reason} Allowed: one SELECT over the report's tables (docs/security.md)",
  },
  'gate.blocked': {
    da: 'Privatlivsporten standsede offentliggørelsen: {findings}. Intet nyt er offentliggjort; den forrige offentliggørelse gælder stadig. Tjek konfigurationens SQL og de nye leverancer (docs/security.md).',
    en: "The privacy gate stopped the publication: {findings}. Nothing new was published; the previous publication still stands. Check the configuration's SQL and the new deliveries (docs/security.md).",
  },
  'gate.finding': { da: '{file}{kpi} indeholder {what}', en: '{file}{kpi} holds {what}' },
  'gate.kpi': { da: ' (KPI {kpi})', en: ' (KPI {kpi})' },
  'gate.where': { da: ' ({where})', en: ' ({where})' },
  'gate.what.cpr': { da: 'et CPR-nummer', en: 'a CPR number' },
  'gate.what.person_key': { da: 'en personnøgle fra lageret', en: 'a person key from the warehouse' },
  'gate.what.birth_date': { da: 'en fødselsdato fra lageret', en: 'a date of birth from the warehouse' },
  'gate.what.key': { da: 'pseudonymiseringsnøglen', en: 'the pseudonymisation key' },
  'gate.what.unreadable': {
    da: 'noget, porten ikke kan læse og derfor ikke kan kontrollere',
    en: 'something the gate cannot read, and so cannot check',
  },
} as const satisfies Record<string, { da: string; en: string }>;
