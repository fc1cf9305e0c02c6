import { readFile, rename, writeFile } from 'node:fs/promises'
import { describe, InputError } from '../errors.js'
import { asCheckpoint, type Checkpoint } from '../wire.js'

/**
 * The checkpoint remembered in a `--state` file, or `null` when the file does not exist yet (the
 * first run, after which it is written). The file holds the checkpoint's JSON as the service
 * signed it, so a bundle's `checkpoint.json` is a valid state file too.
 */
export async function readState(file: string): Promise<Checkpoint | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new InputError(`cannot read the state file ${file}: ${describe(error)}`, { cause: error })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new InputError(`the state file ${file} is not JSON: ${describe(error)}`, { cause: error })
  }
  return asCheckpoint(value, `the state file ${file}`)
}

/**
 * Remembers `checkpoint` as the last one accepted. Written beside the file and renamed over it, so
 * a crash leaves the old state or the new one, never half of one.
 */
export async function writeState(file: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o644 })
    await rename(temporary, file)
  } catch (error) {
    throw new InputError(`cannot write the state file ${file}: ${describe(error)}`, { cause: error })
  }
}
