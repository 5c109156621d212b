/** The message catalogue's part for: Ingest: files, warnings. */
export const INGEST = {
  'ingest.inboxMissing': {
    da: 'Indbakkemappen {inbox} findes ikke eller kan ikke læses.',
    en: 'The inbox folder {inbox} does not exist or cannot be read.',
  },
  'ingest.foldedFolder': {
    da: 'inbox/{folder}/ er læst som udtrækket {extract} (mappenavne sammenlignes uden forskel på store og små bogstaver, æøå og tegn); omdøb den gerne til inbox/{extract}/.',
    en: 'inbox/{folder}/ was read as the extract {extract} (folder names are compared regardless of case, æøå and punctuation); consider renaming it inbox/{extract}/.',
  },
  'ingest.twinFolder': {
    da: 'inbox/{name}/ blev ikke læst: inbox/{read}/ er allerede læst som samme udtræk. Læg filerne i én mappe.',
    en: 'inbox/{name}/ was not read: inbox/{read}/ was already read as the same extract. Put the files in one folder.',
  },
  'ingest.unknownFolder': {
    da: 'inbox/{name} er ikke et kendt udtræk og blev ikke læst. Kendte udtræk: {known}.',
    en: 'inbox/{name} is not a known extract and was not read. Known extracts: {known}.',
  },
  'ingest.unplacedFile': {
    da: 'inbox/{name} ligger i selve indbakken, ikke i et udtræks mappe, så den blev ikke læst. Flyt den til sit udtræks mappe, fx inbox/employment/.',
    en: "inbox/{name} lies in the inbox itself, not in the folder of an extract, so it was not read. Move it into its extract's folder, e.g. inbox/employment/.",
  },
  'ingest.unsupportedFormat': {
    da: 'filtypen {ext} kan ikke læses; lever .csv, .csv.gz, .parquet, .xlsx eller .xlsm',
    en: 'the file type {ext} cannot be read; deliver .csv, .csv.gz, .parquet, .xlsx or .xlsm',
  },
  'ingest.unsupported.xls': {
    da: 'en gammel Excel-projektmappe (.xls, Excel 97–2003) kan ikke læses; åbn den i Excel, gem den som .xlsx (Excel-projektmappe), og lever den igen',
    en: 'an old Excel workbook (.xls, Excel 97–2003) cannot be read; open it in Excel, save it as .xlsx (Excel Workbook), and deliver it again',
  },
  'ingest.unsupported.xlsb': {
    da: 'en binær Excel-projektmappe (.xlsb) kan ikke læses; gem den som .xlsx, og lever den igen',
    en: 'a binary Excel workbook (.xlsb) cannot be read; save it as .xlsx and deliver it again',
  },
  'ingest.unsupported.zip': {
    da: 'en zip-fil læses ikke (den kan rumme hvad som helst); pak den ud, og læg filerne i mappen',
    en: 'a zip file is not read (it could hold anything); unpack it and put the files in the folder',
  },
  'ingest.unsupported.ods': {
    da: 'et OpenDocument-regneark (.ods) kan ikke læses; gem det som .xlsx eller .csv, og lever det igen',
    en: 'an OpenDocument spreadsheet (.ods) cannot be read; save it as .xlsx or .csv and deliver it again',
  },
  'ingest.emptyFile': {
    da: '{file}: filen er tom (0 byte); intet blev indlæst fra den.',
    en: '{file}: the file is empty (0 bytes); nothing was loaded from it.',
  },
  'ingest.headerOnly': {
    da: '{file}: filen har en overskrift, men ingen rækker.',
    en: '{file}: the file has a header but no rows.',
  },
  'ingest.inflateLimit': {
    da: 'den pakkede fil fylder mere end {max} udpakket (limits.maxInflatedBytes og limits.maxInflateRatio) og er ikke læst. Er den en rigtig leverance, så hæv grænsen i konfigurationen; ellers slet den.',
    en: 'the compressed file inflates to more than {max} (limits.maxInflatedBytes and limits.maxInflateRatio) and was not read. If it is a real delivery, raise the limit in the configuration; otherwise delete it.',
  },
  'ingest.headerTooLong': {
    da: 'linje {line} (overskriften eller en titellinje over den) er længere end {max} (limits.maxLineBytes); filen kan ikke læses. Tjek at filen er en CSV-fil med linjeskift.',
    en: 'line {line} (the header or a title line above it) is longer than {max} (limits.maxLineBytes); the file cannot be read. Check that it is a CSV file with line breaks.',
  },
  'ingest.longLineInQuotes': {
    da: 'linje {line} er længere end {max} (limits.maxLineBytes) og ligger inde i en værdi i anførselstegn, der fortsætter over flere linjer; filen kan ikke læses række for række.',
    en: 'line {line} is longer than {max} (limits.maxLineBytes) and lies inside a quoted value that spans lines; the file cannot be read row by row.',
  },
  'ingest.workerMemory': {
    da: 'indlæsningen af filen brugte mere end {max} hukommelse (limits.workerMemoryBytes) og blev stoppet; filen er afvist, resten af indbakken er læst.',
    en: 'reading the file used more than {max} of memory (limits.workerMemoryBytes) and was stopped; the file is rejected, the rest of the inbox was read.',
  },
  'ingest.workerCrashed': {
    da: 'indlæsningen af filen stoppede uventet ({reason}); filen er afvist, resten af indbakken er læst.',
    en: 'reading the file stopped unexpectedly ({reason}); the file is rejected, the rest of the inbox was read.',
  },
  'ingest.notRegular': {
    da: '{name} er ikke en almindelig fil eller mappe (et link, en FIFO eller en enhed) og læses ikke. Læg selve filen i indbakken.',
    en: '{name} is not a regular file or folder (a link, a FIFO or a device) and is not read. Put the file itself in the inbox.',
  },
  'ingest.cprMasked': {
    da: '{file}: CPR-numre i fritekst, en overskrift eller filnavnet er maskeret (******-**NN), før noget blev gemt (felter: {n}). Bed leverandøren om at holde CPR-numre ude af fritekstfelter.',
    en: '{file}: CPR numbers in free text, a header or the file name were masked (******-**NN) before anything was stored (fields: {n}). Ask the supplier to keep CPR numbers out of free-text fields.',
  },
  'ingest.duplicateFile': {
    da: '{file} har samme indhold (sha256) som {dup}, der allerede er indlæst; den blev ikke indlæst igen.',
    en: '{file} has the same content (sha256) as {dup}, which is already loaded; it was not loaded again.',
  },
  'ingest.rowsQuarantined': {
    da: '{file}: {rejected} af {read} rækker i karantæne ({rules})',
    en: '{file}: {rejected} of {read} rows quarantined ({rules})',
  },
  'ingest.missingColumn': {
    da: 'den påkrævede kolonne {names} mangler.',
    en: 'missing required column {names}.',
  },
  'ingest.missingColumns': {
    da: 'de påkrævede kolonner {names} mangler.',
    en: 'missing required columns {names}.',
  },
  'ingest.columnOr': { da: '{name} (eller {aliases})', en: '{name} (or {aliases})' },
  'ingest.headersFound': {
    da: ' Fundne overskrifter: {found}{where}.',
    en: ' Headers found: {found}{where}.',
  },
  'ingest.headersNone': { da: '(ingen)', en: '(none)' },
  'ingest.headersWhere': {
    da: ' (på linje {line}; de første {n} linjer blev gennemsøgt efter en linje, der navngiver kolonnerne)',
    en: ' (on line {line}; the first {n} lines were searched for a line that names the columns)',
  },
  'ingest.headerDidYouMean': {
    da: ' Mente du "{header}" for {column}?',
    en: ' Did you mean "{header}" for {column}?',
  },
  'ingest.delimiterHint': {
    da: ' Overskriften ser ud til at bruge "{delimiter}" som skilletegn; lever filen med , ; eller tabulator mellem kolonnerne.',
    en: ' The header looks like it uses "{delimiter}" as delimiter; deliver the file with , ; or tab between columns.',
  },
  'ingest.unreadable': {
    da: 'filen kunne ikke læses: {message}',
    en: 'the file could not be read: {message}',
  },
  'ingest.parquetUnreadable': {
    da: 'Parquet-filen kan ikke læses ({message})',
    en: 'the Parquet file cannot be read ({message})',
  },
  'ingest.noHeader': {
    da: 'ingen overskrift: de første {n} linjer er tomme; først skal der være en linje, der navngiver kolonnerne',
    en: 'no header: the first {n} lines are empty; a line that names the columns must come first',
  },
  'ingest.mergedCells': {
    da: 'det første ark har flettede celler ({ranges}); ophæv fletningen, så hver række har sine egne værdier, og lever igen',
    en: 'the first sheet has merged cells ({ranges}); unmerge them so every row has its own values, and deliver again',
  },
  'ingest.gzipCorrupt': {
    da: 'gzip-filen er afkortet eller beskadiget ({message}); bed om at få filen leveret igen',
    en: 'the gzip file is truncated or corrupt ({message}); ask for the file to be delivered again',
  },
  'ingest.cannotRead': { da: 'filen kan ikke læses: {message}', en: 'the file cannot be read: {message}' },
  'ingest.changing': {
    da: 'filen ændrede sig, mens den blev læst: den bliver formentlig stadig skrevet. Den springes over nu og indlæses ved næste kørsel',
    en: 'the file changed while it was being read: it is probably still being written. It is skipped now and will be loaded by the next run',
  },
  'ingest.binary': {
    da: 'filen er binær (den indeholder NUL-byte), ikke en tekst-CSV; lever et CSV-udtræk, eller navngiv den .parquet / .xlsx, hvis den er det',
    en: 'the file is binary (it contains NUL bytes), not a text CSV; deliver a CSV export, or name it .parquet / .xlsx if it is one',
  },
  'ingest.mixedEncoding': {
    da: 'filen blander tegnsæt: den er UTF-8, men linje {line} har en byte, der ikke er gyldig UTF-8 (formentlig Windows-1252). Eksportér hele filen i ét tegnsæt (helst UTF-8)',
    en: 'the file mixes encodings: it is UTF-8, but line {line} has a byte that is not valid UTF-8 (probably Windows-1252). Re-export the whole file in one encoding (UTF-8 is best)',
  },
  'ingest.xlsxFormula': {
    da: 'cellen {cell} indeholder en formel uden en gemt værdi (projektmappen er skrevet af et program, der ikke har regnet den ud); åbn og gem den i Excel, eller gem arket med værdier alene (kopiér, og indsæt som værdier), og lever det igen',
    en: 'cell {cell} holds a formula without a stored value (the workbook was written by a program that never computed it); open and save it in Excel, or save the sheet with values only (copy, then Paste Special → Values), and deliver it again',
  },
  'ingest.cprPadded': {
    da: '{file}: CPR-kolonnen er gemt som tal; i {rows} manglede det foranstillede 0, som er sat på igen (9 cifre blev til 10). Eksportér gerne kolonnen som tekst.',
    en: '{file}: the CPR column was stored as numbers; in {rows} the leading 0 was missing and has been put back (9 digits became 10). Export the column as text if you can.',
  },
  'ingest.xlsxFormulaCached': {
    da: '{file}: {cells} i datarækkerne indeholder en formel (den første er {first}); den værdi, Excel sidst regnede ud, er brugt. Gem arket med værdier alene, så tallene ikke kan ændre sig.',
    en: '{file}: {cells} in the data rows hold a formula (the first is {first}); the value Excel last computed was used. Save the sheet with values only, so that the figures cannot change.',
  },
  'ingest.xlsxError': {
    da: 'cellen {cell} indeholder Excel-fejlen {error}; ret cellen, og lever igen',
    en: 'cell {cell} holds the Excel error {error}; fix the cell and deliver again',
  },
  'ingest.xlsxUnreadable': {
    da: 'filen er ikke en læsbar .xlsx-projektmappe ({message})',
    en: 'the file is not a readable .xlsx workbook ({message})',
  },
  'ingest.xlsxNoSheets': { da: 'projektmappen har ingen ark', en: 'the workbook has no sheets' },
} as const satisfies Record<string, { da: string; en: string }>;
