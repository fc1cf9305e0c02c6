import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, PGLITE_IN_MEMORY } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { createAuditEventStore } from '../src/store/postgres-audit-event-store.js'
import { defineStoreSuite, MIGRATION_COUNT, makeEvent } from './store-suite.js'
import { RECORDED_BY } from './support/events.js'

// One in-memory PGlite for the suite: it takes 3–4 s to start.
defineStoreSuite('pglite', () => openDatabase({ pgliteDataDir: PGLITE_IN_MEMORY }))

describe('PGlite under a directory', () => {
  it('keeps events and applied migrations across a restart', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'audit-pglite-'))
    const pgliteDataDir = join(parent, 'nested', 'pglite')
    try {
      const event = makeEvent({ event_timestamp: '2024-12-31T23:59:59.999999Z' })
      const first = await openDatabase({ pgliteDataDir })
      expect(await migrateDatabase(first)).toBe(MIGRATION_COUNT)
      await createAuditEventStore(first).insert([event], RECORDED_BY)
      await first.close()

      const second = await openDatabase({ pgliteDataDir })
      const store = createAuditEventStore(second)
      try {
        expect(await migrateDatabase(second)).toBe(0)
        expect(await store.get(event.event_id)).toMatchObject({
          event_timestamp: event.event_timestamp,
          event_date: '2024-12-31',
        })
      } finally {
        await store.close()
      }
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  })

  it('names the option that is out of range', async () => {
    await expect(openDatabase({ url: 'postgres://x@127.0.0.1/x', maxConnections: 0 })).rejects.toThrow(
      /maxConnections/,
    )
  })
})
