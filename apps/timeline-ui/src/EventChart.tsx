import { useEffect, useRef, useState } from 'react'
import uPlot from 'uplot'
import { type ApiClient, unwrap } from './lib/api.js'
import { type EventQuery, histogramInterval } from './lib/filters.js'

const SERIES = [
  { key: 'success', label: 'success', stroke: '#1a7f37' },
  { key: 'failure', label: 'failure', stroke: '#cf222e' },
  { key: 'pending', label: 'pending', stroke: '#9a6700' },
] as const

/**
 * Events per bucket (a minute for windows up to a day) by outcome over the filter's window, from
 * `GET /events/histogram`, drawn by uPlot as three series. `refreshKey` asks again (live tail).
 */
export function EventChart({
  client,
  query,
  refreshKey,
}: {
  client: ApiClient
  query: EventQuery
  refreshKey: number
}) {
  const box = useRef<HTMLDivElement>(null)
  const [error, setError] = useState<string>()
  const [summary, setSummary] = useState('')
  const queryKey = JSON.stringify(query)

  // Dependencies: queryKey stands for query; refreshKey re-asks.
  useEffect(() => {
    let stale = false
    let plot: uPlot | undefined
    const interval = histogramInterval(query, Date.now())
    client
      .GET('/api/v1/audit/events/histogram', { params: { query: { ...query, interval } } })
      .then((r) => {
        if (stale || !box.current) return
        const h = unwrap(r, 'GET /events/histogram')
        setError(undefined)
        const xs = h.buckets.map((b) => Date.parse(b.start) / 1000)
        const data: uPlot.AlignedData = [xs, ...SERIES.map((s) => h.buckets.map((b) => b[s.key]))]
        const totals = SERIES.map((s) => `${h.buckets.reduce((n, b) => n + b[s.key], 0)} ${s.label}`)
        setSummary(`Events per ${interval} by outcome: ${totals.join(', ')}.`)
        box.current.replaceChildren()
        plot = new uPlot(
          {
            width: Math.max(320, box.current.clientWidth),
            height: 180,
            scales: { x: { time: true } },
            axes: [{}, { label: `events / ${interval}` }],
            series: [{}, ...SERIES.map((s) => ({ label: s.label, stroke: s.stroke, width: 2 }))],
          },
          data,
          box.current,
        )
      })
      .catch((err: unknown) => {
        if (!stale) setError(`Chart unavailable: ${(err as Error).message}`)
      })
    return () => {
      stale = true
      plot?.destroy()
    }
  }, [client, queryKey, refreshKey])

  return (
    <figure className="chart" aria-label="Events per interval by outcome">
      <div ref={box} data-testid="chart" />
      <figcaption>{error ?? summary}</figcaption>
    </figure>
  )
}
