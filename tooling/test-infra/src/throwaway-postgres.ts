import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { canConnect, freePort, waitFor } from './free-port.js'
import { childPids, isAlive, isRoot, runPostgresBinary } from './postgres-binaries.js'

/** A PostgreSQL server this process started for itself; stop() kills only it. */
export interface ThrowawayPostgres {
  readonly url: string
  readonly port: number
  readonly dataDir: string
  /** Stops the server (fast shutdown). The data directory stays so start() can bring it back. */
  stop(): Promise<void>
  /**
   * Kills the postmaster and its backends with SIGKILL, a crash of PostgreSQL (committed data
   * survives, even with `fast`); resolves when they are gone.
   */
  kill(): Promise<void>
  /** Starts the server again on the same port and data. */
  start(): Promise<void>
  /** Stops it and deletes its files. Idempotent. */
  destroy(): Promise<void>
}

/** Options of {@link startThrowawayPostgres}. */
export interface ThrowawayPostgresOptions {
  /** Port; default a free one. */
  port?: number
  /**
   * `fsync=off` and `full_page_writes=off`: nothing waits for the disk. A commit still writes its
   * WAL to the kernel before it returns (`synchronous_commit` stays on), so what was committed
   * survives {@link ThrowawayPostgres.kill} (a crash of PostgreSQL, not of the machine), as fault
   * tests expect; with `synchronous_commit=off` the last commits before a kill were lost. Default
   * true; false for measurements that must pay for durability as production does.
   */
  fast?: boolean
}

/**
 * Starts a private PostgreSQL (initdb + pg_ctl) on 127.0.0.1 and a free port, in a temp
 * directory; takes about 1-2 s. For fault tests that stop, kill and restart the database.
 */
export async function startThrowawayPostgres(
  options: ThrowawayPostgresOptions = {},
): Promise<ThrowawayPostgres> {
  const { fast = true } = options
  const port = options.port ?? (await freePort())
  const root = mkdtempSync(join(tmpdir(), 'audit-pg-'))
  chmodSync(root, 0o755)
  const dataDir = join(root, 'data')
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(root, uid, gid)
  }
  await runPostgresBinary('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ])
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-k ${root}`,
    `-c max_connections=200`,
    ...(fast ? ['-c fsync=off', '-c full_page_writes=off'] : []),
  ].join(' ')
  const start = async () => {
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
    await waitFor(`PostgreSQL on port ${port}`, () => canConnect('127.0.0.1', port), 30_000)
  }
  await start()
  let destroyed = false
  const pg: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start,
    async stop() {
      await runPostgresBinary('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined)
    },
    async kill() {
      const pid = postmasterPid(dataDir)
      if (!pid) return
      // Backends outlive a killed postmaster for a moment and keep its shared memory, which
      // would refuse the next start: kill them too, then wait until every one is gone.
      const pids = [pid, ...childPids(pid)]
      for (const p of pids) signal(p, 'SIGKILL')
      await waitFor(
        'killed PostgreSQL processes to exit',
        async () => pids.every((p) => !isAlive(p)),
        10_000,
        20,
      )
    },
    async destroy() {
      if (destroyed) return
      destroyed = true
      await runPostgresBinary('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(
        () => undefined,
      )
      rmSync(root, { recursive: true, force: true })
    },
  }
  return pg
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig)
  } catch {
    // already gone
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const text = execFileSync('cat', [join(dataDir, 'postmaster.pid')], { encoding: 'utf8' })
    const pid = Number(text.split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}
