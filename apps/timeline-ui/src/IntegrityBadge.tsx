import { useEffect, useRef, useState } from 'react'
import type { AuditEvent } from './lib/events.js'
import type { Integrity } from './lib/integrity.js'
import type { IntegrityVerifier } from './lib/verifier.js'

/** How often an unsealed (or unchecked) event is checked again while on screen. */
const RECHECK_MS = 3000

const LABELS: Record<Integrity['state'], string> = {
  checking: '… checking',
  verified: '✓ verified',
  unsealed: '◌ unsealed yet',
  unsigned: '△ key needed',
  failed: '✗ failed',
}

/**
 * The event's integrity, checked in the browser once the badge is on screen (or its row is
 * expanded): recomputed leaf, inclusion proof to the newest checkpoint, Ed25519 signature. The
 * reason is its tooltip and its accessible description. Unsealed events are checked again while
 * they stay visible, until a checkpoint includes them.
 */
export function IntegrityBadge({
  event,
  verifier,
  forced,
}: {
  event: AuditEvent
  verifier: IntegrityVerifier
  forced: boolean
}) {
  const ref = useRef<HTMLSpanElement>(null)
  const [visible, setVisible] = useState(false)
  const [result, setResult] = useState<Integrity>(
    () => verifier.settled(event.event_id) ?? { state: 'checking' },
  )

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setVisible(true)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (!visible && !forced) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      verifier.verify(event).then(
        (r) => {
          if (stopped) return
          setResult(r)
          if (r.state === 'unsealed') timer = setTimeout(run, RECHECK_MS)
        },
        (error: unknown) => {
          // No verdict (service or network down): say so, and try again.
          if (stopped) return
          setResult({ state: 'checking', why: `not checked: ${(error as Error).message}; retrying` })
          timer = setTimeout(run, RECHECK_MS)
        },
      )
    }
    run()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [visible, forced, verifier, event])

  const why = result.why ?? 'verifying in this browser'
  return (
    <span ref={ref} className={`badge badge-${result.state}`} title={why} data-integrity={result.state}>
      {LABELS[result.state]}
      <span className="visually-hidden">: {why}</span>
    </span>
  )
}
