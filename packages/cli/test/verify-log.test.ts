import { generateSigningKey } from '@audit-trail/merkle'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import type { VerifyReport } from '../src/verify/report.js'
import { makeSelection } from '../src/verify/selection.js'
import { verifyLog } from '../src/verify/verify-log.js'
import { buildLog, type MemoryLog, MemorySource, makeEvents, sign } from './support/memory-log.js'

const NOW = Date.UTC(2026, 11, 2, 8, 0)

function failuresOf(report: VerifyReport): string[] {
  return report.failures.map((f) => `${f.reason} ${f.event_id ?? ''} ${f.leaf_index ?? ''}`.trim())
}

async function verify(log: MemoryLog, options: Partial<Parameters<typeof verifyLog>[0]> = {}) {
  return verifyLog({ source: new MemorySource(log), publicKey: log.key.publicKey, ...options })
}

describe('verifyLog', () => {
  it('accepts an untouched log: every leaf hashes into the signed root and every event equals its leaf', async () => {
    const log = buildLog(makeEvents(11))
    const report = await verify(log)
    expect(report.valid).toBe(true)
    expect(report.failures).toEqual([])
    expect(report.checkpoint.signature_valid).toBe(true)
    expect(report.leaves).toEqual({ read: 11, root_matches: true, selected: 11 })
    expect(report.events).toEqual({ received: 11, matched: 11, unsealed: 0, removed: 0 })
    expect(report.consistency.status).toBe('not_requested')
  })

  it('names an altered event and its leaf, and nothing else', async () => {
    const log = buildLog(makeEvents(9))
    const target = log.events[4]!
    ;(target['event_data'] as Record<string, unknown>)['ratio'] = 0.25
    const report = await verify(log)
    expect(report.valid).toBe(false)
    expect(failuresOf(report)).toEqual([`altered ${target.event_id} 4`])
    expect(report.failures[0]!.message).toBe(`altered ${target.event_id} (leaf 4)`)
    expect(report.events.matched).toBe(8)
  })

  it('does not call an event altered when only its number spelling or key order differ (JCS)', async () => {
    const log = buildLog(makeEvents(3))
    const { event_id, event_data, ...rest } = log.events[1]!
    // Same JSON value, keys in another order: the canonical bytes are the same.
    log.events[1] = { ...rest, event_data, event_id } as (typeof log.events)[number]
    const report = await verify(log)
    expect(report.failures).toEqual([])
  })

  it('names a deleted event as missing, in the middle and at the end', async () => {
    const log = buildLog(makeEvents(10))
    const middle = log.events[5]!
    const newest = log.events[9]!
    log.events.splice(9, 1)
    log.events.splice(5, 1)
    const report = await verify(log)
    expect(failuresOf(report)).toEqual([`missing ${middle.event_id} 5`, `missing ${newest.event_id} 9`])
    expect(report.failures[0]!.message).toBe(`missing ${middle.event_id} (leaf 5)`)
  })

  it('reports an event removed by retention without failing', async () => {
    const log = buildLog(makeEvents(6))
    const gone = log.events[2]!
    log.leaves[2] = {
      ...log.leaves[2]!,
      removed: { reason: 'retention', removed_at: '2027-01-05T00:00:00.000Z' },
    }
    log.events.splice(2, 1)
    const report = await verify(log)
    expect(report.valid).toBe(true)
    expect(report.removed).toEqual([
      { event_id: gone.event_id, leaf_index: 2, removed_at: '2027-01-05T00:00:00.000Z' },
    ])
    expect(report.events.removed).toBe(1)
  })

  it('still compares a retention-flagged leaf whose event is present', async () => {
    const log = buildLog(makeEvents(4))
    log.leaves[1] = {
      ...log.leaves[1]!,
      removed: { reason: 'retention', removed_at: '2027-01-05T00:00:00.000Z' },
    }
    log.events[1]!['event_type'] = 'changed'
    const report = await verify(log)
    expect(failuresOf(report)).toEqual([`altered ${log.events[1]!.event_id} 1`])
    expect(report.removed).toEqual([])
  })

  it('counts events stored after the checkpoint as unsealed, not failures', async () => {
    const log = buildLog(makeEvents(8), 6)
    const report = await verify(log)
    expect(report.valid).toBe(true)
    expect(report.events.unsealed).toBe(2)
    expect(report.unsealed.sort()).toEqual([log.events[6]!.event_id, log.events[7]!.event_id].sort())
  })

  it('fails on a checkpoint signed by another key, before reading anything else', async () => {
    const log = buildLog(makeEvents(5))
    const source = new MemorySource(log)
    const report = await verifyLog({ source, publicKey: generateSigningKey().publicKey })
    expect(report.valid).toBe(false)
    expect(failuresOf(report)).toEqual(['checkpoint_signature_invalid'])
    expect(report.checkpoint.signature_valid).toBe(false)
    expect(report.leaves.read).toBe(0)
    expect(source.requests).toEqual([])
  })

  it('fails on a checkpoint whose signed field was changed', async () => {
    const log = buildLog(makeEvents(5))
    const changed: MemoryLog = { ...log, checkpoint: { ...log.checkpoint, tree_size: 4 } }
    const report = await verify(changed)
    expect(failuresOf(report)).toEqual(['checkpoint_signature_invalid'])
  })

  it('fails when a leaf was changed: the leaves no longer hash to the root', async () => {
    const log = buildLog(makeEvents(7))
    log.leaves[3] = { ...log.leaves[3]!, leaf_hash: 'ab'.repeat(32) }
    const report = await verify(log)
    expect(report.leaves.root_matches).toBe(false)
    expect(report.failures.map((f) => f.reason)).toContain('leaf_mismatch')
  })

  it('fails when the leaf list is short or out of order', async () => {
    const log = buildLog(makeEvents(7))
    const short = await verify({ ...log, leaves: log.leaves.slice(0, 6) })
    expect(short.failures.map((f) => f.message)).toContain(
      'the leaf list is not the signed tree: 6 leaves listed, the checkpoint has 7',
    )
    const swapped = [...log.leaves]
    ;[swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!]
    const reordered = await verify({ ...log, leaves: swapped })
    expect(reordered.failures.map((f) => f.message)).toContain(
      'the leaf list is not the signed tree: leaf 2 expected, leaf 3 listed',
    )
  })

  describe('--state', () => {
    it('verifies the consistency proof from the remembered checkpoint', async () => {
      const log = buildLog(makeEvents(13))
      const previous = sign(log.leaves, log.key.privateKey, 5)
      const source = new MemorySource(log)
      const report = await verifyLog({ source, publicKey: log.key.publicKey, previous })
      expect(report.valid).toBe(true)
      expect(report.consistency).toEqual({
        status: 'verified',
        from_tree_size: 5,
        from_root_hash: previous.root_hash,
      })
      expect(source.requests).toContain('consistency 5 13')
    })

    it('accepts the same tree as unchanged without asking for a proof', async () => {
      const log = buildLog(makeEvents(4))
      const source = new MemorySource(log)
      const report = await verifyLog({ source, publicKey: log.key.publicKey, previous: log.checkpoint })
      expect(report.consistency.status).toBe('unchanged')
      expect(source.requests.filter((r) => r.startsWith('consistency'))).toEqual([])
    })

    it('says first_run when the state file did not exist yet', async () => {
      const log = buildLog(makeEvents(4))
      const report = await verify(log, { previous: null })
      expect(report.valid).toBe(true)
      expect(report.consistency.status).toBe('first_run')
    })

    it('fails when the log was rolled back below the remembered size', async () => {
      const log = buildLog(makeEvents(10))
      const previous = log.checkpoint
      const rolledBack = buildLog(log.events.slice(0, 8), 8, log.key)
      const report = await verify(rolledBack, { previous })
      expect(report.valid).toBe(false)
      expect(failuresOf(report)).toEqual(['rolled_back'])
      expect(report.consistency.status).toBe('failed')
    })

    it('fails when the remembered tree is not a prefix of the new one (history rewritten)', async () => {
      const log = buildLog(makeEvents(10))
      // What the verifier saw earlier: 6 leaves, of which one was later rewritten (with the event).
      const earlier = buildLog(makeEvents(6), 6, log.key)
      const report = await verify(log, { previous: earlier.checkpoint })
      expect(failuresOf(report)).toEqual(['inconsistent'])
    })

    it('fails when the same size comes back with another root', async () => {
      const log = buildLog(makeEvents(5))
      const other = buildLog(makeEvents(5), 5, log.key)
      const report = await verify(log, { previous: other.checkpoint })
      expect(failuresOf(report)).toEqual(['inconsistent'])
    })

    it('refuses a remembered checkpoint that is not signed by the key', async () => {
      const log = buildLog(makeEvents(5))
      const stranger = sign(log.leaves, generateSigningKey().privateKey, 3)
      await expect(verify(log, { previous: stranger })).rejects.toBeInstanceOf(InputError)
    })
  })

  describe('selection', () => {
    it('checks only the correlation id asked for; leaves of other ids are not required', async () => {
      const log = buildLog(makeEvents(12, 3))
      const outside = log.events.findIndex((e) => e.correlation_id === 'c-2')
      const inside = log.events.findIndex((e) => e.correlation_id === 'c-1')
      const insideId = log.events[inside]!.event_id
      log.events.splice(Math.max(outside, inside), 1)
      log.events.splice(Math.min(outside, inside), 1)
      const report = await verify(log, { selection: makeSelection({ correlationId: 'c-1' }, NOW) })
      expect(failuresOf(report)).toEqual([`missing ${insideId} ${inside}`])
      expect(report.leaves).toEqual({ read: 12, root_matches: true, selected: 4 })
      expect(report.events.received).toBe(3)
    })

    it('checks only events in [since, until)', async () => {
      const log = buildLog(makeEvents(10))
      for (const i of [2, 3, 7]) log.events[i]!['event_type'] = 'changed'
      const report = await verify(log, {
        selection: makeSelection({ since: '2026-12-01T10:03:00Z', until: '2026-12-01T10:07:00Z' }, NOW),
      })
      expect(failuresOf(report)).toEqual([`altered ${log.events[3]!.event_id} 3`])
      expect(report.leaves.selected).toBe(4)
    })
  })

  describe('--proofs', () => {
    it('verifies the inclusion proof of every selected sealed event', async () => {
      const log = buildLog(makeEvents(9), 7)
      const report = await verify(log, { proofs: true, proofConcurrency: 3 })
      expect(report.valid).toBe(true)
      expect(report.proofs).toEqual({ checked: 7, verified: 7 })
    })

    it('fails an event whose proof does not lead to the root', async () => {
      const log = buildLog(makeEvents(6))
      const source = new MemorySource(log)
      const honest = source.inclusionProof
      source.inclusionProof = async (id, size) => {
        const proof = await honest(id, size)
        return id === log.events[2]!.event_id && proof ? { ...proof, proof: proof.proof.slice(1) } : proof
      }
      const report = await verifyLog({ source, publicKey: log.key.publicKey, proofs: true })
      expect(failuresOf(report)).toEqual([`inclusion_proof_failed ${log.events[2]!.event_id} 2`])
      expect(report.proofs).toEqual({ checked: 6, verified: 5 })
    })

    it('reports an altered event once, as altered, though its proof fails too', async () => {
      const log = buildLog(makeEvents(4))
      log.events[0]!['event_type'] = 'changed'
      const report = await verify(log, { proofs: true })
      expect(failuresOf(report)).toEqual([`altered ${log.events[0]!.event_id} 0`])
      expect(report.proofs).toEqual({ checked: 4, verified: 3 })
    })
  })

  it('reports a listed event without an event_id as malformed', async () => {
    const log = buildLog(makeEvents(3))
    const source = new MemorySource(log)
    source.eventPages = async function* () {
      yield [{ text: '{"x":1}', value: { x: 1 } }]
    }
    const report = await verifyLog({ source, publicKey: log.key.publicKey })
    expect(report.failures.map((f) => f.reason).sort()).toEqual([
      'malformed_event',
      'missing',
      'missing',
      'missing',
    ])
  })
})
