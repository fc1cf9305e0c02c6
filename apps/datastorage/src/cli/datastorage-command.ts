import type { Logger } from 'pino'
import { openDatabase, pgliteDirOf } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { type DataStorageConfig, loadConfig } from '../env.js'
import { ConfigError } from '../errors.js'
import { createLogger } from '../logger.js'
import { startServer } from '../server.js'
import { runDlqCommand } from './dlq-command.js'
import { runLogCommand } from './log-command.js'
import { runRetentionCommand } from './retention-command.js'
import { runTokenCommand } from './token-command.js'

const USAGE = `usage: datastorage [serve|migrate|dlq|token|retention|log]

  serve     run the HTTP service (default)
  migrate   apply pending database migrations and exit
  dlq       inspect or replay the dead-letter queue: dlq stats | inspect [--count N] | replay
  token     create an API token: token create --name N --scopes audit:write[,…] [--file PATH]
  retention run the retention job once: retention run [--dry-run] [--json]
  log       print the public key that verifies the log's checkpoints: log public-key

Configuration comes from the environment: PORT, HOST, DATABASE_URL (unset: embedded PGlite under
DATA_DIR), DATABASE_POOL_MAX, DATABASE_WRITE_TIMEOUT_MS, REDIS_URL (unset: no dead-letter queue),
DLQ_STREAM, DEAD_LETTER_STREAM, DLQ_CONSUMER_GROUP, DLQ_CONSUMER_NAME, DLQ_CAPACITY, DLQ_MAX_ATTEMPTS,
DLQ_REPLAY_BATCH, DLQ_CLAIM_IDLE_MS, LOG_LEVEL, BODY_LIMIT_BYTES, MAX_BATCH_SIZE,
UNKNOWN_EVENT_TYPES, SHUTDOWN_TIMEOUT_MS, SHUTDOWN_DRAIN_DELAY_MS, AUTH_DISABLED, AUTH_TOKENS_FILE.
`

/** The exit code {@link runDatastorageCommand} returns while the service runs: do not exit. */
export const KEEP_RUNNING = -1

/**
 * Runs `datastorage [serve|migrate|help|dlq …]` with the process's environment and streams, and
 * returns the exit code: 0 done, 1 failed to start (database unreachable, migration failed, port
 * taken), 2 invalid configuration or unknown command; {@link KEEP_RUNNING} once `serve` listens, after
 * which SIGTERM/SIGINT shut the service down gracefully and exit 0 (a second signal exits 1 at once).
 *
 * @example
 * const code = await runDatastorageCommand(process.argv.slice(2))
 * if (code !== KEEP_RUNNING) process.exit(code)
 */
export async function runDatastorageCommand(argv: readonly string[]): Promise<number> {
  try {
    return await dispatch(argv)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`datastorage: invalid configuration: ${error.message}\n`)
      return 2
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    process.stderr.write(`datastorage: failed to start: ${message}\n`)
    if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error)
    return 1
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? 'serve'
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE)
    return 0
  }
  if (command === 'token') {
    return runTokenCommand(argv.slice(1), {
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
    })
  }
  if (command === 'dlq') {
    return runDlqCommand(argv.slice(1), { env: process.env, stdout: process.stdout, stderr: process.stderr })
  }
  if (command === 'log') {
    return runLogCommand(argv.slice(1), { env: process.env, stdout: process.stdout, stderr: process.stderr })
  }
  if (command === 'retention') {
    return runRetentionCommand(argv.slice(1), {
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
    })
  }
  if (command !== 'serve' && command !== 'migrate') {
    process.stderr.write(`datastorage: unknown command ${JSON.stringify(command)}\n${USAGE}`)
    return 2
  }
  const config = loadConfig()
  const logger = createLogger({ level: config.logLevel, format: config.logFormat })
  return command === 'migrate' ? migrate(config, logger) : serve(config, logger)
}

/** `datastorage migrate`: one connection, the pending migrations, a log line of how many ran. */
async function migrate(config: DataStorageConfig, logger: Logger): Promise<number> {
  const database = await openDatabase({
    url: config.databaseUrl,
    maxConnections: 1,
    pgliteDataDir: pgliteDirOf(config.dataDir),
  })
  try {
    const applied = await migrateDatabase(database)
    logger.info({ engine: database.kind, applied }, `applied ${applied} migration(s)`)
  } finally {
    await database.close()
  }
  return 0
}

/** `datastorage serve`: starts the service and maps SIGTERM/SIGINT to its graceful shutdown. */
async function serve(config: DataStorageConfig, logger: Logger): Promise<number> {
  const server = await startServer(config, { logger })
  let signalled = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      // A second signal means the operator will not wait for the drain.
      logger.warn({ signal }, 'second signal: exiting now')
      process.exit(1)
    }
    signalled = true
    logger.info({ signal }, 'signal received; shutting down gracefully')
    server.close().then(() => process.exit(0))
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  return KEEP_RUNNING
}
