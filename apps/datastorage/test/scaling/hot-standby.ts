import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  canConnect,
  childPids,
  freePort,
  isAlive,
  isRoot,
  runPostgresBinary,
  type ThrowawayPostgres,
  waitFor,
} from '@audit-trail/test-infra'

/** A hot standby of a throwaway primary, streaming from it; `kill()` ends it by its PID. */
export interface HotStandby {
  readonly url: string
  readonly port: number
  /** SIGKILL to the postmaster and its children (by the PIDs it wrote), then waits for them to exit. */
  kill(): Promise<void>
  /** Kills it and deletes its files. Idempotent. */
  destroy(): Promise<void>
}

/**
 * Copies `primary` with `pg_basebackup -R` (streaming WAL during the copy, then a standby that
 * follows the primary) into a temp directory and starts it on 127.0.0.1 and a free port, read-only
 * (`hot_standby`). The primary started by `startThrowawayPostgres` already allows replication
 * connections from 127.0.0.1 (initdb's pg_hba) and has `wal_level=replica` (PostgreSQL's default).
 * Never touches any other server.
 */
export async function startHotStandby(primary: ThrowawayPostgres): Promise<HotStandby> {
  const port = await freePort()
  const root = mkdtempSync(join(tmpdir(), 'audit-standby-'))
  chmodSync(root, 0o755)
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(root, uid, gid)
  }
  const dataDir = join(root, 'data')
  await runPostgresBinary('pg_basebackup', [
    ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
    ...['-D', dataDir, '-R', '-X', 'stream', '--no-sync', '-c', 'fast'],
  ])
  // max_connections at least the primary's (a standby refuses to start below it).
  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-c port=${port}`,
    `-k ${root}`,
    '-c max_connections=200',
    '-c hot_standby=on',
    '-c fsync=off',
  ].join(' ')
  await runPostgresBinary('pg_ctl', [
    '-D',
    dataDir,
    '-o',
    settings,
    '-l',
    join(root, 'postgres.log'),
    '-w',
    '-t',
    '30',
    'start',
  ])
  await waitFor(`the standby on port ${port}`, () => canConnect('127.0.0.1', port), 30_000)

  const postmasterPid = (() => {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster PID in ${dataDir}`)
    return pid
  })()
  let killed = false
  const kill = async () => {
    if (killed) return
    killed = true
    const pids = [postmasterPid, ...childPids(postmasterPid)]
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    await waitFor('the standby processes to exit', () => pids.every((p) => !isAlive(p)), 10_000, 20)
  }
  let destroyed = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    kill,
    async destroy() {
      if (destroyed) return
      destroyed = true
      await kill()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
