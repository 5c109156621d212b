/** The message catalogue's part for: The pseudonymisation key. */
export const KEY = {
  'key.howTo': {
    da: 'Sæt en pseudonymiseringsnøgle på mindst 32 tegn, enten\n  export KPI_PSEUDONYM_KEY="<en lang, tilfældig hemmelighed>"\neller læg den i en fil, som kun jobbet kan læse, og peg på den:\n  export KPI_PSEUDONYM_KEY_FILE=/etc/kpi/pseudonym.key\nBrug den samme nøgle fra kørsel til kørsel: en ny nøgle giver alle personer en ny nøgle (se docs/privacy-and-reliability.md, nøgleskift).',
    en: 'Set a pseudonymisation key of at least 32 characters, either\n  export KPI_PSEUDONYM_KEY="<a long random secret>"\nor put it in a file readable only by the job and point to it:\n  export KPI_PSEUDONYM_KEY_FILE=/etc/kpi/pseudonym.key\nKeep the same key from run to run: a new key gives every person a new key (see docs/privacy-and-reliability.md, key rotation).',
  },
  'key.missing': {
    da: 'Der er ingen pseudonymiseringsnøgle.\n{howTo}',
    en: 'No pseudonymisation key is set.\n{howTo}',
  },
  'key.fileUnreadable': {
    da: 'Kan ikke læse KPI_PSEUDONYM_KEY_FILE={file}: {code}.\n{howTo}',
    en: 'Cannot read KPI_PSEUDONYM_KEY_FILE={file}: {code}.\n{howTo}',
  },
  'key.tooShort': {
    da: 'Pseudonymiseringsnøglen har {n} tegn; der skal mindst {min} til.\n{howTo}',
    en: 'The pseudonymisation key has {n} characters; at least {min} are needed.\n{howTo}',
  },
} as const satisfies Record<string, { da: string; en: string }>;
