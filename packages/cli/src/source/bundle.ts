import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, InputError } from '../errors.js'
import { type Progress, silentProgress } from '../progress.js'
import { ALL_EVENTS, type Selection } from '../verify/selection.js'
import {
  asCheckpoint,
  type Checkpoint,
  type ConsistencyProof,
  isHashList,
  isLogLeaf,
  type LogLeaf,
} from '../wire.js'
import { compactJson } from './json-text.js'
import type { LogSource, ReceivedEvent } from './log-source.js'

/** The files of an offline bundle, as `audit-trail log download` writes them. */
export const BUNDLE_FILES = {
  /** The newest checkpoint when the download started, as the service signed it. */
  checkpoint: 'checkpoint.json',
  /** One leaf per line, leaves 0 … tree_size - 1 of that checkpoint. */
  leaves: 'leaves.ndjson',
  /** One event per line, its JSON text as the service sent it (whitespace between tokens dropped). */
  events: 'events.ndjson',
  /** Only with `--from-state`: the consistency proof from the remembered size to the checkpoint's. */
  consistency: 'consistency.json',
} as const

const PAGE = 10_000

/**
 * A {@link LogSource} over a bundle folder: the same checks as online, without a network. It
 * cannot give inclusion proofs (the leaves it holds make them unnecessary).
 */
export class BundleLogSource implements LogSource {
  readonly label: string
  readonly #dir: string

  constructor(dir: string) {
    this.#dir = dir
    this.label = `bundle ${dir}`
  }

  async latestCheckpoint(): Promise<Checkpoint> {
    return asCheckpoint(
      await this.#json(BUNDLE_FILES.checkpoint),
      `${BUNDLE_FILES.checkpoint} of ${this.label}`,
    )
  }

  async *leafPages(): AsyncIterable<readonly LogLeaf[]> {
    let page: LogLeaf[] = []
    for await (const { line, number } of this.#lines(BUNDLE_FILES.leaves)) {
      const leaf = parseLine(line, number, BUNDLE_FILES.leaves)
      if (!isLogLeaf(leaf)) throw new InputError(`${BUNDLE_FILES.leaves} line ${number} is not a leaf`)
      page.push(leaf)
      if (page.length === PAGE) {
        yield page
        page = []
      }
    }
    if (page.length > 0) yield page
  }

  async *eventPages(_selection: Selection = ALL_EVENTS): AsyncIterable<readonly ReceivedEvent[]> {
    // Every event is yielded; the verifier applies the selection, as it does to the service's pages.
    let page: ReceivedEvent[] = []
    for await (const { line, number } of this.#lines(BUNDLE_FILES.events)) {
      page.push({ text: line, value: parseLine(line, number, BUNDLE_FILES.events) })
      if (page.length === PAGE) {
        yield page
        page = []
      }
    }
    if (page.length > 0) yield page
  }

  async consistencyProof(from: number, to: number): Promise<readonly string[] | undefined> {
    let value: unknown
    try {
      value = await this.#json(BUNDLE_FILES.consistency)
    } catch (error) {
      if (error instanceof InputError && (error.cause as NodeJS.ErrnoException)?.code === 'ENOENT')
        return undefined
      throw error
    }
    const proof = value as Partial<ConsistencyProof>
    if (!isHashList(proof.proof))
      throw new InputError(`${BUNDLE_FILES.consistency} of ${this.label} is not a proof`)
    return proof.from === from && proof.to === to ? proof.proof : undefined
  }

