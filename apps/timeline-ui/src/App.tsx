import { useMemo, useState } from 'react'
import { Login } from './Login.js'
import { createApiClient } from './lib/api.js'
import { clearSession, loadSession, type Session, saveSession } from './lib/session.js'
import { Timeline } from './Timeline.js'

/** The trace URL template the service injected (`UI_TRACE_URL_TEMPLATE`), if any. */
function traceTemplate(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="audit-trail-trace-url"]')
  return meta?.content || undefined
}

/** The page: the sign-in form until the tab holds a token, then the timeline. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession())
  const client = useMemo(() => createApiClient(() => loadSession()?.token), [])
  const template = useMemo(traceTemplate, [])
  if (!session) {
    return (
      <Login
        client={client}
        onSignedIn={(s) => {
          saveSession(s)
          setSession(s)
        }}
      />
    )
  }
  return (
    <Timeline
      client={client}
      session={session}
      traceTemplate={template}
      onSignOut={() => {
        clearSession()
        setSession(undefined)
      }}
    />
  )
}
