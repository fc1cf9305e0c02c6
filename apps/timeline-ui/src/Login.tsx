import { type FormEvent, useState } from 'react'
import type { ApiClient } from './lib/api.js'
import { parseRawPublicKey } from './lib/merkle.js'
import type { Session } from './lib/session.js'

/**
 * Asks for a read token (`audit:read`) and, optionally, the service's public key for the
 * integrity badges. The token is checked with one query before it is kept in session storage.
 */
export function Login({ client, onSignedIn }: { client: ApiClient; onSignedIn: (s: Session) => void }) {
  const [token, setToken] = useState('')
  const [publicKey, setPublicKey] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setError(undefined)
    if (publicKey.trim() !== '' && !parseRawPublicKey(publicKey)) {
      setError(
        'The public key is its SPKI PEM or the base64 of its 32 raw bytes, as datastorage log public-key prints them.',
      )
      return
    }
    setBusy(true)
    try {
      const { response: r } = await client.GET('/api/v1/audit/events', {
        params: { query: { limit: 1 } },
        headers: token.trim() === '' ? {} : { Authorization: `Bearer ${token.trim()}` },
      })
      if (r.status === 401) setError('The service refused this token (401).')
      else if (r.status === 403) setError('This token lacks the audit:read scope (403).')
      else if (!r.ok) setError(`The service answered ${r.status}.`)
      else onSignedIn({ token: token.trim(), publicKey: publicKey.trim() })
    } catch (err) {
      setError(`The service did not answer: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="login">
      <h1>audit-trail timeline</h1>
      <form onSubmit={submit} aria-describedby="login-help">
        <p id="login-help">
          Sign in with a read token (audit:read). It is kept in this tab's session storage only, sent as an
          Authorization header, never put in a link. Leave it empty where the service asks for none (protected
          mode, on this machine).
        </p>
        <label htmlFor="token">Read token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
        <label htmlFor="public-key">Service public key (for integrity badges; optional)</label>
        <textarea
          id="public-key"
          name="public-key"
          rows={3}
          autoComplete="off"
          spellCheck={false}
          placeholder="public_key: … or -----BEGIN PUBLIC KEY-----"
          value={publicKey}
          onChange={(e) => setPublicKey(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  )
}
