export { parseCsv } from './csv.js'
export { type DockerProbeOptions, dockerAvailable } from './docker-probe.js'
export { canConnect, freePort, waitFor } from './free-port.js'
export {
  createTestDatabase,
  deleteKeysWithPrefix,
  type InfraSource,
  type Infrastructure,
  type ResolveInfrastructureOptions,
  redisKeyPrefix,
  resolveInfrastructure,
  runId,
  type TestDatabase,
} from './infrastructure.js'
export { childPids, isAlive, isRoot, postgresBinDir, runPostgresBinary } from './postgres-binaries.js'
export { type ServiceProcess, type ServiceProcessOptions, startServiceProcess } from './service-process.js'
export {
  startThrowawayPostgres,
  type ThrowawayPostgres,
  type ThrowawayPostgresOptions,
} from './throwaway-postgres.js'
export { startThrowawayRedis, type ThrowawayRedis } from './throwaway-redis.js'
