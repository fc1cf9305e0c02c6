import { randomUUID } from 'node:crypto'

/** A fresh correlation id, so each scenario queries only its own events. */
export function correlationId(scenario: string): string {
  return `e2e-${scenario}-${randomUUID()}`
}

const samples = [
  {
    event_type: 'gateway.signal.received',
    event_category: 'gateway',
    event_action: 'received',
    data: (i: number) => ({
      signal_name: `HighCPU-${i}`,
      signal_source: 'prometheus',
      fingerprint: `fp-${i}`,
    }),
  },
  {
    event_type: 'workflowexecution.workflow.started',
    event_category: 'workflowexecution',
    event_action: 'started',
    data: (i: number) => ({ workflow_id: `wf-${i % 7}`, workflow_execution: `we-${i}` }),
  },
  {
    event_type: 'notification.message.sent',
    event_category: 'notification',
    event_action: 'sent',
    data: (i: number) => ({ notification_id: `n-${i}`, channel: 'slack' }),
  },
  {
    event_type: 'aiagent.llm.request',
    event_category: 'aiagent',
    event_action: 'request',
    data: (i: number) => ({ model: 'm', tokens: i }),
  },
] as const

/** A realistic event (types from the contract's event-type catalog), minus what the client fills in. */
export function makeEvent(correlation_id: string, i: number) {
  const s = samples[i % samples.length]!
  return {
    event_type: s.event_type,
    event_category: s.event_category,
    event_action: s.event_action,
    event_outcome: 'success' as const,
    correlation_id,
    actor_type: 'service',
    actor_id: 'e2e',
    event_data: { ...s.data(i), seq: i },
  }
}
