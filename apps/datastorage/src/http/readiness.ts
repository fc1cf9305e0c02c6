import type { Readiness } from '@audit-trail/datastorage-client'

/** Why the service is not ready, as `/readyz` reports it. */
export type NotReadyReason = NonNullable<Readiness['reasons']>[number]

/**
 * Lifecycle flags that `/readyz` reports besides the database check. The server flips
 * `draining` on SIGTERM, so load balancers stop routing here while in-flight requests finish.
 */
export class ReadinessState {
  #draining = false

  /** True once shutdown began; never reset. */
  get draining(): boolean {
    return this.#draining
  }

  /** Marks the service as draining: `/readyz` answers 503 and responses close their connection. */
  startDraining(): void {
    this.#draining = true
  }
}
