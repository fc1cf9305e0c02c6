// The service reads RFC 3339 date-times (query bounds) with the contract package's strict rule, the
// one its validator applies to event_timestamp: one implementation, so they cannot disagree.
export {
  canonicalTimestamp,
  EARLIEST_STORABLE_MS,
  LATEST_STORABLE_MS,
  parseRfc3339,
  rfc3339Error,
} from '@audit-trail/datastorage-client'
