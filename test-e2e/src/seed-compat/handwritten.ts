import { type BuildOptions, type SeedEvent, seedEnvelope, seedTimestamp } from './builder.js'

/**
 * Events written by hand after what the seed system's services put in their payloads, one
 * remediation's story: the gateway receives an alert and creates the request, signal processing
 * classifies it, the analysis asks the agent, an approval is decided, the workflow runs, a
 * notification fails and is retried, and the effectiveness monitor assesses the result. Field names
 * and value shapes are the seed's (`signal_type: alert`, `rr_name`, `decision: "Approved"`,
 * `duration: "2m30s"`, ...), which the contract's first typed payloads did not accept.
 */
export function handwrittenSeedEvents(correlation_id: string, baseMs: number, firstSeq: number): SeedEvent[] {
  const rr = `rr-payment-api-${correlation_id.slice(-8)}`
  const at = (k: number): BuildOptions => ({ correlation_id, baseMs, seq: firstSeq + k })
  const when = (k: number) => seedTimestamp(baseMs - (firstSeq + k) * 1000)
  const events: [string, Record<string, unknown>][] = [
    [
      'gateway.signal.received',
      {
        signal_type: 'alert',
        signal_name: 'HighMemoryUsage',
        namespace: 'payment',
        fingerprint: 'a3f9c2e1b7d04e55',
        severity: 'Sev1',
        resource_kind: 'Deployment',
        resource_name: 'payment-api',
        signal_labels: { alertname: 'HighMemoryUsage', namespace: 'payment', pod: 'payment-api-7d9f-x2' },
        signal_annotations: { summary: 'Memory above 90% for 5m' },
        original_payload: { status: 'firing', labels: { alertname: 'HighMemoryUsage' }, startsAt: when(0) },
        deduplication_status: 'new',
        occurrence_count: 1,
      },
    ],
    [
      'gateway.crd.created',
      {
        signal_type: 'alert',
        signal_name: 'HighMemoryUsage',
        namespace: 'payment',
        fingerprint: 'a3f9c2e1b7d04e55',
        remediation_request: `payment/${rr}`,
      },
    ],
    [
      'orchestrator.lifecycle.started',
      { rr_name: rr, namespace: 'payment', outcome: 'Pending', signal_type: 'alert' },
    ],
    [
      'signalprocessing.signal.processed',
      {
        phase: 'Completed',
        signal: 'HighMemoryUsage',
        severity: 'critical',
        external_severity: 'Sev1',
        normalized_severity: 'critical',
        determination_source: 'rego-policy',
        environment: 'production',
        priority: 'P1',
        criticality: 'high',
        has_owner_chain: true,
        owner_chain_length: 2,
        degraded_mode: false,
        duration_ms: 412,
      },
    ],
    [
      'aianalysis.analysis.completed',
      {
        analysis_name: `ai-${rr}`,
        namespace: 'payment',
        phase: 'Completed',
        approval_required: true,
        approval_reason: 'production environment',
        degraded_mode: false,
        warnings_count: 0,
        confidence: 0.875,
        workflow_id: 'increase-memory-limits',
      },
    ],
    [
      'webhook.remediationapprovalrequest.decided',
      {
        request_name: `rar-${rr}`,
        decision: 'Approved',
        decided_at: when(5),
        decision_message: 'Approved after checking the memory trend',
        ai_analysis_ref: `ai-${rr}`,
      },
    ],
    [
      'orchestrator.approval.approved',
      {
        rr_name: rr,
        namespace: 'payment',
        rar_name: `rar-${rr}`,
        decision: 'Approved',
        approved_by: 'alice',
      },
    ],
    [
      'workflowexecution.workflow.completed',
      {
        workflow_id: 'increase-memory-limits',
        workflow_version: 'v1.2.0',
        target_resource: 'payment/deployment/payment-api',
        phase: 'Completed',
        container_image: 'ghcr.io/example/kubectl-actions:v1.28',
        execution_name: `we-${rr}`,
        started_at: when(10),
        completed_at: when(7),
        duration: '2m30s',
        parameters: { MEMORY_LIMIT: '1Gi', NAMESPACE: 'payment' },
      },
    ],
    [
      'notification.message.failed',
      {
        notification_id: `nr-${rr}`,
        channel: 'slack',
        subject: 'Remediation completed: payment-api',
        body: 'Memory limits raised to 1Gi; the alert should resolve within 10 minutes.',
        priority: 'high',
        error_type: 'transient',
        error: 'slack webhook: 503 Service Unavailable',
      },
    ],
    [
      'notification.message.sent',
      {
        notification_id: `nr-${rr}`,
        channel: 'slack',
        subject: 'Remediation completed: payment-api',
        body: 'Memory limits raised to 1Gi; the alert should resolve within 10 minutes.',
        priority: 'high',
        type: 'Completion',
      },
    ],
    [
      'effectiveness.assessment.completed',
      {
        correlation_id,
        namespace: 'payment',
        component: 'completed',
        ea_name: `ea-${rr}`,
        assessed: true,
        score: 0.75,
        reason: 'alert resolved, health checks pass',
      },
    ],
    [
      'orchestrator.lifecycle.completed',
      { rr_name: rr, namespace: 'payment', outcome: 'Success', duration_ms: 312_000 },
    ],
  ]
  return events.map(([type, data], k) => seedEnvelope(type, data, at(k)))
}
