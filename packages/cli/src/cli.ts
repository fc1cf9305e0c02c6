#!/usr/bin/env node
import { runCli } from './program.js'

// The exit status is set, not forced with process.exit(), so stdout is flushed when piped.
process.exitCode = await runCli(process.argv.slice(2))
