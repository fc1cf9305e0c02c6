import { createDataStorageClient, type DataStorageClient } from '@audit-trail/datastorage-client'
import { waitFor } from '@audit-trail/test-infra'
import postgres from 'postgres'

/** A reader of the service's integrity API. */
export function integrityClient(url: string, token: string): DataStorageClient {
  return createDataStorageClient({ baseUrl: url, token })
}

/**
 * Waits until the newest checkpoint seals every one of `eventIds`: each has an inclusion proof at
 * the checkpoint's size (404 `event-not-sealed` before). Returns that checkpoint's size.
 */
export async function waitSealed(
  client: DataStorageClient,
  eventIds: readonly string[],
  timeoutMs = 20_000,
): Promise<number> {
  const last = eventIds.at(-1)
  let size = 0
  await waitFor(
    `a checkpoint sealing ${eventIds.length} events`,
    async () => {
      const latest = await client.GET('/api/v1/audit/checkpoints/latest')
      if (!latest.data) return false
      size = latest.data.tree_size
      // Events are sealed in the order they were committed; one request per event would add a
      // self-audit event each, so check all of them only once the newest is in.
      const probe = last === undefined ? [] : [last, ...eventIds]
      for (const id of probe) {
        const { response } = await client.GET('/api/v1/audit/events/{event_id}/proof', {
          params: { path: { event_id: id }, query: { tree_size: size } },
        })
        if (response.status !== 200) return false
      }
      return true
    },
    timeoutMs,
    100,
  )
  return size
}

/**
 * Runs `change` as the database superuser with the append-only triggers off for that session
 * (`session_replication_role = replica`): what an operator with shell access to PostgreSQL could
 * do behind the service's back.
 */
export async function tamper<T>(
  databaseUrl: string,
  change: (sql: postgres.TransactionSql) => Promise<T>,
): Promise<T> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    return (await sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`
      return change(tx)
    })) as T
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/** Deletes exactly one stored event. */
export async function deleteEvent(tx: postgres.TransactionSql, eventId: string): Promise<void> {
  const rows = await tx`DELETE FROM audit_events WHERE event_id = ${eventId}`
  if (rows.count !== 1) throw new Error(`expected to delete event ${eventId}, deleted ${rows.count}`)
}
