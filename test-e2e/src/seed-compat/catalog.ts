import { readFileSync } from 'node:fs'

/**
 * The seed system's event types and their typed payloads, as `fixtures/seed-catalog.json` states
 * them: per type the payload schema's name, its required fields and its properties (type, enum,
 * format, items, a `ref` to a nested schema of `nested`).
 */

/** A property of a payload or nested schema, as the catalog states it. */
export interface SeedProperty {
  /** A JSON type, or several (`["number", "null"]`); absent: any value. */
  type?: string | string[]
  enum?: unknown[]
  format?: string
  /** The only one the seed's payloads use: `^[a-f0-9]{64}$` (a SHA-256 in hex). */
  pattern?: string
  items?: SeedProperty
  /** A schema of {@link SeedCatalog.nested}. */
  ref?: string
  /** An inline object's own fields (no `ref`). */
  required?: string[]
  properties?: Record<string, SeedProperty>
}

export interface SeedSchema {
  required?: string[]
  properties?: Record<string, SeedProperty>
}

export interface SeedType extends SeedSchema {
  /** The payload schema's name in the seed's contract. */
  schema: string
}

export interface SeedCatalog {
  count: number
  types: Record<string, SeedType>
  nested: Record<string, SeedSchema>
}

/** Reads `fixtures/seed-catalog.json`. */
export function loadSeedCatalog(): SeedCatalog {
  return JSON.parse(
    readFileSync(new URL('../../fixtures/seed-catalog.json', import.meta.url), 'utf8'),
  ) as SeedCatalog
}

/**
 * The event_category the seed's services send with a type: the business domain, which is not
 * always the type's first segment (that names the emitter). Webhooks, the data storage's own
 * catalog events and rate-limit/auth refusals are filed under the domain they concern.
 */
export function seedCategoryOf(eventType: string): string {
  const [first, second] = eventType.split('.')
  if (/\.(ratelimit\.denied|auth\.failure|auth\.denied)$/.test(eventType) && first !== 'apifrontend') {
    return 'security'
  }
  if (eventType === 'apifrontend.ratelimit.denied') return 'security'
  switch (first) {
    case 'orchestrator':
      return second === 'approval' ? 'approval' : 'orchestration'
    case 'remediation':
      return 'orchestration'
    case 'aianalysis':
      return 'analysis'
    case 'webhook':
      return second === 'notification'
        ? 'notification'
        : second === 'remediationapprovalrequest'
          ? 'approval'
          : 'orchestration'
    case 'remediationworkflow':
    case 'authwebhook':
      return 'workflow'
    case 'datastorage':
      return second === 'actiontype' ? 'actiontype' : second === 'workflow' ? 'workflow' : 'security'
    default:
      // gateway, signalprocessing, workflowexecution, notification, workflow, aiagent,
      // effectiveness, actiontype, agentsession, apifrontend: the domain is the emitter.
      return first!
  }
}

/** The actor the seed's emitter of a type names itself. */
export function seedActorOf(eventType: string): string {
  const first = eventType.split('.')[0]!
  const services: Record<string, string> = {
    gateway: 'gateway-service',
    orchestrator: 'remediationorchestrator-controller',
    remediation: 'remediationorchestrator-controller',
    signalprocessing: 'signalprocessing-controller',
    aianalysis: 'aianalysis-controller',
    workflowexecution: 'workflowexecution-controller',
    notification: 'notification-controller',
    webhook: 'authwebhook',
    remediationworkflow: 'authwebhook',
    authwebhook: 'authwebhook',
    actiontype: 'authwebhook',
    agentsession: 'authwebhook',
    workflow: 'datastorage',
    datastorage: 'datastorage',
    aiagent: 'ai-agent',
    effectiveness: 'effectivenessmonitor-controller',
    apifrontend: 'apifrontend',
  }
  return services[first] ?? first
}