  async #json(name: string): Promise<unknown> {
    const file = join(this.#dir, name)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${describe(error)}`, { cause: error })
    }
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new InputError(`${file} is not JSON: ${describe(error)}`, { cause: error })
    }
  }

  async *#lines(name: string): AsyncIterable<{ line: string; number: number }> {
    const file = join(this.#dir, name)
    const stream = createReadStream(file, { encoding: 'utf8' })
    const opened = new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve())
      stream.once('error', reject)
    })
    try {
      await opened
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${describe(error)}`, { cause: error })
    }
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })
    let number = 0
    try {
      for await (const line of lines) {
        number++
        if (line.trim().length > 0) yield { line, number }
      }
    } finally {
      lines.close()
      stream.destroy()
    }
  }
}

function parseLine(line: string, number: number, name: string): unknown {
  try {
    return JSON.parse(line)
  } catch (error) {
    throw new InputError(`${name} line ${number} is not JSON: ${describe(error)}`, { cause: error })
  }
}

/** What {@link writeBundle} wrote. */
export interface BundleSummary {
  readonly dir: string
  readonly checkpoint: Checkpoint
  readonly leaves: number
  readonly events: number
  /** The remembered size the consistency proof starts from, when one was written. */
  readonly consistencyFrom?: number | undefined
}

/** Options of {@link writeBundle}. */
export interface WriteBundleOptions {
  /** Where to read the log (the service). */
  readonly source: LogSource
  /** The folder to write; created when missing, its bundle files replaced. */
  readonly dir: string
  /**
   * The verifier's remembered checkpoint: when it is smaller than the new one, the consistency
   * proof between them is included so the offline verification can check it.
   */
  readonly previous?: Checkpoint | null | undefined
  readonly progress?: Progress | undefined
}

/**
 * Downloads what an offline verification needs: the newest checkpoint, its leaves, every event
 * (as sent), and the consistency proof from a remembered checkpoint. Nothing is verified here.
 */
export async function writeBundle(options: WriteBundleOptions): Promise<BundleSummary> {
  const { source, dir } = options
  const progress = options.progress ?? silentProgress
  try {
    await mkdir(dir, { recursive: true })
    await rm(join(dir, BUNDLE_FILES.consistency), { force: true })
  } catch (error) {
    throw new InputError(`cannot write to ${dir}: ${describe(error)}`, { cause: error })
  }
  const checkpoint = await source.latestCheckpoint()
  await writeText(join(dir, BUNDLE_FILES.checkpoint), `${JSON.stringify(checkpoint, null, 2)}\n`)

  let consistencyFrom: number | undefined
  const previous = options.previous
  if (previous && previous.tree_size < checkpoint.tree_size) {
    const proof = await source.consistencyProof(previous.tree_size, checkpoint.tree_size)
    if (proof !== undefined) {
      const body: ConsistencyProof = { from: previous.tree_size, to: checkpoint.tree_size, proof: [...proof] }
      await writeText(join(dir, BUNDLE_FILES.consistency), `${JSON.stringify(body, null, 2)}\n`)
      consistencyFrom = previous.tree_size
    }
  }

  progress.start('leaves', checkpoint.tree_size)
  const leaves = await writeLines(
    join(dir, BUNDLE_FILES.leaves),
    source.leafPages(checkpoint.tree_size),
    (leaf) => JSON.stringify(leaf),
    progress,
  ).finally(() => progress.finish())
  progress.start('events', checkpoint.tree_size)
  const events = await writeLines(
    join(dir, BUNDLE_FILES.events),
    source.eventPages(ALL_EVENTS),
    (event) => compactJson(event.text),
    progress,
  ).finally(() => progress.finish())
  return { dir, checkpoint, leaves, events, consistencyFrom }
}

async function writeText(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text)
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${describe(error)}`, { cause: error })
  }
}

async function writeLines<T>(
  file: string,
  pages: AsyncIterable<readonly T[]>,
  line: (item: T) => string,
  progress: Progress,
): Promise<number> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, 'w')
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${describe(error)}`, { cause: error })
  }
  let count = 0
  try {
    for await (const page of pages) {
      if (page.length === 0) continue
      const text = `${page.map(line).join('\n')}\n`
      try {
        await handle.write(text)
      } catch (error) {
        throw new InputError(`cannot write ${file}: ${describe(error)}`, { cause: error })
      }
      count += page.length
      progress.advance(page.length)
    }
  } finally {
    await handle.close()
  }
  return count
}
