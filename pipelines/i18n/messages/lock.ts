/** The message catalogue's part for: The lock. */
export const LOCK = {
  'lock.starting': {
    da: 'En anden kørsel er ved at starte på {out} ({path} skrives netop nu). Prøv igen.',
    en: 'Another run is just starting on {out} ({path} is being written). Try again.',
  },
  'lock.otherHost': {
    da: '{out} er låst af en kørsel på værten {host} (pid {pid}, startet {startedAt}). Låsen overtages, når dens hjerteslag har været stoppet i {seconds} s.',
    en: '{out} is locked by a run on host {host} (pid {pid}, started {startedAt}). It is taken over once its heartbeat has stopped for {seconds} s.',
  },
  'lock.busy': {
    da: 'En anden kørsel bruger {out}: pid {pid}, startet {startedAt} (kørsel {runId}). Vent, til den er færdig; kun én kørsel ad gangen må skrive til samme --out.',
    en: 'Another run is using {out}: pid {pid}, started {startedAt} (run {runId}). Wait for it to finish; only one run at a time may write to the same --out.',
  },
  'lock.contended': {
    da: 'Kunne ikke tage låsen {path}; en anden kørsel bliver ved med at tage den.',
    en: 'Could not take the lock {path}; another run keeps taking it.',
  },
} as const satisfies Record<string, { da: string; en: string }>;
