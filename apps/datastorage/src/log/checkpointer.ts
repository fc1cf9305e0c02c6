import { signCheckpoint, toHex } from '@audit-trail/merkle'
import { sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/client.js'
import type { StoredCheckpoint } from './log-reader.js'
import { readTree } from './seal-batch.js'
import type { SigningKey } from './signing-key.js'

/**
 * Signs a checkpoint of the tree as `audit_log_state` holds it, if it has more leaves than the
 * newest checkpoint, and stores it. The root comes from the state's peaks (the tree is never
 * rehashed), the timestamp is `now` in whole milliseconds, which is what `signed_at` keeps and the
 * signed text carries. Returns undefined when the tree did not grow, or when another process
 * stored a checkpoint of the same size first (the table keeps one per size).
 *
 * @example
 * const checkpoint = await checkpointIfGrown(session.db, key, config.transparencyLog.origin)
 */
export async function checkpointIfGrown(
  db: Database,
  key: SigningKey,
  origin: string,
  now: Date = new Date(),
): Promise<StoredCheckpoint | undefined> {
  const tree = await readTree(db, { forUpdate: false })
  if (tree.size === 0) return undefined
  const [latest] = rowsOf<{ tree_size: string }>(
    await db.execute(sql`SELECT max(tree_size)::text AS tree_size FROM audit_log_checkpoints`),
  )
  if (latest?.tree_size != null && Number(latest.tree_size) >= tree.size) return undefined
  const rootHash = tree.root()
  const signedAt = new Date(now.getTime())
  const signed = signCheckpoint(
    { origin, tree_size: tree.size, root_hash: toHex(rootHash), timestamp: signedAt.toISOString() },
    key.privateKey,
  )
  const signature = Buffer.from(signed.signature, 'base64')
  const inserted = rowsOf<{ tree_size: string }>(
    await db.execute(sql`
      INSERT INTO audit_log_checkpoints (tree_size, root_hash, signed_at, origin, key_id, signature)
      VALUES (${String(tree.size)}::bigint, decode(${rootHash.toString('hex')}, 'hex'),
              ${signedAt.toISOString()}::timestamptz, ${origin}, ${signed.key_id},
              decode(${signature.toString('hex')}, 'hex'))
      ON CONFLICT (tree_size) DO NOTHING
      RETURNING tree_size::text AS tree_size`),
  )
  if (inserted.length === 0) return undefined
  return { treeSize: tree.size, rootHash, signedAt, origin, keyId: signed.key_id, signature }
}
