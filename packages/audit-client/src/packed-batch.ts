import { promisify } from 'node:util'
import { gunzipSync, gzip, constants as zlibConstants } from 'node:zlib'
import { jsonArray } from './json-array.js'

const gzipAsync = promisify(gzip)

/**
 * A batch's worth of queued events held gzip-compressed, while they wait for a send slot: the
 * queue's memory per event falls from its JSON text (~700 B for a typical event) to its share of
 * the compressed body (~70 B). Only the client's own HTTP transport with `compression: 'gzip'` gets
 * them, since it would compress that body when sending anyway: packing moves that work earlier, it
 * does not add it. The batch usually leaves whole, and its compressed bytes are the request body;
 * when it does not (a 400 naming some events, a 413 split, dead-lettering), the text is
 * decompressed and each event's JSON is cut from it.
 */
export class PackedBatch {
  /** The events' sequence numbers, in order. */
  readonly seqs: Float64Array
  /** Where each event's JSON starts in the body text; the last entry is the closing `]`. */
  readonly #starts: Uint32Array
  readonly gzipped: Uint8Array
  /** The decompressed body, kept only while a split or a dead-lettering reads it. */
  #text: string | undefined

  private constructor(seqs: Float64Array, starts: Uint32Array, gzipped: Uint8Array) {
    this.seqs = seqs
    this.#starts = starts
    this.gzipped = gzipped
  }

  /**
   * Packs `texts` (one JSON object each) into the JSON array body, gzip-compressed off the event
   * loop at the fastest level, as the HTTP transport would when sending it.
   */
  static async pack(texts: readonly string[], seqs: readonly number[]): Promise<PackedBatch> {
    const starts = new Uint32Array(texts.length + 1)
    let at = 1
    for (let i = 0; i < texts.length; i++) {
      starts[i] = at
      at += texts[i]!.length + 1
    }
    starts[texts.length] = at - (texts.length > 0 ? 1 : 0)
    const body = jsonArray(texts.length, (i) => texts[i]!)
    const gzipped = await gzipAsync(body, { level: zlibConstants.Z_BEST_SPEED })
    return new PackedBatch(Float64Array.from(seqs), starts, gzipped)
  }

  get count(): number {
    return this.seqs.length
  }

  /** The body as JSON text (decompressed; kept until {@link release}). */
  text(): string {
    this.#text ??= gunzipSync(this.gzipped).toString('utf8')
    return this.#text
  }

  /** The JSON text of the event with sequence number `seq`. */
  eventText(seq: number): string {
    const i = this.#indexOf(seq)
    return this.text().slice(this.#starts[i]!, this.#starts[i + 1]! - (i + 1 < this.count ? 1 : 0))
  }

  /** Drops the decompressed text (the compressed bytes stay). */
  release(): void {
    this.#text = undefined
  }

  #indexOf(seq: number): number {
    let lo = 0
    let hi = this.seqs.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const at = this.seqs[mid]!
      if (at === seq) return mid
      if (at < seq) lo = mid + 1
      else hi = mid - 1
    }
    throw new RangeError(`event ${seq} is not in this packed batch`)
  }
}

/** A request body ready to send: its gzip bytes, and its JSON text when those cannot be sent. */
export interface SerializedBody {
  readonly gzipped: Uint8Array
  text(): string
}
