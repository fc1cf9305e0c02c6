import {
  createTestDatabase,
  deleteKeysWithPrefix,
  type Infrastructure,
  redisKeyPrefix,
  resolveInfrastructure,
  type TestDatabase,
} from '@audit-trail/test-infra'
import { type DatastorageProcess, serviceNodeFlags, startDatastorage } from './datastorage-process.js'

/** What a benchmark gets from the runner: its scale, and resources that are released after it. */
export interface BenchRun {
  /** `BENCH_SCALE`: multiply counts and durations by it. */
  readonly scale: number
  /** PostgreSQL and Redis, found once per process (in the order README.md#tests gives) and printed. */
  infrastructure(): Promise<Infrastructure>
  /** A new empty database on that server, dropped when the benchmark ends. */
  freshDatabase(label: string): Promise<TestDatabase>
  /**
   * The built datastorage service as a child process on `databaseUrl`, with its dead-letter streams
   * under this run's Redis key prefix (deleted at the end) and a tokens file of its own (its
   * `tokens`: clients write with `writer`, queries read with `reader`); stopped when the benchmark
   * ends. `env` adds or overrides the service's environment (e.g. `TRANSPARENCY_LOG: 'off'`);
   * `BENCH_SERVICE_NODE_FLAGS` adds Node flags (`--cpu-prof`).
   */
  startService(databaseUrl: string, name: string, env?: Record<string, string>): Promise<DatastorageProcess>
  /** Registers a clean-up step; they run in reverse order when the benchmark ends, even on failure. */
  defer(step: () => Promise<unknown>): void
}

/** Clean-up steps run last-in first-out; a failing step is logged and does not stop the others. */
class CleanupStack {
  #steps: Array<() => Promise<unknown>> = []

  push(step: () => Promise<unknown>): void {
    this.#steps.push(step)
  }

  async run(): Promise<void> {
    const steps = this.#steps.reverse()
    this.#steps = []
    for (const step of steps) {
      await step().catch((error: unknown) => console.error('[bench] clean-up step failed:', error))
    }
  }
}

/**
 * The process-wide part of a run: infrastructure (resolved on first use), the Redis key prefix, and
 * one clean-up scope per benchmark. `close()` deletes the run's Redis keys and stops what
 * `resolveInfrastructure` started.
 */
export class BenchSession {
  readonly keyPrefix = redisKeyPrefix()
  readonly #root = new CleanupStack()
  #infra: Promise<Infrastructure> | undefined
  #scopes = new Set<CleanupStack>()

  constructor(readonly scale: number) {}

  infrastructure(): Promise<Infrastructure> {
    if (!this.#infra) {
      this.#infra = resolveInfrastructure({ log: (line) => console.log(`[bench] ${line}`) })
      this.#root.push(async () => {
        const infra = await this.#infra!
        await deleteKeysWithPrefix(infra.redisUrl, this.keyPrefix)
        await infra.teardown()
      })
    }
    return this.#infra
  }

  /** Runs one benchmark with its own clean-up scope, released when it settles. */
  async run<T>(benchmark: (run: BenchRun) => Promise<T>): Promise<T> {
    const scope = new CleanupStack()
    this.#scopes.add(scope)
    const run: BenchRun = {
      scale: this.scale,
      infrastructure: () => this.infrastructure(),
      freshDatabase: async (label) => {
        const infra = await this.infrastructure()
        const db = await createTestDatabase(infra.postgresUrl, `audit_bench_${label}`)
        scope.push(() => db.drop())
        return db
      },
      startService: async (databaseUrl, name, env = {}) => {
        const infra = await this.infrastructure()
        const prefix = `${this.keyPrefix}${name}:`
        const service = await startDatastorage({
          databaseUrl,
          redisUrl: infra.redisUrl,
          env: {
            DLQ_STREAM: `${prefix}audit:dlq:events`,
            DEAD_LETTER_STREAM: `${prefix}audit:dead-letter:events`,
            ...env,
          },
          nodeFlags: serviceNodeFlags(),
        })
        scope.push(() => service.stop())
        return service
      },
      defer: (step) => scope.push(step),
    }
    try {
      return await benchmark(run)
    } finally {
      await scope.run()
      this.#scopes.delete(scope)
    }
  }

  /** Releases everything: open benchmark scopes first, then the run's Redis keys and infrastructure. */
  async close(): Promise<void> {
    for (const scope of this.#scopes) await scope.run()
    await this.#root.run()
  }
}
