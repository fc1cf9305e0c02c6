// The package's API is what other workspace packages import: the benchmarks open and migrate a
// database as the service does. The service itself runs through the bin (dist/cli.js), and the
// tests here import the modules they exercise by path.
export { openDatabase } from './db/client.js'
export { migrateDatabase } from './db/migrate.js'
