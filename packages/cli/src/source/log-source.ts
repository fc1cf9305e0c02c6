import type { Selection } from '../verify/selection.js'
import type { Checkpoint, InclusionProof, LogLeaf } from '../wire.js'

/** An event as a source delivered it. */
export interface ReceivedEvent {
  /** Its JSON text as received (what `log download` writes). */
  readonly text: string
  /** `JSON.parse(text)`: the object whose canonical JSON is the leaf. */
  readonly value: unknown
}

/**
 * Where a verification reads the log from: the service (online) or a bundle `log download` wrote
 * (offline). The verifier trusts none of it; everything a source returns is checked against the
 * checkpoint, whose signature is checked with the key the user holds.
 */
export interface LogSource {
  /** For messages: the service URL or the bundle's folder. */
  readonly label: string
  /** The newest signed checkpoint. */
  latestCheckpoint(): Promise<Checkpoint>
  /** Leaves 0 … treeSize - 1 in order, in pages. A source that ends early is caught by the verifier. */
  leafPages(treeSize: number): AsyncIterable<readonly LogLeaf[]>
  /** The selected events, in pages (any order). */
  eventPages(selection: Selection): AsyncIterable<readonly ReceivedEvent[]>
  /**
   * The consistency proof from tree size `from` to `to` (hex hashes), or `undefined` when this
   * source has none (a bundle downloaded without `--from-state`).
   */
  consistencyProof(from: number, to: number): Promise<readonly string[] | undefined>
  /**
   * The inclusion proof of one event in the tree of `treeSize` leaves, `undefined` when the source
   * has no such event or it is not sealed at that size. Online sources only.
   */
  readonly inclusionProof?:
    | ((eventId: string, treeSize: number) => Promise<InclusionProof | undefined>)
    | undefined
}
