import type { EventDataByType } from '@audit-trail/datastorage-client'
import { describe, expectTypeOf, it } from 'vitest'
import type { AuditClient, AuditEventInput, EventDataOf } from '../src/index.js'

// Type-level: checked by `pnpm typecheck` (tsc over test/); each @ts-expect-error must be an error.
const fields = {
  event_category: 'gateway',
  event_action: 'created',
  event_outcome: 'success',
  correlation_id: 'req-1',
} as const

function emits(audit: AuditClient, someType: string) {
  const crd = {
    event_type: 'gateway.crd.created',
    signal_type: 'alert',
    signal_name: 'HighMemoryUsage',
    namespace: 'payments',
    fingerprint: 'f',
    remediation_request: 'payments/rr-1',
  } as const
  audit.emit({ ...fields, event_type: 'gateway.crd.created', event_data: crd })
  const { fingerprint: _, ...withoutFingerprint } = crd
  audit.emit({
    ...fields,
    event_type: 'gateway.crd.created',
    // @ts-expect-error a typed catalog type: its required payload field `fingerprint` is missing
    event_data: withoutFingerprint,
  })
  audit.emit({
    ...fields,
    event_type: 'gateway.signal.received',
    // @ts-expect-error a typed catalog type: a field of the wrong type
    event_data: { ...crd, event_type: 'gateway.signal.received', fingerprint: 42 },
  })
  audit.emit({
    ...fields,
    event_type: 'gateway.signal.received',
    // @ts-expect-error a typed catalog type: a value outside the field's enum
    event_data: { ...crd, event_type: 'gateway.signal.received', signal_type: 'webhook' },
  })
  // A type outside the catalog, or one only known as `string`: any JSON object.
  audit.emit({ ...fields, event_type: 'billing.invoice.paid', event_data: { invoice: 'INV-1', cents: 1999 } })
  audit.emit({ ...fields, event_type: someType, event_data: { anything: [1, 2] } })
  // @ts-expect-error event_data is required, whatever the type
  audit.emit({ ...fields, event_type: 'billing.invoice.paid' })
  return audit.emitAsync({
    ...fields,
    event_type: 'notification.message.sent',
    // @ts-expect-error emitAsync is typed the same way
    event_data: { nothing: true },
  })
}

describe('event_data typed by event_type', () => {
  it('maps catalog types to their schema and the rest to a JSON object', () => {
    expectTypeOf<EventDataOf<'gateway.crd.created'>>().toEqualTypeOf<EventDataByType['gateway.crd.created']>()
    expectTypeOf<EventDataOf<'billing.invoice.paid'>>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<EventDataOf<string>>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<AuditEventInput<'gateway.crd.created'>['event_data']>().toEqualTypeOf<
      EventDataByType['gateway.crd.created']
    >()
    expectTypeOf(emits).returns.resolves.toBeString()
  })
})
