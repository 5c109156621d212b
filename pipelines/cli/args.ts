/**
 * The command line's grammar: its commands, their options and positional argument, the help, and
 * messages for what does not parse (one line with a suggestion, never Node's parser text).
 */
import { parseArgs } from 'node:util';
import { closest } from '../core/fold.ts';
import { UserError } from '../errors.ts';
import { type MessageKey, t } from '../i18n/index.ts';

interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value looks like, in the help and in "needs a value" messages. */
  value?: string;
  help: MessageKey;
  short?: string;
}

export const OPTIONS = {
  inbox: { type: 'string', value: 'DIR', help: 'cli.opt.inbox' },
  out: { type: 'string', value: 'DIR', help: 'cli.opt.out' },
  'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'cli.opt.asOf' },
  select: { type: 'string', value: 'IDS', help: 'cli.opt.select' },
  'allow-partial': { type: 'boolean', help: 'cli.opt.allowPartial' },
  config: { type: 'string', value: 'FILE', help: 'cli.opt.config' },
  cron: { type: 'string', value: '"0 2 * * *"', help: 'cli.opt.cron' },
  lang: { type: 'string', value: 'da|en', help: 'cli.opt.lang' },
  quiet: { type: 'boolean', help: 'cli.opt.quiet' },
  verbose: { type: 'boolean', help: 'cli.opt.verbose' },
  json: { type: 'boolean', help: 'cli.opt.json' },
  pdf: { type: 'boolean', help: 'cli.opt.pdf' },
  municipality: { type: 'string', value: 'CODE', help: 'cli.opt.municipality' },
  force: { type: 'boolean', help: 'cli.opt.force' },
  port: { type: 'string', value: 'PORT', help: 'cli.opt.port' },
  host: { type: 'string', value: 'HOST', help: 'cli.opt.host' },
  'restricted-host': { type: 'boolean', help: 'cli.opt.restrictedHost' },
  help: { type: 'boolean', short: 'h', help: 'cli.opt.help' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

interface CommandSpec {
  help: MessageKey;
  options: OptionName[];
  /** What one positional argument means: an option it stands for, or the command's own argument. */
  positional?: OptionName | 'kpi-id' | 'command';
  usage: string;
}

const LOGS: OptionName[] = ['quiet', 'verbose', 'json'];

export const COMMANDS: Record<string, CommandSpec> = {
  run: {
    help: 'cli.cmd.run',
    options: ['inbox', 'out', 'as-of', 'select', 'allow-partial', 'config', 'lang', ...LOGS],
    positional: 'inbox',
    usage: 'kpi run --inbox DIR --out DIR [--as-of YYYY-MM-DD] [--select IDS] [--allow-partial]',
  },
  check: {
    help: 'cli.cmd.check',
    options: ['inbox', 'out', 'as-of', 'config', 'lang', ...LOGS],
    positional: 'inbox',
    usage: 'kpi check --inbox DIR [--out DIR]',
  },
  demo: {
    help: 'cli.cmd.demo',
    options: ['inbox', 'out', 'as-of', 'select', 'allow-partial', 'config', 'lang', ...LOGS],
    positional: 'inbox',
    usage: 'kpi demo [--out DIR] [--inbox DIR]',
  },
  report: {
    help: 'cli.cmd.report',
    options: ['out', 'config', 'pdf', 'force', 'lang'],
    positional: 'out',
    usage: 'kpi report --out DIR [--config FILE [--force]] [--pdf]',
  },
  explain: {
    help: 'cli.cmd.explain',
    options: ['out', 'config', 'lang'],
    positional: 'kpi-id',
    usage: 'kpi explain <kpi-id> [--out DIR]',
  },
  schedule: {
    help: 'cli.cmd.schedule',
    options: ['cron', 'inbox', 'out', 'select', 'config', 'lang', ...LOGS],
    positional: 'inbox',
    usage: 'kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR',
  },
  serve: {
    help: 'cli.cmd.serve',
    options: ['out', 'port', 'host', 'restricted-host', 'lang'],
    positional: 'out',
    usage: 'kpi serve --out DIR [--port 8080] [--host 127.0.0.1] [--restricted-host]',
  },
  preview: {
    help: 'cli.cmd.preview',
    options: ['config', 'out', 'port', 'host', 'lang'],
    usage: 'kpi preview --config FILE --out DIR [--port 8080] [--host 127.0.0.1]',
  },
  init: {
    help: 'cli.cmd.init',
    options: ['municipality', 'out', 'lang'],
    usage: 'kpi init --municipality CODE [--out FILE]',
  },
  help: { help: 'cli.cmd.help', options: ['lang'], positional: 'command', usage: 'kpi help [<command>]' },
};

export interface Parsed {
  command: string;
  values: Partial<Record<OptionName, string | boolean>>;
  /** The command's own argument: a KPI id (explain) or a command (help). */
  argument?: string;
}

/** Where help text wraps. */
const LINE = 100;

/** Rows of two columns, the first padded to the widest, the second wrapped under itself. */
function columns(rows: [string, string][], indent = '  '): string[] {
  const width = Math.max(...rows.map(([a]) => a.length));
  const room = Math.max(30, LINE - indent.length - width - 2);
  return rows.flatMap(([a, b]) => {
    const wrapped: string[] = [];
    let line = '';
    for (const word of b.split(' ')) {
      if (line && line.length + 1 + word.length > room) {
        wrapped.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    wrapped.push(line);
    return wrapped.map((w, i) => `${indent}${(i === 0 ? a : '').padEnd(width)}  ${w}`);
  });
}

const optionLabel = (name: OptionName) => {
  const spec: OptionSpec = OPTIONS[name];
  return `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
};

/** The general help, or one command's. */
export function helpText(command?: string): string {
  const spec = command ? COMMANDS[command] : undefined;
  const lines: string[] = [];
  if (spec && command !== 'help') {
    lines.push(spec.usage, '', t(spec.help), '');
    lines.push(
      t('cli.options'),
      ...columns(
        [...spec.options, 'help' as const].map((o): [string, string] => [optionLabel(o), t(OPTIONS[o].help)]),
      ),
    );
  } else {
    lines.push(t('cli.usage'), '', t('cli.commands'));
    lines.push(...columns(Object.entries(COMMANDS).map(([name, c]) => [name, t(c.help)])));
    lines.push('', t('cli.options'));
    lines.push(
      ...columns((Object.keys(OPTIONS) as OptionName[]).map((o) => [optionLabel(o), t(OPTIONS[o].help)])),
    );
    lines.push('', t('cli.environment'));
    lines.push(
      ...columns([
        ['KPI_PSEUDONYM_KEY, KPI_PSEUDONYM_KEY_FILE', t('cli.env.key')],
        ['KPI_LANG', t('cli.env.lang')],
      ]),
    );
  }
  lines.push(
    '',
    t('cli.exitCodes'),
    ...columns((['0', '1', '2', '3'] as const).map((c) => [c, t(`cli.exit.${c}`)])),
  );
  if (!spec) lines.push('', t('cli.moreHelp'));
  return lines.join('\n');
}

/**
 * Parses `argv` for its command. Throws a UserError (exit 2) with one line that says what is wrong
 * and what was probably meant.
 */
export function parseCommandLine(argv: string[]): Parsed {
  // The command is the first word that is neither an option nor an option's value.
  let first: string | undefined;
  for (let i = 0; i < argv.length && first === undefined; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) first = a;
    else if (
      !a.includes('=') &&
      (OPTIONS as Record<string, OptionSpec>)[a.replace(/^--?/, '')]?.type === 'string'
    )
      i++;
  }
  const command = first ?? (argv.includes('--help') || argv.includes('-h') ? 'help' : undefined);
  if (!command) throw new UserError(t('cli.noCommand'));
  const spec = COMMANDS[command];
  if (!spec) {
    const near = closest(command, Object.keys(COMMANDS));
    throw new UserError(
      t('cli.unknownCommand', {
        command,
        hint: near ? t('cli.didYouMean', { suggestion: `kpi ${near}` }) : '',
      }),
    );
  }
  const rest = [...argv];
  rest.splice(argv.indexOf(command), first === undefined ? 0 : 1);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw new UserError(argumentError(e as Error & { code?: string }, command, rest));
  }
  const values = parsed.values as Parsed['values'];
  for (const name of Object.keys(values) as OptionName[]) {
    if (name !== 'help' && !spec.options.includes(name)) {
      throw new UserError(t('cli.optionNotForCommand', { option: `--${name}`, command }));
    }
  }
  let argument: string | undefined;
  const positionals = parsed.positionals;
  for (const [i, value] of positionals.entries()) {
    if (i > 0 || !spec.positional) throw new UserError(t('cli.extraPositional', { command, value }));
    if (spec.positional === 'kpi-id' || spec.positional === 'command') {
      argument = value;
      continue;
    }
    // A positional inbox (or --out of `report`) stands for the option; it is never ignored.
    const option = spec.positional;
    const given = values[option];
    if (given !== undefined) {
      throw new UserError(t('cli.positionalTwice', { value, option: `--${option}`, given: String(given) }));
    }
    values[option] = value;
  }
  return { command, values, ...(argument !== undefined ? { argument } : {}) };
}

/** Node's parser errors, in the catalogue's words. */
function argumentError(e: Error & { code?: string }, command: string, args: string[]): string {
  const unknown = /Unknown option '([^']+)'/.exec(e.message)?.[1];
  if (unknown) {
    const names = COMMANDS[command]!.options.map((o) => `--${o}`);
    const near = closest(unknown.replace(/^-+/, '--'), names, (s) => s.toLowerCase().replace(/_/g, '-'));
    return t('cli.unknownOption', {
      option: unknown,
      command,
      hint: near ? t('cli.didYouMean', { suggestion: near }) : '',
    });
  }
  const option =
    /Option '(?:-\w, )?(--[\w-]+)/.exec(e.message)?.[1] ?? args.find((a) => a.startsWith('--')) ?? '';
  const spec = OPTIONS[option.slice(2) as OptionName] as OptionSpec | undefined;
  if (spec?.type === 'boolean') return t('cli.flagWithValue', { option });
  const example = option === '--as-of' ? '2026-11-22' : (spec?.value ?? '');
  return t('cli.missingValue', { option, example });
}
