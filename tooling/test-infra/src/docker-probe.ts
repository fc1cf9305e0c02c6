import { existsSync, readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where a Docker engine API may answer: a unix socket, or a TCP address (with TLS files). */
export type DockerEndpoint =
  | { kind: 'socket'; path: string }
  | { kind: 'tcp'; host: string; port: number; tls?: { ca: Buffer; cert: Buffer; key: Buffer } }

export interface DockerProbeOptions {
  /** The whole decision's budget; a hung engine counts as absent after it. Default 1500 ms. */
  timeoutMs?: number
  /** Environment to read DOCKER_HOST and friends from. Default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Home folder for `~/.testcontainers.properties` and per-user sockets. Default `os.homedir()`. */
  home?: string
}

/**
 * Whether a container runtime answers, decided within `timeoutMs`: the engine API's `GET /_ping`
 * on the first endpoint that exists, in the order testcontainers looks (DOCKER_HOST, `docker.host`
 * in `~/.testcontainers.properties`, the system socket, the rootless and desktop sockets).
 *
 * It does not load testcontainers: evaluating that module tree blocks the event loop for seconds
 * on a busy machine, and a timer cannot fire while it does. Without any endpoint the answer comes
 * from a few `existsSync` calls; with a hung one, from the timeout.
 */
export async function dockerAvailable(options: DockerProbeOptions = {}): Promise<boolean> {
  const endpoint = findDockerEndpoint(options.env ?? process.env, options.home ?? homedir())
  if (endpoint === undefined) return false
  return pingDocker(endpoint, options.timeoutMs ?? 1500)
}

/** The endpoint testcontainers would use, or undefined when none is configured or present. */
export function findDockerEndpoint(env: NodeJS.ProcessEnv, home: string): DockerEndpoint | undefined {
  const configured = env.DOCKER_HOST || dockerHostFromProperties(join(home, '.testcontainers.properties'))
  if (configured) return parseDockerHost(configured, env)
  const runtimeDir = env.XDG_RUNTIME_DIR
  const sockets = [
    '/var/run/docker.sock',
    ...(runtimeDir
      ? [join(runtimeDir, '.docker', 'run', 'docker.sock'), join(runtimeDir, 'docker.sock')]
      : []),
    join(home, '.docker', 'run', 'docker.sock'),
    join(home, '.docker', 'desktop', 'docker.sock'),
  ]
  const path = sockets.find((candidate) => existsSync(candidate))
  return path === undefined ? undefined : { kind: 'socket', path }
}

function dockerHostFromProperties(file: string): string | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const line = text.split(/\r?\n/).find((l) => /^\s*docker\.host\s*[=:]/.test(l))
  return line?.replace(/^\s*docker\.host\s*[=:]\s*/, '').trim() || undefined
}

function parseDockerHost(value: string, env: NodeJS.ProcessEnv): DockerEndpoint | undefined {
  if (value.startsWith('unix://')) {
    const path = value.slice('unix://'.length)
    return existsSync(path) ? { kind: 'socket', path } : undefined
  }
  const match = /^(?:tcp|http|https):\/\/\[?([^\]/]+?)\]?:(\d+)\/?$/.exec(value)
  if (match === null) return undefined
  const [, host = '', port = ''] = match
  const tlsVerify =
    env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0'
  if (!tlsVerify && !value.startsWith('https://')) return { kind: 'tcp', host, port: Number(port) }
  const certs = env.DOCKER_CERT_PATH || join(homedir(), '.docker')
  try {
    const read = (name: string) => readFileSync(join(certs, name))
    return {
      kind: 'tcp',
      host,
      port: Number(port),
      tls: { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') },
    }
  } catch {
    return undefined
  }
}

/** `GET /_ping` answered `200 OK` within `timeoutMs`. */
export function pingDocker(endpoint: DockerEndpoint, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const common = { method: 'GET', path: '/_ping', timeout: timeoutMs, agent: false } as const
    const req =
      endpoint.kind === 'socket'
        ? httpRequest({ ...common, socketPath: endpoint.path })
        : endpoint.tls === undefined
          ? httpRequest({ ...common, host: endpoint.host, port: endpoint.port })
          : httpsRequest({ ...common, host: endpoint.host, port: endpoint.port, ...endpoint.tls })
    let settled = false
    const settle = (answer: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      resolve(answer)
      req.destroy()
    }
    const deadline = setTimeout(() => settle(false), timeoutMs)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => settle(res.statusCode === 200 && Buffer.concat(chunks).toString().trim() === 'OK'))
      res.on('error', () => settle(false))
    })
    req.on('timeout', () => settle(false))
    req.on('error', () => settle(false))
    req.end()
  })
}
