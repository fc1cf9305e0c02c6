import { execFile, execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The folder of initdb, pg_ctl, pg_basebackup and postgres (`pg_config --bindir`). */
export function postgresBinDir(): string {
  return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
}

/** Whether this process runs as root, which PostgreSQL's binaries refuse. */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (initdb and postgres refuse root). */
export async function runPostgresBinary(bin: string, args: string[]) {
  const path = join(postgresBinDir(), bin)
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args)
}

/** The direct children of a process (a postmaster's backends), to kill them by PID with it. */
export function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

/** Whether a process still exists (signal 0). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
