import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type ServiceProcess, startServiceProcess } from '@audit-trail/test-infra'

/** The built service's CLI (`pnpm build` makes it; turbo builds it before this suite). */
export function datastorageCliPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@audit-trail/datastorage/package.json')), 'dist', 'cli.js')
}

/** Options of {@link startDatastorage}. */
export interface DatastorageProcessOptions {
  databaseUrl: string
  /** Unset: the service runs without a dead-letter queue. */
  redisUrl?: string
  /** Default: a free port. Kept across restarts. */
  port?: number
  /** Extra environment (e.g. LOG_LEVEL, limits, DLQ stream names). */
  env?: Record<string, string>
}

export type DatastorageProcess = ServiceProcess

/** Starts `datastorage serve` as a child process on 127.0.0.1 and waits until /readyz answers 200. */
export function startDatastorage(options: DatastorageProcessOptions): Promise<DatastorageProcess> {
  return startServiceProcess({
    script: datastorageCliPath(),
    args: ['serve'],
    ...(options.port === undefined ? {} : { port: options.port }),
    env: {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  })
}
