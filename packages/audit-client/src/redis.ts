// `@audit-trail/audit-client/redis`: the dead-letter queue in a Redis Stream. A subpath of its own,
// so that only applications that use it need ioredis (an optional peer dependency) to type-check.
export {
  type RedisDeadLetterQueueOptions,
  redisDeadLetterQueue,
} from './dead-letter/redis-dead-letter-queue.js'
