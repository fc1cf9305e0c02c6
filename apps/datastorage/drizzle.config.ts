import { defineConfig } from 'drizzle-kit'

// `pnpm db:generate` diffs src/db/schema.ts against drizzle/meta and writes the next migration.
// Partitioning, the append-only trigger and the partition function live in custom migrations
// (`pnpm exec drizzle-kit generate --custom --name <name>`), which drizzle-kit cannot express.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
})
