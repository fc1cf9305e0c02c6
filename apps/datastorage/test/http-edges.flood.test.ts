import { defineFloodSuite } from './support/http-flood.js'

// A flood small enough for the suite (under 10 s, some 20 s on busy cores), through the sources:
// the budget refuses most of it unread, none is reset, RSS stays under 400 MB. The full flood of
// issue 11 (200 at once, the built service) is test/http-edges.flood.stress.ts.
defineFloodSuite({ parallel: 60, run: 'sources', deadlineMs: 45_000 })
