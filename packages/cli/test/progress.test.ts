import { describe, expect, it } from 'vitest'
import { createProgress } from '../src/progress.js'

describe('createProgress', () => {
  it('writes plain lines when not a terminal: at the start, every interval, at the end', () => {
    const lines: string[] = []
    let now = 0
    const progress = createProgress(
      { write: (t: string) => lines.push(t), isTTY: false },
      { now: () => now, intervalMs: 1000 },
    )
    progress.start('leaves', 100)
    progress.advance(10)
    now = 999
    progress.advance(10)
    now = 1000
    progress.advance(30)
    progress.advance(70)
    progress.finish()
    progress.finish()
    expect(lines).toEqual([
      'leaves: 0/100 (0%) started\n',
      'leaves: 50/100 (50%)\n',
      'leaves: 120/120 (100%) done\n',
    ])
  })

  it('draws a bar on a terminal', () => {
    const out: string[] = []
    const stream = {
      write: (t: string) => out.push(t),
      isTTY: true,
      columns: 80,
      cursorTo() {},
      clearLine() {},
      moveCursor() {},
    }
    const progress = createProgress(stream)
    progress.start('events', 4)
    progress.advance(6)
    progress.finish()
    expect(out.join('')).toMatch(/events +\[.*\] 100% \| 6\/6/)
  })
})
