import { describe, expectTypeOf, it } from 'vitest'
import type { components, EventDataByType, KnownEventType, TypedEventType } from '../src/index.js'

// Type-level checks: `pnpm typecheck` fails when they do not hold (at run time they are no-ops).
type Schemas = components['schemas']

describe('EventDataByType', () => {
  it('maps each event type of the catalog to its typed event_data schema', () => {
    expectTypeOf<EventDataByType['gateway.signal.received']>().toEqualTypeOf<Schemas['GatewayAuditPayload']>()
    expectTypeOf<EventDataByType['orchestrator.lifecycle.failed']>().toEqualTypeOf<
      Schemas['RemediationOrchestratorAuditPayload']
    >()
    expectTypeOf<EventDataByType['notification.message.failed']>().toEqualTypeOf<
      Schemas['NotificationMessageFailedPayload']
    >()
    expectTypeOf<EventDataByType['gateway.signal.received']['signal_name']>().toEqualTypeOf<string>()
    expectTypeOf<EventDataByType['gateway.signal.received']['signal_type']>().toEqualTypeOf<'alert'>()
  })

  it('expands an enum of event types into one key each', () => {
    expectTypeOf<EventDataByType['gateway.signal.received']>().toEqualTypeOf<
      EventDataByType['gateway.crd.failed']
    >()
    expectTypeOf<EventDataByType['orchestrator.approval.approved']>().toEqualTypeOf<
      Schemas['RemediationOrchestratorAuditPayload']
    >()
  })

  it('has keys only for catalog types with a typed schema, all of them known event types', () => {
    expectTypeOf<TypedEventType>().toExtend<KnownEventType>()
    expectTypeOf<'gateway.signal.deduplicated'>().toExtend<TypedEventType>()
    expectTypeOf<'datastorage.auth.failed'>().toExtend<TypedEventType>()
    expectTypeOf<'billing.invoice.sent'>().not.toExtend<TypedEventType>()
  })
})
