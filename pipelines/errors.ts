/**
 * Errors a user can act on. They carry the exit code (docs/commands.md): 1 = the run failed and the
 * previous outputs are untouched, 2 = usage or configuration. The CLI prints `message` without a stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class ConfigError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'ConfigError';
  }
}

/** A run that failed for a reason the analyst can fix (data, disk, lock): exit 1. */
export class RunError extends UserError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'RunError';
  }
}

/** A problem with one input file. It quarantines the file; it never stops the run. */
export class FileRejected extends Error {
  constructor(
    message: string,
    readonly rule: string,
    readonly rowsRead = 0,
  ) {
    super(message);
    this.name = 'FileRejected';
  }
}
