import type { components } from '@audit-trail/datastorage-client'
import { type ApiClient, ApiError, unwrap } from './api.js'
import type { AuditEvent } from './events.js'
import { type Integrity, verifyEventInclusion } from './integrity.js'
import { parseRawPublicKey } from './merkle.js'

type Checkpoint = components['schemas']['Checkpoint']

/** The badge could not be checked now (the service or network failed): no verdict, asked again later. */
export class VerificationUnavailable extends Error {
  override readonly name = 'VerificationUnavailable'
}

/** How long the newest checkpoint is reused before it is asked for again. */
const CHECKPOINT_TTL_MS = 5000

/**
 * Verifies events' integrity badges on demand, each at most once: a verified or failed badge is
 * kept for the page's life (a stored event does not change, nor does a signed tree); an unsealed
 * one is asked again once a newer checkpoint may include it. One newest checkpoint serves every
 * check made within {@link CHECKPOINT_TTL_MS}; each proof is asked for that checkpoint's size, so
 * the proof and the root always belong to the same tree.
 */
export class IntegrityVerifier {
  private readonly results = new Map<string, { at: number; result: Promise<Integrity> }>()
  /** Final badges, readable at once (a row drawn again shows its badge without a flicker). */
  private readonly final = new Map<string, Integrity>()
  private checkpoint: { at: number; value: Promise<Checkpoint | undefined> } | undefined
  private readonly key: Uint8Array<ArrayBuffer> | undefined
  private readonly keyProblem: string | undefined

  constructor(
    private readonly client: ApiClient,
    publicKey: string,
  ) {
    this.key = publicKey.trim() === '' ? undefined : parseRawPublicKey(publicKey)
    this.keyProblem =
      publicKey.trim() !== '' && this.key === undefined
        ? 'the public key given is neither an Ed25519 SPKI PEM nor the base64 of 32 bytes'
        : undefined
  }

  /** The badge of `event`, from the cache when it is final. */
  verify(event: AuditEvent): Promise<Integrity> {
    const now = Date.now()
    const cached = this.results.get(event.event_id)
    if (cached && (cached.at === Number.POSITIVE_INFINITY || now - cached.at < CHECKPOINT_TTL_MS)) {
      return cached.result
    }
    const result = this.check(event)
    const entry = { at: now, result }
    this.results.set(event.event_id, entry)
    void result.then((r) => {
      // Final answers are kept; an unsealed one expires with the checkpoint it was checked against.
      if (r.state === 'verified' || r.state === 'failed' || r.state === 'unsigned') {
        entry.at = Number.POSITIVE_INFINITY
        this.final.set(event.event_id, r)
      }
    })
    return result
  }

  /** The event's final badge (verified or failed) if it was already checked. */
  settled(eventId: string): Integrity | undefined {
    return this.final.get(eventId)
  }

  private latestCheckpoint(): Promise<Checkpoint | undefined> {
    const now = Date.now()
    if (!this.checkpoint || now - this.checkpoint.at >= CHECKPOINT_TTL_MS) {
      const value = this.client.GET('/api/v1/audit/checkpoints/latest').then((r) => {
        if (r.response.status === 404) return undefined
        return unwrap(r, 'GET /checkpoints/latest')
      })
      this.checkpoint = { at: now, value }
      value.catch(() => {
        this.checkpoint = undefined
      })
    }
    return this.checkpoint.value
  }

  private async check(event: AuditEvent): Promise<Integrity> {
    if (this.keyProblem) return { state: 'failed', why: this.keyProblem }
    try {
      const checkpoint = await this.latestCheckpoint()
      if (!checkpoint) return { state: 'unsealed', why: 'no checkpoint signed yet' }
      const r = await this.client.GET('/api/v1/audit/events/{event_id}/proof', {
        params: { path: { event_id: event.event_id }, query: { tree_size: checkpoint.tree_size } },
      })
      const type = (r.error as { type?: string } | undefined)?.type ?? ''
      if (r.response.status === 404 && !type.endsWith('/not-found')) {
        return {
          state: 'unsealed',
          why: `not in the signed tree of ${checkpoint.tree_size} events yet (sealed at the next checkpoint)`,
        }
      }
      const proof = unwrap(r, 'GET /events/{event_id}/proof')
      return await verifyEventInclusion(event, proof, checkpoint, this.key)
    } catch (error) {
      // A network or service failure is no verdict: it is not cached as final.
      const why = error instanceof ApiError ? error.message : `request failed: ${(error as Error).message}`
      this.results.delete(event.event_id)
      throw new VerificationUnavailable(why)
    }
  }
}
