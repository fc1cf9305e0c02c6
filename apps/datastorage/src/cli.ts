#!/usr/bin/env node
// The package's bin (`datastorage`, dist/cli.js): the commands live in cli/, this only ends the process.
import { KEEP_RUNNING, runDatastorageCommand } from './cli/datastorage-command.js'

runDatastorageCommand(process.argv.slice(2)).then((code) => {
  if (code !== KEEP_RUNNING) process.exit(code)
})
