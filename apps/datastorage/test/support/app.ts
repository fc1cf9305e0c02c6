import { Writable } from 'node:stream'
import type { Hono } from 'hono'
import type { DataStorageConfig } from '../../src/env.js'
import { type CreateAppOptions, createApp } from '../../src/http/app.js'
import type { AppEnv } from '../../src/http/context.js'
import { ReadinessState } from '../../src/http/readiness.js'
import { createLogger } from '../../src/logger.js'
import { createMetrics, type DataStorageMetrics } from '../../src/metrics/service-metrics.js'
import type { AuditEventStore } from '../../src/store/audit-event-store.js'
import { composeServiceStore } from '../../src/store/service-store.js'

/** Captures pino's JSON lines in memory. */
export function logCapture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  }
}

export const testConfig: Pick<DataStorageConfig, 'bodyLimitBytes' | 'maxBatchSize' | 'unknownEventTypes'> = {
  bodyLimitBytes: 5 * 1024 * 1024,
  maxBatchSize: 5000,
  unknownEventTypes: 'accept',
}

export interface TestApp {
  app: Hono<AppEnv>
  metrics: DataStorageMetrics
  readiness: ReadinessState
  logs: () => Array<Record<string, unknown>>
}

/**
 * An app over `store`, composed as the server composes it (without a write timeout), with captured
 * logs, its own metrics registry and readiness state.
 */
export function buildTestApp(
  store: AuditEventStore,
  overrides: Partial<Omit<CreateAppOptions, 'store' | 'logger' | 'config'>> & {
    config?: Partial<typeof testConfig>
  } = {},
): TestApp {
  const capture = logCapture()
  const metrics = overrides.metrics ?? createMetrics({ defaultMetrics: false })
  const readiness = overrides.readiness ?? new ReadinessState()
  const app = createApp({
    ...overrides,
    store: composeServiceStore(store, { metrics }).requests,
    logger: createLogger({ level: 'debug', destination: capture.stream }),
    metrics,
    readiness,
    config: { ...testConfig, ...overrides.config },
  })
  return { app, metrics, readiness, logs: capture.lines }
}
