// RFC 6962 test vectors: the 8-leaf data set used across transparency-log implementations, with the
// node hashes of every perfect subtree, the root at every size and known inclusion and consistency
// proofs. Transcribed as data from the transparency-dev/merkle repository (testonly/constants.go,
// testdata/inclusion and testdata/consistency, proof/proof_test.go).
import { describe, expect, it } from 'vitest'
import {
  CompactRange,
  consistencyProofFromLeaves,
  consistencyProofRanges,
  EMPTY_TREE_ROOT,
  fromHex,
  inclusionProofFromLeaves,
  inclusionProofRanges,
  leafHash,
  perfectNodes,
  type Range,
  rootHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '../src/index.js'

const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]

// NODES[level][index]: hashes of the perfect subtrees of the 8-leaf tree.
const NODES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
]

// ROOTS[n]: MTH of the first n leaves.
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

// Known proofs (the "happy path" vectors), hex, in proof order.
const INCLUSION = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
]

const CONSISTENCY = [
  { m: 1, n: 1, proof: [] },
  {
    m: 1,
    n: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    m: 6,
    n: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    m: 2,
    n: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    m: 6,
    n: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
]

// Proof plans as node ids: each proof element is a group of (level, index) nodes whose leaves, put
// together, are the element's range (one node when it is a perfect subtree).
type Group = readonly (readonly [number, number])[]
const INCLUSION_PLANS: { size: number; index: number; want: Group[] }[] = [
  { size: 1, index: 0, want: [] },
  { size: 2, index: 0, want: [[[0, 1]]] },
  { size: 2, index: 1, want: [[[0, 0]]] },
  { size: 3, index: 1, want: [[[0, 0]], [[0, 2]]] },
  {
    size: 7,
    index: 0,
    want: [
      [[0, 1]],
      [[1, 1]],
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  {
    size: 7,
    index: 1,
    want: [
      [[0, 0]],
      [[1, 1]],
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  {
    size: 7,
    index: 2,
    want: [
      [[0, 3]],
      [[1, 0]],
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  {
    size: 7,
    index: 3,
    want: [
      [[0, 2]],
      [[1, 0]],
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  { size: 7, index: 4, want: [[[0, 5]], [[0, 6]], [[2, 0]]] },
  { size: 7, index: 5, want: [[[0, 4]], [[0, 6]], [[2, 0]]] },
  { size: 7, index: 6, want: [[[1, 2]], [[2, 0]]] },
  { size: 4, index: 2, want: [[[0, 3]], [[1, 0]]] },
  { size: 5, index: 3, want: [[[0, 2]], [[1, 0]], [[0, 4]]] },
  { size: 6, index: 3, want: [[[0, 2]], [[1, 0]], [[1, 2]]] },
  { size: 6, index: 4, want: [[[0, 5]], [[2, 0]]] },
  {
    size: 15,
    index: 10,
    want: [
      [[0, 11]],
      [[1, 4]],
      [
        [0, 14],
        [1, 6],
      ],
      [[3, 0]],
    ],
  },
  {
    size: 31,
    index: 24,
    want: [
      [[0, 25]],
      [[1, 13]],
      [
        [0, 30],
        [1, 14],
      ],
      [[3, 2]],
      [[4, 0]],
    ],
  },
  {
    size: 95,
    index: 81,
    want: [
      [[0, 80]],
      [[1, 41]],
      [[2, 21]],
      [
        [0, 94],
        [1, 46],
        [2, 22],
      ],
      [[4, 4]],
      [[6, 0]],
    ],
  },
]

const CONSISTENCY_PLANS: { m: number; n: number; want: Group[] }[] = [
  { m: 1, n: 2, want: [[[0, 1]]] },
  { m: 1, n: 4, want: [[[0, 1]], [[1, 1]]] },
  { m: 1, n: 6, want: [[[0, 1]], [[1, 1]], [[1, 2]]] },
  { m: 2, n: 3, want: [[[0, 2]]] },
  { m: 2, n: 8, want: [[[1, 1]], [[2, 1]]] },
  {
    m: 3,
    n: 7,
    want: [
      [[0, 2]],
      [[0, 3]],
      [[1, 0]],
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  {
    m: 4,
    n: 7,
    want: [
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  { m: 5, n: 7, want: [[[0, 4]], [[0, 5]], [[0, 6]], [[2, 0]]] },
  { m: 6, n: 7, want: [[[1, 2]], [[0, 6]], [[2, 0]]] },
  { m: 7, n: 8, want: [[[0, 6]], [[0, 7]], [[1, 2]], [[2, 0]]] },
  { m: 1, n: 1, want: [] },
  { m: 5, n: 5, want: [] },
  { m: 8, n: 8, want: [] },
  { m: 2, n: 4, want: [[[1, 1]]] },
  { m: 3, n: 5, want: [[[0, 2]], [[0, 3]], [[1, 0]], [[0, 4]]] },
  { m: 3, n: 6, want: [[[0, 2]], [[0, 3]], [[1, 0]], [[1, 2]]] },
  { m: 4, n: 6, want: [[[1, 2]]] },
  {
    m: 1,
    n: 7,
    want: [
      [[0, 1]],
      [[1, 1]],
      [
        [0, 6],
        [1, 2],
      ],
    ],
  },
  {
    m: 10,
    n: 15,
    want: [
      [[1, 4]],
      [[1, 5]],
      [
        [0, 14],
        [1, 6],
      ],
      [[3, 0]],
    ],
  },
  {
    m: 24,
    n: 31,
    want: [
      [[3, 2]],
      [
        [0, 30],
        [1, 14],
        [2, 6],
      ],
      [[4, 0]],
    ],
  },
  {
    m: 81,
    n: 95,
    want: [
      [[0, 80]],
      [[0, 81]],
      [[1, 41]],
      [[2, 21]],
      [
        [0, 94],
        [1, 46],
        [2, 22],
      ],
      [[4, 4]],
      [[6, 0]],
    ],
  },
]

function groupRange(group: Group): Range {
  const starts = group.map(([level, index]) => index * 2 ** level)
  const ends = group.map(([level, index]) => (index + 1) * 2 ** level)
  return { start: Math.min(...starts), end: Math.max(...ends) }
}

// Each group's range decomposes into exactly the group's nodes, largest (leftmost) first.
function expectPerfectNodes(groups: readonly Group[]): void {
  for (const group of groups) {
    const ids = [...group]
      .sort(([l1, i1], [l2, i2]) => i1 * 2 ** l1 - i2 * 2 ** l2)
      .map(([level, index]) => ({ level, index }))
    expect(perfectNodes(groupRange(group))).toEqual(ids)
  }
}

const leaves = LEAF_INPUTS.map((hex) => leafHash(Buffer.from(hex, 'hex')))
const hexes = (hashes: readonly Uint8Array[]) => hashes.map(toHex)

describe('RFC 6962 vectors', () => {
  it('hashes the leaves as level 0 of the node table', () => {
    expect(hexes(leaves)).toEqual(NODES[0])
  })

  it('gives the root of every prefix, 0 to 8 leaves, through rootHash and CompactRange', () => {
    expect(toHex(EMPTY_TREE_ROOT)).toBe(ROOTS[0])
    const tree = new CompactRange()
    expect(toHex(tree.root())).toBe(ROOTS[0])
    for (let n = 1; n <= 8; n++) {
      expect(toHex(rootHash(leaves.slice(0, n))), `size ${n}`).toBe(ROOTS[n])
      tree.append(leaves[n - 1]!)
      expect(toHex(tree.root()), `compact size ${n}`).toBe(ROOTS[n])
    }
  })

  it('reports every perfect node of the 8-leaf tree, at its level and index, as appends complete it', () => {
    const tree = new CompactRange()
    const table: string[][] = [[], [], [], []]
    for (const leaf of leaves) {
      for (const node of tree.append(leaf)) table[node.level]![node.index] = toHex(node.hash)
    }
    expect(table).toEqual(NODES)
  })

  it.each(INCLUSION)('inclusion proof for leaf $index of $size', ({ index, size, proof }) => {
    const made = inclusionProofFromLeaves(index, leaves.slice(0, size))
    expect(hexes(made)).toEqual(proof)
    const check = {
      leafHash: leaves[index]!,
      index,
      treeSize: size,
      proof: made,
      rootHash: fromHex(ROOTS[size]!),
    }
    expect(verifyInclusion(check)).toBe(true)
    expect(verifyInclusion({ ...check, rootHash: fromHex(ROOTS[size - 1]!) })).toBe(false)
  })

  it.each(CONSISTENCY)('consistency proof from $m to $n', ({ m, n, proof }) => {
    const made = consistencyProofFromLeaves(m, leaves.slice(0, n))
    expect(hexes(made)).toEqual(proof)
    const check = {
      fromSize: m,
      toSize: n,
      proof: made,
      fromRoot: fromHex(ROOTS[m]!),
      toRoot: fromHex(ROOTS[n]!),
    }
    expect(verifyConsistency(check)).toBe(true)
    expect(verifyConsistency({ ...check, fromRoot: fromHex(ROOTS[m - 1]!) })).toBe(false)
  })

  it.each(INCLUSION_PLANS)('plans the inclusion proof for leaf $index of $size', ({ size, index, want }) => {
    expect(inclusionProofRanges(index, size)).toEqual(want.map(groupRange))
    expectPerfectNodes(want)
  })

  it.each(CONSISTENCY_PLANS)('plans the consistency proof from $m to $n', ({ m, n, want }) => {
    expect(consistencyProofRanges(m, n)).toEqual(want.map(groupRange))
    expectPerfectNodes(want)
  })
})
