import {
  createTestDatabase,
  deleteKeysWithPrefix,
  type Infrastructure,
  redisKeyPrefix,
  resolveInfrastructure,
  type TestDatabase,
} from '@audit-trail/test-infra'
import type { TestProject } from 'vitest/node'
import { type DatastorageProcess, type ServiceTokens, startDatastorage } from './datastorage-process.js'

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      /** Admin URL of the PostgreSQL server (scenarios create their own databases on it). */
      postgresUrl: string
      redisUrl: string
      /** The database of the shared service. */
      databaseUrl: string
      /** The shared datastorage process. */
      serviceUrl: string
      /**
       * Its tokens (it runs in tokens mode): clients write with `writer`, queries read with
       * `reader`, each holding the one scope it needs.
       */
      tokens: ServiceTokens
      /** Redis key prefix of this run; every key a scenario writes starts with it. */
      keyPrefix: string
    }
  }
}

/**
 * Once per run: find PostgreSQL and Redis (in the order README.md#tests gives, printed), create this
 * run's database, start one shared datastorage process. Scenarios that kill or restart the service
 * start their own.
 */
export default async function setup(project: TestProject) {
  let infra: Infrastructure | undefined
  let db: TestDatabase | undefined
  let service: DatastorageProcess | undefined
  const keyPrefix = redisKeyPrefix()
  const teardown = async () => {
    await service?.stop()
    await db?.drop().catch((e: unknown) => console.error('[e2e] dropping the test database failed', e))
    if (infra) await deleteKeysWithPrefix(infra.redisUrl, keyPrefix).catch(() => 0)
    await infra?.teardown()
  }
  try {
    infra = await resolveInfrastructure({ log: (line) => console.log(`[e2e] ${line}`) })
    db = await createTestDatabase(infra.postgresUrl, 'audit_e2e')
    service = await startDatastorage({ databaseUrl: db.url })
    console.log(`[e2e] shared datastorage at ${service.url} (database ${db.name}, auth: tokens)`)
    project.provide('e2e', {
      postgresUrl: infra.postgresUrl,
      redisUrl: infra.redisUrl,
      databaseUrl: db.url,
      serviceUrl: service.url,
      tokens: service.tokens,
      keyPrefix,
    })
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}
