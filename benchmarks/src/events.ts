import type { AuditEventInput } from '@audit-trail/audit-client'

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Sample = Pick<AuditEventInput, 'event_type' | 'event_category' | 'event_action' | 'resource_type'> & {
  data: (i: number) => Record<string, unknown>
}

// Types from the contract's event-type catalog (`KnownEventType` in openapi/datastorage.yaml) with
// their typed event_data (the payloads of the system this one replaces; the validator's costlier
// path), and one unknown-but-well-formed type (generic validation).
const samples: readonly Sample[] = [
  {
    event_type: 'gateway.signal.received',
    event_category: 'gateway',
    event_action: 'received',
    resource_type: 'Signal',
    data: (i) => ({
      event_type: 'gateway.signal.received',
      signal_type: 'alert',
      signal_name: `HighCPUUsage-${i % 97}`,
      namespace: 'prod',
      fingerprint: `fp-${(i * 2654435761) >>> 0}`,
      severity: 'warning',
      signal_labels: { alertname: 'HighCPUUsage', pod: `api-${i % 13}`, namespace: 'prod' },
    }),
  },
  {
    event_type: 'signalprocessing.signal.processed',
    event_category: 'signalprocessing',
    event_action: 'processed',
    resource_type: 'SignalProcessing',
    data: (i) => ({
      event_type: 'signalprocessing.signal.processed',
      phase: 'Completed',
      signal: `HighCPUUsage-${i % 97}`,
      environment: 'production',
      priority: 'P2',
    }),
  },
  {
    event_type: 'aianalysis.analysis.completed',
    event_category: 'analysis',
    event_action: 'completed',
    resource_type: 'AIAnalysis',
    data: (i) => ({
      event_type: 'aianalysis.analysis.completed',
      analysis_name: `analysis-${i}`,
      namespace: 'prod',
      phase: 'Completed',
      approval_required: false,
      degraded_mode: false,
      warnings_count: 0,
      confidence: 0.87,
      workflow_id: 'restart-deployment',
    }),
  },
  {
    event_type: 'workflowexecution.workflow.started',
    event_category: 'workflowexecution',
    event_action: 'started',
    resource_type: 'WorkflowExecution',
    data: (i) => ({
      event_type: 'workflowexecution.workflow.started',
      workflow_id: `wf-${i % 7}`,
      workflow_version: 'v1',
      target_resource: 'prod/deployment/api',
      phase: 'Running',
      container_image: 'registry.local/workflows/restart:1',
      execution_name: `we-${i}`,
    }),
  },
  {
    event_type: 'workflowexecution.workflow.completed',
    event_category: 'workflowexecution',
    event_action: 'completed',
    resource_type: 'WorkflowExecution',
    data: (i) => ({
      event_type: 'workflowexecution.workflow.completed',
      workflow_id: `wf-${i % 7}`,
      workflow_version: 'v1',
      target_resource: 'prod/deployment/api',
      phase: 'Completed',
      container_image: 'registry.local/workflows/restart:1',
      execution_name: `we-${i}`,
      duration: `${1 + (i % 5)}m${i % 60}s`,
    }),
  },
  {
    event_type: 'orchestrator.lifecycle.started',
    event_category: 'orchestration',
    event_action: 'started',
    resource_type: 'RemediationRequest',
    data: (i) => ({ event_type: 'orchestrator.lifecycle.started', rr_name: `rr-${i}`, namespace: 'prod' }),
  },
  {
    event_type: 'notification.message.sent',
    event_category: 'notification',
    event_action: 'sent',
    resource_type: 'Notification',
    data: (i) => ({
      notification_id: `n-${i}`,
      channel: 'slack',
      subject: 'Remediation completed',
      body: 'Deployment prod/api restarted',
      priority: 'high',
      type: 'status-update',
    }),
  },
  {
    event_type: 'aiagent.llm.usage',
    event_category: 'aiagent',
    event_action: 'request',
    resource_type: 'AgentSession',
    data: (i) => ({ model: 'gpt-4o-mini', prompt_tokens: 800 + (i % 400), completion_tokens: 120 }),
  },
]

/** The event types {@link sampleEvent} produces, in order. */
export const SAMPLE_EVENT_TYPES: readonly string[] = samples.map((s) => s.event_type)

/** How many distinct actors the sample events come from. */
export const SAMPLE_ACTORS = 200

/**
 * A realistic event (about 350 bytes stored) without `version`, `event_id` or `event_timestamp`,
 * which the client fills in. `kind` picks the type (default `i`), `actor` the actor (default `i`).
 */
export function sampleEvent(
  i: number,
  correlation_id: string,
  { kind = i, actor = i }: { kind?: number; actor?: number } = {},
): AuditEventInput {
  const s = samples[kind % samples.length]!
  return {
    event_type: s.event_type,
    event_category: s.event_category,
    event_action: s.event_action,
    event_outcome: i % 50 === 0 ? 'failure' : 'success',
    correlation_id,
    actor_type: 'service',
    actor_id: `svc-${actor % SAMPLE_ACTORS}`,
    resource_type: s.resource_type,
    resource_id: `res-${i}`,
    namespace: `team-${i % 11}`,
    cluster_id: 'prod-eu-1',
    severity: 'info',
    event_data: s.data(i),
  }
}
