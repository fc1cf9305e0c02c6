import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type ServiceProcess, startServiceProcess } from '@audit-trail/test-infra'

export type DatastorageProcess = ServiceProcess

/** Starts the built `datastorage serve` (turbo builds it before `bench`) on a free port, LOG_LEVEL warn. */
export function startDatastorage(options: {
  databaseUrl: string
  redisUrl: string
  env: Record<string, string>
}): Promise<DatastorageProcess> {
  const packageJson = createRequire(import.meta.url).resolve('@audit-trail/datastorage/package.json')
  return startServiceProcess({
    script: join(dirname(packageJson), 'dist', 'cli.js'),
    args: ['serve'],
    env: {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  })
}
