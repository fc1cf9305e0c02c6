import { DEAD_LETTER_STREAM, DLQ_STREAM } from '@audit-trail/datastorage-client'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { DlqMetrics } from '../metrics/dlq-metrics.js'
import { withTimeout } from './with-timeout.js'

/** What the monitor last saw of the DLQ. */
export interface CapacityState {
  /** Messages in the DLQ stream. */
  depth: number
  /** depth / capacity. */
  ratio: number
  /** True at or above capacity: new events are refused with 503. */
  full: boolean
  /** Highest threshold reached (e.g. 0.9), 0 below the first. */
  level: number
  /** Whether Redis answered the last check. */
  reachable: boolean
  /** Epoch ms of the observation. */
  observedAt: number
}

/** Options of {@link createCapacityMonitor}. */
export interface CapacityMonitorOptions {
  /** Connection used for `XLEN`; may be shared (the monitor sends only short commands). */
  redis: Redis
  logger: Logger
  /** Default `audit:dlq:events`. */
  stream?: string
  /** Also measured, for `audit_dead_letter_depth`. Default `audit:dead-letter:events`. */
  deadLetterStream?: string
  /** Messages the DLQ may hold. Default 1,000,000. */
  capacity?: number
  /** Ratios that warn (first) or alert (the others) once per upward crossing. Default [0.8, 0.9, 0.95]. */
  thresholds?: readonly number[]
  /**
   * How far below a threshold the ratio must fall before crossing it again logs again, so a DLQ
   * hovering at 80% does not log on every write. Default 0.02.
   */
  hysteresis?: number
  /** How often `start()` polls `XLEN`; clients add to the stream without telling the service. Default 5000. */
  intervalMs?: number
  /** Bound on one poll. Default 2000. */
  timeoutMs?: number
  metrics?: DlqMetrics
  now?: () => number
}

/** Watches the DLQ depth against its capacity: gauges, one log per threshold crossing, and the `full` flag. */
export interface CapacityMonitor {
  /** The last observation; undefined before the first. */
  readonly state: CapacityState | undefined
  /** Records a depth the caller already knows (the dead-letter writer reports it after each write). */
  observe(depth: number): CapacityState
  /** Measures now (`XLEN`); never rejects: an unreachable Redis gives `reachable: false` and keeps the last depth. */
  check(): Promise<CapacityState>
  /** Polls every `intervalMs` on an unref'd timer. Idempotent. */
  start(): void
  /** Stops polling. Idempotent. */
  stop(): void
}

/**
 * Creates a capacity monitor (runbook: docs/operations.md#the-dlq-is-full): `audit_dlq_depth` and
 * `audit_dlq_capacity_ratio`, a WARN at the first threshold, ERROR at the next ones and at 100%,
 * INFO when the depth falls back below a threshold.
 *
 * @throws RangeError at construction for a capacity, threshold or interval that makes no sense.
 * @example
 * const monitor = createCapacityMonitor({ redis, logger, capacity: 1_000_000, metrics: dlqMetrics })
 * monitor.start()
 */
export function createCapacityMonitor(options: CapacityMonitorOptions): CapacityMonitor {
  const {
    redis,
    logger,
    stream = DLQ_STREAM,
    deadLetterStream = DEAD_LETTER_STREAM,
    capacity = 1_000_000,
    thresholds = [0.8, 0.9, 0.95],
    hysteresis = 0.02,
    intervalMs = 5000,
    timeoutMs = 2000,
    metrics,
    now = Date.now,
  } = options
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
  }
  const sorted = [...thresholds].sort((a, b) => a - b)
  if (sorted.some((t) => !(t > 0 && t < 1))) {
    throw new RangeError(`thresholds must be ratios between 0 and 1, got ${thresholds.join(', ')}`)
  }
  if (!(intervalMs > 0) || !(timeoutMs > 0)) throw new RangeError('intervalMs and timeoutMs must be positive')
  // Full (1.0) is the last level: it is where writes start to be refused.
  const levels = [...sorted, 1]
  metrics?.capacity.set(capacity)

  let state: CapacityState | undefined
  let reached = 0 // how many levels the depth has crossed
  let timer: NodeJS.Timeout | undefined
  let unreachableLogged = false

  function observe(depth: number, reachable = true): CapacityState {
    const ratio = depth / capacity
    const before = reached
    while (reached < levels.length && ratio >= levels[reached]!) reached++
    while (reached > 0 && ratio < levels[reached - 1]! - (reached === levels.length ? 0 : hysteresis))
      reached--
    const level = reached === 0 ? 0 : levels[reached - 1]!
    state = { depth, ratio, full: depth >= capacity, level, reachable, observedAt: now() }
    metrics?.depth.set(depth)
    metrics?.capacityRatio.set(ratio)
    const fields = { stream, depth, capacity, ratio: Number(ratio.toFixed(4)) }
    if (reached > before) {
      if (level >= 1) logger.error(fields, 'dead-letter queue is full: writes answer 503 until it drains')
      else if (reached === 1) logger.warn(fields, `dead-letter queue above ${pct(level)} of capacity`)
      else logger.error(fields, `dead-letter queue above ${pct(level)} of capacity`)
    } else if (reached < before) {
      logger.info(fields, `dead-letter queue back below ${pct(levels[reached]!)} of capacity`)
    }
    return state
  }

  async function check(): Promise<CapacityState> {
    try {
      const replies = await withTimeout(
        redis.pipeline().xlen(stream).xlen(deadLetterStream).exec(),
        timeoutMs,
        `Redis did not answer XLEN within ${timeoutMs} ms`,
      )
      const [depthReply, deadReply] = replies ?? []
      if (!depthReply || depthReply[0]) throw depthReply?.[0] ?? new Error('XLEN pipeline aborted')
      if (deadReply && !deadReply[0]) metrics?.deadLetterDepth.set(Number(deadReply[1]))
      if (unreachableLogged) logger.info({ stream }, 'dead-letter queue reachable again')
      unreachableLogged = false
      return observe(Number(depthReply[1]))
    } catch (err) {
      if (!unreachableLogged) logger.warn({ err, stream }, 'dead-letter queue depth check failed')
      unreachableLogged = true
      return observe(state?.depth ?? 0, false)
    }
  }

  return {
    get state() {
      return state
    },
    observe: (depth) => observe(depth),
    check,
    start() {
      if (timer) return
      timer = setInterval(() => void check(), intervalMs)
      timer.unref()
      void check()
    },
    stop() {
      clearInterval(timer)
      timer = undefined
    },
  }
}

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`
