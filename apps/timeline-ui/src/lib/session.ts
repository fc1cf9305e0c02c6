/**
 * The reader's credentials for this browser tab: the bearer token and, optionally, the service's
 * public key (base64 of its 32 raw bytes) to check checkpoint signatures with. Held in
 * sessionStorage (gone when the tab closes, never sent in a URL or a Referer).
 */
export interface Session {
  token: string
  publicKey: string
}

const KEY = 'audit-trail.timeline.session'

/** The tab's session, if the reader signed in. */
export function loadSession(storage: Storage = sessionStorage): Session | undefined {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Session> | null
    // An empty token is a session too: a service in protected mode serves loopback callers without one.
    if (parsed && typeof parsed.token === 'string') {
      return { token: parsed.token, publicKey: typeof parsed.publicKey === 'string' ? parsed.publicKey : '' }
    }
  } catch {
    // A broken entry is no session.
  }
  return undefined
}

/** Keeps the session for this tab. */
export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(session))
}

/** Signs out: forgets the token and key. */
export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY)
}
