import { type FormEvent, useEffect, useState } from 'react'
import { EMPTY_FILTER, type Filter, type FilterError, OUTCOMES } from './lib/filters.js'

const TEXT_FIELDS: ReadonlyArray<{
  key: Exclude<keyof Filter, 'event_outcome'>
  label: string
  hint?: string
}> = [
  { key: 'correlation_id', label: 'Correlation id' },
  { key: 'resource_type', label: 'Resource type' },
  { key: 'resource_id', label: 'Resource id' },
  { key: 'actor_id', label: 'Actor id' },
  { key: 'event_type', label: 'Event type', hint: 'gateway.signal.received' },
  { key: 'recorded_by', label: 'Recorded by', hint: 'token name' },
  { key: 'trace_id', label: 'Trace id', hint: '32 hex digits' },
  { key: 'since', label: 'Since', hint: '15m, 24h, 7d or 2026-12-02 14:30' },
  { key: 'until', label: 'Until', hint: 'empty: now' },
]

/**
 * The search form. What is typed stays a draft until "Search" puts it in the URL's query string
 * (nuqs), which the results follow; a link to the page therefore opens the same search.
 */
export function FilterForm({
  filter,
  errors,
  onApply,
}: {
  filter: Filter
  errors: readonly FilterError[]
  onApply: (filter: Filter) => void
}) {
  const [draft, setDraft] = useState<Filter>(filter)
  const filterKey = JSON.stringify(filter)
  // The URL changed (a pasted link, back/forward): show what it holds.
  // Dependencies: filterKey stands for filter.
  useEffect(() => setDraft(filter), [filterKey])

  const errorOf = (key: keyof Filter) => errors.find((e) => e.field === key)?.message

  function submit(e: FormEvent) {
    e.preventDefault()
    onApply(draft)
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Search events">
      {TEXT_FIELDS.map(({ key, label, hint }) => {
        const error = errorOf(key)
        return (
          <div className="field" key={key}>
            <label htmlFor={`f-${key}`}>{label}</label>
            <input
              id={`f-${key}`}
              name={key}
              value={draft[key]}
              placeholder={hint}
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `f-${key}-error` : undefined}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
            {error && (
              <span id={`f-${key}-error`} className="field-error">
                {error}
              </span>
            )}
          </div>
        )
      })}
      <div className="field">
        <label htmlFor="f-event_outcome">Outcome</label>
        <select
          id="f-event_outcome"
          name="event_outcome"
          value={draft.event_outcome ?? ''}
          onChange={(e) =>
            setDraft({ ...draft, event_outcome: (e.target.value || null) as Filter['event_outcome'] })
          }
        >
          <option value="">any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="buttons">
        <button type="submit">Search</button>
        <button
          type="button"
          onClick={() => {
            setDraft(EMPTY_FILTER)
            onApply(EMPTY_FILTER)
          }}
        >
          Clear
        </button>
      </div>
    </form>
  )
}
