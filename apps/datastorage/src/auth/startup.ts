import type { Logger } from 'pino'
import type { DataStorageConfig } from '../env.js'
import { ConfigError } from '../errors.js'
import type { AccessControlOptions } from './access-control.js'
import { RateLimiter } from './rate-limit.js'
import { TokenRegistry } from './token-registry.js'

/** True for a host the service may bind without tokens: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/**
 * Decides the access mode at start-up from `AUTH_TOKENS_FILE`, `AUTH_DISABLED` and `HOST`, and
 * says which at `warn`/`info`:
 * - `AUTH_DISABLED=true`: no access control, logged loudly (the tokens file, if any, is ignored);
 * - a tokens file: read now, every /api/v1 request needs a token;
 * - neither: protected mode, only a loopback `HOST` is allowed.
 *
 * @throws ConfigError when the tokens file does not read or parse, or when `HOST` is not loopback
 *   without tokens; both messages name `AUTH_TOKENS_FILE`.
 */
export function resolveAccess(
  config: Pick<DataStorageConfig, 'host' | 'authDisabled' | 'authTokensFile' | 'metricsToken'> &
    Partial<Pick<DataStorageConfig, 'rateLimit'>>,
  logger: Logger,
): { access: AccessControlOptions; registry: TokenRegistry | undefined } {
  const { metricsToken } = config
  if (config.rateLimit && (config.authDisabled || config.authTokensFile === undefined)) {
    logger.warn('RATE_LIMIT_PER_SECOND applies per token: without AUTH_TOKENS_FILE it is not in force')
  }
  if (config.authDisabled) {
    logger.warn(
      { host: config.host, ignored_tokens_file: config.authTokensFile },
      'AUTH_DISABLED=true: ACCESS CONTROL IS OFF, /api/v1 accepts requests from anyone who can reach ' +
        `${config.host}, without a token`,
    )
    return { access: { mode: { kind: 'disabled' }, metricsToken }, registry: undefined }
  }
  if (config.authTokensFile !== undefined) {
    const registry = new TokenRegistry(config.authTokensFile, logger)
    logger.info(
      {
        file: registry.path,
        tokens: registry.entries.map((e) => ({ name: e.name, scopes: e.scopes })),
      },
      `access control: ${registry.entries.length} token(s) from AUTH_TOKENS_FILE; every /api/v1 request needs one`,
    )
    const rateLimit = config.rateLimit ? new RateLimiter(config.rateLimit) : undefined
    if (config.rateLimit) logger.info(config.rateLimit, 'rate limit per token in force')
    return { access: { mode: { kind: 'tokens', registry }, metricsToken, rateLimit }, registry }
  }
  if (!isLoopbackHost(config.host)) {
    throw new ConfigError(
      `HOST: ${JSON.stringify(config.host)} is not a loopback address and no tokens are configured; ` +
        'set AUTH_TOKENS_FILE to a file of token hashes (datastorage token create), bind HOST=127.0.0.1, ' +
        'or set AUTH_DISABLED=true to serve without access control',
    )
  }
  logger.warn(
    { host: config.host },
    `protected mode: no AUTH_TOKENS_FILE, so /api/v1 is OPEN to anyone on this host without a token: ` +
      `bound to ${config.host}, it serves loopback callers only; set AUTH_TOKENS_FILE (datastorage ` +
      'token create) to require tokens and serve other hosts',
  )
  return { access: { mode: { kind: 'protected' }, metricsToken }, registry: undefined }
}
