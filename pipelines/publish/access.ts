/**
 * Who may read what a run leaves behind (docs/privacy-and-reliability.md). restricted/ (the warehouse and
 * person-level evidence), .cache/ (the kept warehouse), the run's work and spill folders and the lock
 * are the owner's only: folders 0700, files 0600. `restrictedGroup` shares them with one group:
 * 0750/0640, the folders setgid so new files take the group. public/ stays readable by everyone.
 * On Windows, file modes do not apply; the ACLs of the output folder do (README).
 */
import { readFileSync } from 'node:fs';
import { chmod, chown, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Warning } from '../../schemas/outputs.ts';
import { ConfigError } from '../errors.ts';
import { t } from '../i18n/index.ts';

export interface Access {
  dirMode: number;
  fileMode: number;
  gid?: number;
}

// Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
const POSIX = process.platform !== 'win32';

/** A group's id from its name or number (/etc/group); a ConfigError when there is no such group. */
export function groupId(group: string): number {
  if (/^\d+$/.test(group)) return Number(group);
  let lines: string[] = [];
  try {
    lines = readFileSync('/etc/group', 'utf8').split('\n');
  } catch {
    /* no group database: the group cannot be found */
  }
  for (const line of lines) {
    const [name, , gid] = line.split(':');
    if (name === group && gid !== undefined) return Number(gid);
  }
  throw new ConfigError(t('config.restrictedGroup', { group }));
}

/** public/, the run folders and the manifest: readable by everyone, writable by the owner only. */
export const PUBLIC_ACCESS: Access = { dirMode: 0o755, fileMode: 0o644 };

export function restrictedAccess(group: string | undefined): Access {
  return group === undefined
    ? { dirMode: 0o700, fileMode: 0o600 }
    : { dirMode: 0o2750, fileMode: 0o640, gid: groupId(group) };
}

/** Creates a folder (and its parents) and gives it the access; an existing one gets it too. */
export async function privateDir(path: string, access: Access): Promise<void> {
  await mkdir(path, { recursive: true, mode: access.dirMode & 0o777 });
  await applyTo(path, access, true);
}

async function applyTo(path: string, access: Access, isDir: boolean): Promise<void> {
  // Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
  if (!POSIX) return;
  if (access.gid !== undefined) await chown(path, -1, access.gid);
  await chmod(path, isDir ? access.dirMode : access.fileMode);
}

/** Gives a file or a whole tree the access (symbolic links are left alone). */
export async function lockDown(path: string, access: Access): Promise<void> {
  // Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
  if (!POSIX) return;
  const st = await lstat(path).catch(() => undefined);
  if (!st || st.isSymbolicLink()) return;
  await applyTo(path, access, st.isDirectory());
  if (st.isDirectory()) for (const name of await readdir(path)) await lockDown(join(path, name), access);
}

/**
 * A key file that others can read lets them reverse the pseudonyms of CPR numbers they know. Group
 * read is fine only for the configured restricted group's members.
 */
export async function keyFileWarnings(
  file: string | undefined,
  restrictedGroup?: string,
): Promise<Warning[]> {
  if (!file) return [];
  // Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
  if (!POSIX) return [];
  const st = await stat(file).catch(() => undefined);
  if (!st) return [];
  const others = (st.mode & 0o004) !== 0;
  const group = (st.mode & 0o040) !== 0 && restrictedGroup === undefined;
  if (!others && !group) return [];
  const mode = (st.mode & 0o777).toString(8);
  return [
    {
      code: 'key_file_permissions',
      message: t('warn.keyFile', {
        file,
        who: t(others ? 'warn.keyFile.everyone' : 'warn.keyFile.group'),
        mode,
      }),
    },
  ];
}
