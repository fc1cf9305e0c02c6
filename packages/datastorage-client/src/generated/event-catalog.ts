// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.

import type { components } from './schema.js'

/**
 * The typed `event_data` of each event type of the contract’s catalog (`EventDataCatalog`): the
 * service validates an event of one of these types against that schema.
 */
export interface EventDataByType {
  'gateway.signal.received': components['schemas']['GatewaySignalReceivedData']
  'gateway.crd.created': components['schemas']['GatewayCrdCreatedData']
  'orchestrator.lifecycle.started': components['schemas']['OrchestratorLifecycleData']
  'orchestrator.lifecycle.completed': components['schemas']['OrchestratorLifecycleData']
  'orchestrator.lifecycle.failed': components['schemas']['OrchestratorLifecycleFailedData']
  'orchestrator.approval.requested': components['schemas']['ApprovalData']
  'orchestrator.approval.approved': components['schemas']['ApprovalData']
  'orchestrator.approval.rejected': components['schemas']['ApprovalData']
  'signalprocessing.signal.processed': components['schemas']['SignalProcessedData']
  'signalprocessing.classification.decision': components['schemas']['ClassificationDecisionData']
  'signalprocessing.enrichment.completed': components['schemas']['EnrichmentCompletedData']
  'aianalysis.analysis.completed': components['schemas']['AnalysisCompletedData']
  'aianalysis.analysis.failed': components['schemas']['AnalysisFailedData']
  'workflowexecution.workflow.started': components['schemas']['WorkflowStartedData']
  'workflowexecution.workflow.completed': components['schemas']['WorkflowCompletedData']
  'workflowexecution.workflow.failed': components['schemas']['WorkflowFailedData']
  'notification.message.sent': components['schemas']['NotificationSentData']
  'notification.message.failed': components['schemas']['NotificationFailedData']
  'datastorage.auth.failed': components['schemas']['AuthFailedData']
  'datastorage.auth.denied': components['schemas']['AuthDeniedData']
  'datastorage.ratelimit.denied': components['schemas']['RateLimitDeniedData']
  'datastorage.tokens.reloaded': components['schemas']['TokensReloadedData']
  'datastorage.tokens.rejected': components['schemas']['TokensRejectedData']
  'datastorage.audit.read': components['schemas']['AuditReadData']
  'datastorage.dlq.replayed': components['schemas']['DlqReplayedData']
}
