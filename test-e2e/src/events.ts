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
      event_type: 'gateway.signal.received' as const,
      signal_type: 'alert' as const,
      signal_name: `HighCPU-${i}`,
      namespace: 'payments',
      fingerprint: `fp-${i}`,
    }),
  },
  {
    event_type: 'workflowexecution.workflow.started',
    event_category: 'workflowexecution',
    event_action: 'started',
    data: (i: number) => ({
      event_type: 'workflowexecution.workflow.started' as const,
      workflow_id: `wf-${i % 7}`,
      workflow_version: 'v1',
      target_resource: 'payments/deployment/api',
      phase: 'Running' as const,
      container_image: 'registry.local/restart:1',
      execution_name: `we-${i}`,
    }),
  },
  {
    event_type: 'notification.message.sent',
    event_category: 'notification',
    event_action: 'sent',
    data: (i: number) => ({
      notification_id: `n-${i}`,
      channel: 'slack',
      subject: 'Remediation started',
      body: `Workflow wf-${i % 7} is running`,
      priority: 'high',
      type: 'status-update',
    }),
  },
  {
    event_type: 'aiagent.llm.request',
    event_category: 'aiagent',
    event_action: 'request',
    data: (i: number) => ({
      event_type: 'aiagent.llm.request' as const,
      event_id: `llm-${i}`,
      incident_id: `inc-${i % 11}`,
      model: 'm',
      prompt_length: 100 + i,
      prompt_preview: 'Investigate the alert',
    }),
  },
] as const

/**
 * A realistic event (types and payloads of the contract's event-type catalog, which are those of the
 * system this one replaces), minus what the client fills in.
 */
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
