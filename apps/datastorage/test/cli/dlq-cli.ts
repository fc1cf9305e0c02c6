import { Writable } from 'node:stream'
import { runDlqCommand } from '../../src/cli/dlq-command.js'
import { captureLogger, type DlqTestContext, REDIS_URL } from '../dlq/support.js'

/** A stream that keeps what is written to it, as `stdout`/`stderr` of the CLI. */
export function sink(isTTY = false): Writable & { text: () => string; isTTY: boolean; columns: number } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk))
      callback()
    },
  }) as Writable & { text: () => string; isTTY: boolean; columns: number }
  stream.text = () => chunks.join('')
  stream.isTTY = isTTY
  stream.columns = 100
  return stream
}

/**
 * `datastorage dlq …` in-process against the file's Redis streams and PostgreSQL: a function of
 * the arguments (and extra env) that answers the exit code and what was written.
 */
export function dlqCli(
  dlq: DlqTestContext,
  options: { env?: Record<string, string | undefined>; logLevel?: string } = {},
) {
  return async (args: string[], env: Record<string, string | undefined> = {}) => {
    const { pg, streams } = dlq
    const stdout = sink()
    const stderr = sink()
    const code = await runDlqCommand(args, {
      env: {
        REDIS_URL,
        DATABASE_URL: pg.url,
        DLQ_STREAM: streams.stream,
        DEAD_LETTER_STREAM: streams.deadLetterStream,
        ...options.env,
        ...env,
      },
      stdout,
      stderr,
      logger: captureLogger(options.logLevel).logger,
    })
    return { code, stdout: stdout.text(), stderr: stderr.text() }
  }
}
