/**
 * Admin connection of the PostgreSQL on which each test file creates its own database
 * (`createTestDatabase(ADMIN_URL)` from `@audit-trail/test-infra`): `DATABASE_URL_ADMIN`, else the
 * local trust-auth default.
 */
export const ADMIN_URL = process.env['DATABASE_URL_ADMIN'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'
