/** Where the SQL the stages run lives: sql/ (staging, marts, kpis, contracts and the macros). */
export const SQL_DIR = new URL('../../sql/', import.meta.url);
