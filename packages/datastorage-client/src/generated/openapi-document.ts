// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.

/** The OpenAPI 3.1 document of the DataStorage API, as parsed from the YAML source. */
export const openapiDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "audit-trail DataStorage API",
    "version": "1.0.0",
    "description": "The HTTP contract of the audit-trail storage service. This file is the single source of\ntruth: the TypeScript types and the typed client in `@audit-trail/datastorage-client` are\ngenerated from it, and the service validates requests against the schemas below.\n\nPromise: an event with a given `event_id` is stored at most once. Writes are idempotent;\na replayed event is reported as a duplicate, never stored twice.\n\nEvery error is an RFC 7807 problem (`application/problem+json`) whose `type` names it. Beyond\nthe responses each operation lists, any path answers 404 `not-found` when the API does not\nserve it and 405 `method-not-allowed` (`#/components/responses/MethodNotAllowed`) to a method\nit does not serve. Every `/api/v1` operation refuses a query parameter it does not declare,\nor one given twice, with 400 `validation-error` naming it (a misspelt option is never ignored);\n`/healthz`, `/readyz` and `/metrics` ignore query strings (probes add their own).\n",
    "license": {
      "name": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "audit"
    },
    {
      "name": "admin"
    },
    {
      "name": "integrity"
    },
    {
      "name": "ops"
    },
    {
      "name": "ui"
    }
  ],
  "paths": {
    "/api/v1/audit/events": {
      "post": {
        "tags": [
          "audit"
        ],
        "operationId": "createAuditEvent",
        "security": [
          {
            "bearerAuth": [
              "audit:write"
            ]
          }
        ],
        "summary": "Write one audit event.",
        "description": "Rules JSON Schema cannot state, each refused with 400 `validation-error` naming the field:\n`event_timestamp` at most 1 hour after the service's clock (`x-max-future-seconds`);\n`event_data` at most 256 KiB serialized and nested at most 10 deep; no string anywhere in\nthe event (`event_data` included) holding U+0000 (NUL) or a lone surrogate, which\nPostgreSQL cannot store; numbers in `event_data` that would not be stored with the value\nsent (`1e309`, `9007199254740993`).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AuditEventRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Stored (or already stored, with `duplicate` true).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditEventCreated"
                }
              }
            }
          },
          "202": {
            "description": "PostgreSQL is unavailable; the event was queued to the service's dead-letter queue and will be replayed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Accepted"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "get": {
        "tags": [
          "audit"
        ],
        "operationId": "queryAuditEvents",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "Query audit events, newest first, with keyset pagination.",
        "description": "Pages are read with the keyset cursor: follow `pagination.next_cursor` until `has_more` is\nfalse. `offset` is accepted for clients written for offset paging; each page costs the\nrows it skips, and events stored between two requests shift the pages (an event can be\nmissed or returned twice), which the cursor does not do. The default `limit` is 100.\n\nWith a read replica configured (`READ_DATABASE_URL`), the query is served by the replica,\nwhich may lag the primary: send `Consistency: primary` to see every committed write.\n\nRefused with 400 `validation-error`, all at once: a parameter the operation does not\ndeclare, one given twice, a value outside its schema, a value holding U+0000 (NUL) or a\nlone surrogate, `since` not earlier than `until`, `offset` with `cursor`, `detail_key`\nwithout `detail_value` or the reverse. A cursor this service did not issue: 400\n`invalid-cursor`.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Consistency"
          },
          {
            "$ref": "#/components/parameters/CorrelationId"
          },
          {
            "$ref": "#/components/parameters/EventType"
          },
          {
            "$ref": "#/components/parameters/EventCategory"
          },
          {
            "$ref": "#/components/parameters/EventOutcome"
          },
          {
            "$ref": "#/components/parameters/Severity"
          },
          {
            "$ref": "#/components/parameters/ActorId"
          },
          {
            "$ref": "#/components/parameters/ResourceType"
          },
          {
            "$ref": "#/components/parameters/ResourceId"
          },
          {
            "$ref": "#/components/parameters/Namespace"
          },
          {
            "$ref": "#/components/parameters/RecordedBy"
          },
          {
            "$ref": "#/components/parameters/Since"
          },
          {
            "$ref": "#/components/parameters/Until"
          },
          {
            "$ref": "#/components/parameters/TraceId"
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "description": "Opaque keyset cursor from a previous page's `pagination.next_cursor`, sent back as received. Only a cursor this service issued is accepted (base64url; any other text of that alphabet is refused with 400 `invalid-cursor`). Not together with `offset`.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200,
              "pattern": "^[A-Za-z0-9_-]+$"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "description": "Rows to skip before the page (offset paging; the cursor is the recommended way). Slower the deeper it goes, and not stable while events are stored: prefer `next_cursor`, which every page still carries. Not together with `cursor`.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 10000,
              "default": 0
            }
          },
          {
            "$ref": "#/components/parameters/DetailKey"
          },
          {
            "$ref": "#/components/parameters/DetailValue"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of events, `event_timestamp DESC, event_id DESC`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditEventPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/events/export": {
      "get": {
        "tags": [
          "audit"
        ],
        "operationId": "exportAuditEvents",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "Every event matching the filters, streamed as NDJSON or CSV, newest first.",
        "description": "The same filters as `GET /api/v1/audit/events` (and refused the same way), without\npaging: the service reads the matching events in keyset pages and streams them as it goes,\nso an export of any size holds one page in memory. Order: `event_timestamp DESC,\nevent_id DESC`. Events stored while the export runs, newer than its first page, are not\nincluded; run it again with `since` to collect them.\n\n- `ndjson` (`application/x-ndjson`): one event per line, exactly as\n  `GET /api/v1/audit/events/{event_id}` returns it (the `AuditEvent` schema).\n- `csv` (`text/csv`, RFC 4180, CRLF, a header row): the columns `event_id,\n  event_timestamp, event_type, event_category, event_action, event_outcome, severity,\n  correlation_id, parent_event_id, actor_type, actor_id, actor_ip, resource_type,\n  resource_id, resource_name, namespace, cluster_id, trace_id, span_id, duration_ms,\n  error_code, error_message, recorded_by, stored_at, event_data`; an absent field is an\n  empty cell, `event_data` is its JSON text. A cell starting with `=`, `+`, `-`, `@`,\n  tab or carriage return gets a leading `'` so that a spreadsheet does not run it as a\n  formula (OWASP CSV injection); the NDJSON export is the exact one.\n\nThe answer carries `Content-Disposition: attachment`. A failure after the first byte (the\ndatabase lost mid-export) ends the response without its last chunk, so the client sees a\nbroken transfer rather than a short file. Recorded as one `datastorage.audit.read` event\n(operation `export`) with the rows sent.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Consistency"
          },
          {
            "$ref": "#/components/parameters/CorrelationId"
          },
          {
            "$ref": "#/components/parameters/EventType"
          },
          {
            "$ref": "#/components/parameters/EventCategory"
          },
          {
            "$ref": "#/components/parameters/EventOutcome"
          },
          {
            "$ref": "#/components/parameters/Severity"
          },
          {
            "$ref": "#/components/parameters/ActorId"
          },
          {
            "$ref": "#/components/parameters/ResourceType"
          },
          {
            "$ref": "#/components/parameters/ResourceId"
          },
          {
            "$ref": "#/components/parameters/Namespace"
          },
          {
            "$ref": "#/components/parameters/RecordedBy"
          },
          {
            "$ref": "#/components/parameters/Since"
          },
          {
            "$ref": "#/components/parameters/Until"
          },
          {
            "$ref": "#/components/parameters/TraceId"
          },
          {
            "$ref": "#/components/parameters/DetailKey"
          },
          {
            "$ref": "#/components/parameters/DetailValue"
          },
          {
            "name": "format",
            "in": "query",
            "description": "`ndjson` (default) or `csv`.",
            "schema": {
              "type": "string",
              "enum": [
                "ndjson",
                "csv"
              ],
              "default": "ndjson"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "description": "At most this many events (the newest); default all that match.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 9007199254740991
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The matching events, streamed.",
            "headers": {
              "Content-Disposition": {
                "description": "`attachment; filename=\"audit-events-<UTC time>.<ndjson|csv>\"`",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/x-ndjson": {
                "schema": {
                  "type": "string",
                  "description": "One `AuditEvent` as JSON per line."
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/events/histogram": {
      "get": {
        "tags": [
          "audit"
        ],
        "operationId": "getAuditEventHistogram",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "Events per time bucket and outcome over a window, for the same filters as the query.",
        "description": "Counts the events matching the filters in each `interval` from `since` (default 1 hour\nbefore now) to `until` (default now), by `event_outcome`. Buckets start at multiples of\nthe interval since the Unix epoch (UTC), the first one at or before `since`; every bucket\nof the window is listed, empty ones with zero counts. More than 1440 buckets is refused\nwith 400 `validation-error` naming `interval`, and the same filters as\n`GET /api/v1/audit/events` are refused the same way. Recorded as a\n`datastorage.audit.read` event (operation `histogram`, `rows` the events counted).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Consistency"
          },
          {
            "$ref": "#/components/parameters/CorrelationId"
          },
          {
            "$ref": "#/components/parameters/EventType"
          },
          {
            "$ref": "#/components/parameters/EventCategory"
          },
          {
            "$ref": "#/components/parameters/EventOutcome"
          },
          {
            "$ref": "#/components/parameters/Severity"
          },
          {
            "$ref": "#/components/parameters/ActorId"
          },
          {
            "$ref": "#/components/parameters/ResourceType"
          },
          {
            "$ref": "#/components/parameters/ResourceId"
          },
          {
            "$ref": "#/components/parameters/Namespace"
          },
          {
            "$ref": "#/components/parameters/RecordedBy"
          },
          {
            "$ref": "#/components/parameters/Since"
          },
          {
            "$ref": "#/components/parameters/Until"
          },
          {
            "$ref": "#/components/parameters/TraceId"
          },
          {
            "$ref": "#/components/parameters/DetailKey"
          },
          {
            "$ref": "#/components/parameters/DetailValue"
          },
          {
            "name": "interval",
            "in": "query",
            "description": "Bucket width.",
            "schema": {
              "type": "string",
              "enum": [
                "1m",
                "5m",
                "15m",
                "1h",
                "1d"
              ],
              "default": "1m"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The buckets, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventHistogram"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/events/batch": {
      "post": {
        "tags": [
          "audit"
        ],
        "operationId": "createAuditEventsBatch",
        "security": [
          {
            "bearerAuth": [
              "audit:write"
            ]
          }
        ],
        "summary": "Write a batch of audit events atomically.",
        "description": "All valid or nothing: a batch with any invalid event is refused with 400, whose `errors`\nname every invalid event by `index`, so a client can drop just those and send the rest.\nEvents whose `event_id` is already stored are reported in `duplicates` and not stored again.\n\nRules JSON Schema cannot state, each refused with 400 `validation-error` naming the field:\n`event_timestamp` at most 1 hour after the service's clock (`x-max-future-seconds`);\n`event_data` at most 256 KiB serialized and nested at most 10 deep; no string anywhere in\nthe event (`event_data` included) holding U+0000 (NUL) or a lone surrogate, which\nPostgreSQL cannot store; numbers in `event_data` that would not be stored with the value\nsent (`1e309`, `9007199254740993`).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AuditEventBatchRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditEventBatchCreated"
                }
              }
            }
          },
          "202": {
            "description": "PostgreSQL is unavailable; the batch was queued to the service's dead-letter queue.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Accepted"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/events/{event_id}": {
      "get": {
        "tags": [
          "audit"
        ],
        "operationId": "getAuditEvent",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "description": "With a read replica configured (`READ_DATABASE_URL`), served by the replica, which may lag\nthe primary: an event just stored may be 404 there; send `Consistency: primary` to read it.\n",
        "parameters": [
          {
            "name": "event_id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          {
            "$ref": "#/components/parameters/Consistency"
          }
        ],
        "responses": {
          "200": {
            "description": "The stored event.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditEvent"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/dlq": {
      "get": {
        "tags": [
          "admin"
        ],
        "operationId": "getDeadLetterQueueStats",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "Depth, capacity and replay group of the service's dead-letter queue.",
        "description": "Read-only, like `datastorage dlq stats`. Without `REDIS_URL` the service has no DLQ and answers `{enabled:false}`.",
        "responses": {
          "200": {
            "description": "The DLQ's state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DlqStats"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/dlq/messages": {
      "get": {
        "tags": [
          "admin"
        ],
        "operationId": "listDeadLetterMessages",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "The oldest messages of the DLQ or of its dead-letter (poison) stream, decoded.",
        "description": "Read-only, like `datastorage dlq inspect`. The messages hold audit events, so each call is\nrecorded as a `datastorage.audit.read` event (operation `dlq_messages`).\n",
        "parameters": [
          {
            "name": "count",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 10
            }
          },
          {
            "name": "stream",
            "in": "query",
            "description": "`dlq` (messages waiting for replay) or `dead-letter` (poison messages set aside).",
            "schema": {
              "type": "string",
              "enum": [
                "dlq",
                "dead-letter"
              ],
              "default": "dlq"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DlqMessages"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/dlq/replay": {
      "post": {
        "tags": [
          "admin"
        ],
        "operationId": "replayDeadLetterQueue",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "Drain the dead-letter queue into PostgreSQL now, as `datastorage dlq replay` does.",
        "description": "Reads the DLQ as one more consumer of the replay group and stores its messages (poison\nmessages go to the dead-letter stream, duplicates are not stored again), until nothing is\nleft that it can take or `max_wait_ms` passes without progress, then answers with what it\ndid. Messages pending with another consumer are claimed once idle `DLQ_CLAIM_IDLE_MS`.\nRecorded as a `datastorage.dlq.replayed` event (trigger `api`). One replay at a time\nper service process: another request meanwhile is refused with 409 `replay-in-progress`.\nWithout `REDIS_URL` the service has no DLQ: 404 `not-found`.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DlqReplayRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The replay ended.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DlqReplaySummary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/checkpoints/latest": {
      "get": {
        "tags": [
          "integrity"
        ],
        "operationId": "getLatestCheckpoint",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "The newest signed tree head of the event log.",
        "description": "Every stored event is a leaf of one append-only Merkle tree (RFC 6962 §2.1; the leaf is the\nRFC 8785 canonical JSON of the event as this API returns it). The sequencer signs a\ncheckpoint `{origin, tree_size, root_hash, timestamp}` with Ed25519 every\n`CHECKPOINT_INTERVAL_MS` while there are new leaves. Its signature covers the text\n`audit-trail checkpoint v1\\n<origin>\\n<tree_size>\\n<root_hash>\\n<timestamp>\\n`; check it with\nthe service's public key, obtained out of band (docs/integrity.md). 404 `no-checkpoint` until\nthe first one is signed, or when the log is off (`TRANSPARENCY_LOG=off`).\n",
        "responses": {
          "200": {
            "description": "The newest checkpoint.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Checkpoint"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/checkpoints": {
      "get": {
        "tags": [
          "integrity"
        ],
        "operationId": "getCheckpoint",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "The signed checkpoint of a given tree size.",
        "description": "404 `no-checkpoint` when no checkpoint was signed at that size.",
        "parameters": [
          {
            "$ref": "#/components/parameters/TreeSizeRequired"
          }
        ],
        "responses": {
          "200": {
            "description": "The checkpoint signed at `tree_size`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Checkpoint"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/checkpoints/consistency": {
      "get": {
        "tags": [
          "integrity"
        ],
        "operationId": "getConsistencyProof",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "A consistency proof between two tree sizes (RFC 6962 §2.1.2).",
        "description": "Proves that the tree of size `to` extends the tree of size `from` unchanged: verify it with\nthe root hashes of two checkpoints seen at different times (RFC 9162 §2.1.4.2). `from` must\nnot exceed `to`, and `to` not the newest checkpoint's size (400 `validation-error`).\n`from` = `to` gives an empty proof.\n",
        "parameters": [
          {
            "name": "from",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 9007199254740991
            }
          },
          {
            "name": "to",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 9007199254740991
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The proof.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ConsistencyProof"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/events/{event_id}/proof": {
      "get": {
        "tags": [
          "integrity"
        ],
        "operationId": "getInclusionProof",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "The inclusion proof of one event in the tree of a given size (RFC 6962 §2.1.1).",
        "description": "`tree_size` defaults to the newest checkpoint's size and must not exceed it. Verify with\nthe leaf hash computed from the event itself (SHA-256 of 0x00 and its RFC 8785 canonical\nJSON) and the checkpoint's root hash (RFC 9162 §2.1.3.2). 404 `not-found` for an unknown\nevent, `event-not-sealed` while the event is not yet in a signed tree of that size (retry\nafter the next checkpoint), `no-checkpoint` before the first checkpoint. Recorded as a\n`datastorage.audit.read` event (operation `proof`).\n",
        "parameters": [
          {
            "name": "event_id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          {
            "$ref": "#/components/parameters/TreeSize"
          }
        ],
        "responses": {
          "200": {
            "description": "The proof.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/InclusionProof"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/log/leaves": {
      "get": {
        "tags": [
          "integrity"
        ],
        "operationId": "listLogLeaves",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "The leaves of the tree in order, for an auditor that rebuilds the whole tree.",
        "description": "Leaves `start` … `start + limit - 1`, cut at the newest checkpoint's size (`tree_size`).\nAn auditor hashes all of them into the root of that checkpoint, which proves the list\ncomplete and unaltered, then compares each leaf with the event it stands for: an event whose\nleaf hash differs was altered, a leaf without its event was deleted, unless `removed` says\nthe retention job dropped it. Recorded as a `datastorage.audit.read` event (operation\n`log_leaves`).\n",
        "parameters": [
          {
            "name": "start",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 9007199254740991,
              "default": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 10000,
              "default": 1000
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The leaves, in leaf order.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LogLeafPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/verify": {
      "post": {
        "tags": [
          "integrity"
        ],
        "operationId": "verifyAuditEvents",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "Checks stored events against the newest signed checkpoint.",
        "description": "For the events of a `correlation_id`, or of a time window (`since` inclusive, `until`\nexclusive, both required, by `event_timestamp`), the service recomputes each event's leaf\nhash from the row as stored, and checks it against the leaf it was sealed with and that leaf\nagainst the newest checkpoint's root (an inclusion proof). It also looks for leaves of the\nselection whose event is gone. Each problem is one entry of `failures`; `valid` is true\nwhen there are none. Events stored after the newest checkpoint are counted in `unsealed`,\nnot failures. Answers 200 whatever it finds; 404 `no-checkpoint` before the first\ncheckpoint. Recorded as a `datastorage.audit.read` event (operation `verify`).\nThis replaces the per-correlation hash chain of the system this one replaces\n(`POST /api/v1/audit/verify-chain` answers in that system's shape).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerifyRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What the check found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VerifyResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/verify-chain": {
      "post": {
        "tags": [
          "integrity"
        ],
        "operationId": "verifyAuditChain",
        "security": [
          {
            "bearerAuth": [
              "audit:read"
            ]
          }
        ],
        "summary": "`POST /api/v1/audit/verify` for one correlation id, in the replaced system's shape.",
        "description": "Kept so that the tools of the system this one replaces keep working. The same check as\n`POST /api/v1/audit/verify` with `{correlation_id}`; each failure is one `tampered_events`\nentry whose `message` gives the reason. `is_valid` is false when anything failed.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VerifyChainRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What the check found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VerifyChainResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/legal-holds": {
      "post": {
        "tags": [
          "admin"
        ],
        "operationId": "placeLegalHold",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "Places a legal hold on the events of a correlation id.",
        "description": "While a hold is active, the retention job drops no partition holding an event of its\n`correlation_id` (events stored later included). Several holds may cover one correlation\nid; each is released by its own id. `placed_by` is the caller's token name. The change is\nitself recorded as a `datastorage.legal_hold.placed` event.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LegalHoldRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The hold, active from now.",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                },
                "description": "`/api/v1/audit/legal-holds/<id>`."
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegalHold"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "get": {
        "tags": [
          "admin"
        ],
        "operationId": "listLegalHolds",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "The legal holds, active ones first, newest first.",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "description": "`active` (default), `released` or `all`.",
            "schema": {
              "type": "string",
              "enum": [
                "active",
                "released",
                "all"
              ],
              "default": "active"
            }
          },
          {
            "name": "correlation_id",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255,
              "pattern": "^[^\\u0000]*$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The holds.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegalHoldList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/legal-holds/{hold_id}": {
      "delete": {
        "tags": [
          "admin"
        ],
        "operationId": "releaseLegalHold",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "Releases one legal hold.",
        "description": "The hold stays listed (`status=released`) with who released it and when; the change is\nrecorded as a `datastorage.legal_hold.released` event. 404 for an unknown hold, 409\n`already-released` for one released before.\n",
        "parameters": [
          {
            "name": "hold_id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": false,
          "description": "Why the hold is released; recorded with the release.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LegalHoldReleaseRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The released hold.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegalHold"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/legal-hold": {
      "post": {
        "tags": [
          "admin"
        ],
        "operationId": "placeLegalHoldCompat",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "`POST /api/v1/audit/legal-holds` in the replaced system's shape.",
        "description": "Kept so that the tools of the system this one replaces keep working: 200 with that\nsystem's body, 404 when no event of the correlation id is stored. `placed_by` is the\ncaller's token name (that system's `X-User-ID` header is ignored).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LegalHoldRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The hold is placed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegalHoldCompat"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "get": {
        "tags": [
          "admin"
        ],
        "operationId": "listLegalHoldsCompat",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "The active legal holds, in the replaced system's shape.",
        "responses": {
          "200": {
            "description": "The active holds, one entry per hold.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegalHoldCompatList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/v1/audit/legal-hold/{correlation_id}": {
      "delete": {
        "tags": [
          "admin"
        ],
        "operationId": "releaseLegalHoldCompat",
        "security": [
          {
            "bearerAuth": [
              "audit:admin"
            ]
          }
        ],
        "summary": "Releases every active hold of a correlation id, in the replaced system's shape.",
        "description": "404 when the correlation id has no active hold.",
        "parameters": [
          {
            "name": "correlation_id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "$ref": "#/components/parameters/ContentEncoding"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LegalHoldReleaseCompatRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Released.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegalHoldReleasedCompat"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "417": {
            "$ref": "#/components/responses/ExpectationFailed"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/": {
      "get": {
        "tags": [
          "ui"
        ],
        "operationId": "redirectToTimeline",
        "security": [],
        "summary": "Redirects to the timeline page.",
        "responses": {
          "302": {
            "description": "To `/ui/`.",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string",
                  "const": "/ui/"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/ui": {
      "get": {
        "tags": [
          "ui"
        ],
        "operationId": "redirectToTimelinePage",
        "security": [],
        "summary": "Redirects to the timeline page's canonical address, with the slash.",
        "responses": {
          "302": {
            "description": "To `/ui/`.",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string",
                  "const": "/ui/"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/ui/": {
      "get": {
        "tags": [
          "ui"
        ],
        "operationId": "getTimelinePage",
        "security": [],
        "summary": "The audit timeline, a page that reads events through this API with the reader's token.",
        "description": "Static assets, served without a token (they hold no audit data); the page asks for a\ntoken and keeps it in the browser tab's session storage, never in the URL. Its query\nstring holds the filter (`correlation_id`, `event_type`, `since`, …), so a link opens\nthe same view. `/ui` redirects here. The page is sent with a Content-Security-Policy\nthat allows only this origin's scripts, styles and API. Query strings are ignored by the\nservice.\n",
        "responses": {
          "200": {
            "description": "The page.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "description": "The page is not built (`timeline-not-built`); the detail says how to build it.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        }
      }
    },
    "/ui/assets/{file}": {
      "get": {
        "tags": [
          "ui"
        ],
        "operationId": "getTimelineAsset",
        "security": [],
        "summary": "A script, stylesheet or image of the timeline page (content-hashed names, cached immutable).",
        "parameters": [
          {
            "name": "file",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]+$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The asset.",
            "content": {
              "text/javascript": {
                "schema": {
                  "type": "string"
                }
              },
              "text/css": {
                "schema": {
                  "type": "string"
                }
              },
              "image/svg+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getHealth",
        "security": [],
        "responses": {
          "200": {
            "description": "The process is alive.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getReadiness",
        "security": [],
        "responses": {
          "200": {
            "description": "Ready to take writes.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "description": "Not ready; `reasons` says why (draining, database unreachable and no DLQ, DLQ full).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getMetrics",
        "description": "Open to loopback callers only, unless `METRICS_TOKEN` is set: then to whoever sends\n`Authorization: Bearer <METRICS_TOKEN>` (that token is not one of `AUTH_TOKENS_FILE`).\n",
        "security": [],
        "responses": {
          "200": {
            "description": "Prometheus text exposition.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "408": {
            "$ref": "#/components/responses/RequestTimeout"
          },
          "431": {
            "$ref": "#/components/responses/HeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "`Authorization: Bearer <token>` on every `/api/v1` operation. A token holds scopes:\n`audit:write` (write events), `audit:read` (query and read events), `audit:admin` (DLQ\nadministration, legal holds, retention); each operation names the one it requires. The\nservice keeps only SHA-256 hashes of tokens (`AUTH_TOKENS_FILE`). Without a tokens file it\nruns in protected mode: bound to loopback, it serves loopback callers without a token. See\napps/datastorage/README.md#access-control.\n"
      }
    },
    "parameters": {
      "CorrelationId": {
        "name": "correlation_id",
        "in": "query",
        "description": "Only events of this correlation id (exact match).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "EventType": {
        "name": "event_type",
        "in": "query",
        "schema": {
          "$ref": "#/components/schemas/EventType"
        }
      },
      "EventCategory": {
        "name": "event_category",
        "in": "query",
        "schema": {
          "$ref": "#/components/schemas/EventCategory"
        }
      },
      "EventOutcome": {
        "name": "event_outcome",
        "in": "query",
        "schema": {
          "$ref": "#/components/schemas/EventOutcome"
        }
      },
      "Severity": {
        "name": "severity",
        "in": "query",
        "schema": {
          "$ref": "#/components/schemas/SeverityText"
        }
      },
      "ActorId": {
        "name": "actor_id",
        "in": "query",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "ResourceType": {
        "name": "resource_type",
        "in": "query",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "ResourceId": {
        "name": "resource_id",
        "in": "query",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "Namespace": {
        "name": "namespace",
        "in": "query",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "RecordedBy": {
        "name": "recorded_by",
        "in": "query",
        "description": "Only events stored by this credential (`recorded_by`, exact match).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "Since": {
        "name": "since",
        "in": "query",
        "description": "Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`, `2w`). With `until`, it must be earlier than `until`: equal bounds select nothing and are refused (400 `validation-error` on `since`).",
        "schema": {
          "$ref": "#/components/schemas/TimeBound"
        }
      },
      "Until": {
        "name": "until",
        "in": "query",
        "description": "Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now. Must be later than `since` when both are given.",
        "schema": {
          "$ref": "#/components/schemas/TimeBound"
        }
      },
      "TraceId": {
        "name": "trace_id",
        "in": "query",
        "description": "Only events of this W3C trace id (32 lowercase hex digits, as the audit client fills it from the active OpenTelemetry span).",
        "schema": {
          "type": "string",
          "pattern": "^[0-9a-f]{32}$"
        }
      },
      "DetailKey": {
        "name": "detail_key",
        "in": "query",
        "description": "With `detail_value`, only events whose `event_data` has this top-level key with that value, compared as text (the string `\"42\"` and the number `42` both match `42`; a JSON null matches nothing). Both or neither.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "pattern": "^[a-zA-Z0-9_]+$"
        }
      },
      "DetailValue": {
        "name": "detail_value",
        "in": "query",
        "description": "The value `detail_key` must have, exactly (no wildcards). Both or neither.",
        "schema": {
          "type": "string",
          "maxLength": 1024,
          "pattern": "^[^\\u0000]*$"
        }
      },
      "Consistency": {
        "name": "Consistency",
        "in": "header",
        "description": "Which server answers the read when the service has a read replica (`READ_DATABASE_URL`):\n`replica` (the default) may be behind the primary by the replication lag; `primary` sees\nevery committed write, for a read that must see a write just made. Without a replica both\nread the primary. Any other value is refused with 400 `validation-error` naming\n`Consistency`.\n",
        "schema": {
          "type": "string",
          "enum": [
            "replica",
            "primary"
          ],
          "default": "replica"
        }
      },
      "ContentEncoding": {
        "name": "Content-Encoding",
        "in": "header",
        "description": "`gzip` to send the JSON body compressed; its decompressed size counts against the body\nlimit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is\nrefused with 415 `unsupported-content-encoding`. Content codings are case-insensitive\n(RFC 9110 §8.4.1), and an empty value is `identity`.\n",
        "schema": {
          "type": "string",
          "pattern": "^([Gg][Zz][Ii][Pp]|[Xx]-[Gg][Zz][Ii][Pp]|[Ii][Dd][Ee][Nn][Tt][Ii][Tt][Yy])?$"
        }
      },
      "TreeSize": {
        "name": "tree_size",
        "in": "query",
        "description": "A tree size no larger than the newest checkpoint's; default that size.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991
        }
      },
      "TreeSizeRequired": {
        "name": "tree_size",
        "in": "query",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is invalid; `errors` lists every invalid field (with `index` for batches). Any operation answers 400 `bad-request` to a request HTTP cannot frame (bad `Host`, `Content-Length` or `Transfer-Encoding`), with `Connection: close`.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing, malformed or unknown bearer token (`unauthorized`); the same answer for each, so it\nnever tells whether a token exists. In protected mode, a caller that is not on loopback.\n",
        "headers": {
          "WWW-Authenticate": {
            "schema": {
              "type": "string",
              "const": "Bearer realm=\"audit-trail\""
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Forbidden": {
        "description": "A known token without the scope the operation requires (`forbidden`); `detail` names the scope.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "The token is over its rate limit (`too-many-requests`; `RATE_LIMIT_PER_SECOND`, off by default); retry after `Retry-After` seconds.",
        "headers": {
          "Retry-After": {
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such resource (`not-found`); also the answer to any path the API does not serve.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The body exceeds the configured limit (default 5 MiB; a gzip body both as sent and decompressed) or the batch exceeds maxBatchSize.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not `application/json` (`unsupported-media-type`), or its `Content-Encoding` is neither `gzip` nor `identity` (`unsupported-content-encoding`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "A method the path does not serve (`method-not-allowed`), for every path of this document:\n`Allow` lists the methods it does serve (`HEAD` wherever `GET` is). A path served as\nwritten wins over a templated one (`GET /api/v1/audit/events/batch` is 405, not a lookup\nof the event `batch`).\n",
        "headers": {
          "Allow": {
            "schema": {
              "type": "string"
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "The resource is not in a state the request can change (`already-released`, `replay-in-progress`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "RequestTimeout": {
        "description": "The request's headers or body did not arrive in time (`request-timeout`); the connection is closed.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ExpectationFailed": {
        "description": "An `Expect` header other than `100-continue` (`expectation-failed`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "HeaderFieldsTooLarge": {
        "description": "The request line and headers exceed 16 KiB (`header-fields-too-large`); the connection is closed.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "InternalError": {
        "description": "A failure of the service itself (`internal-error`); it is logged, and `detail` says nothing of it.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "Storage unavailable and the events could not be queued; or, for a write, the service is\nreading too many request bodies at once and did not read this one (`body-budget-exhausted`,\nwith `Connection: close`). Nothing was stored: retry after `Retry-After` seconds.\n",
        "headers": {
          "Retry-After": {
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "EventType": {
        "type": "string",
        "description": "Dot-separated segments of lowercase letters, digits and underscores, each starting with a letter: `<service>.<category>.<action>` as a rule, two segments accepted (`remediation.workflow_created`).",
        "minLength": 3,
        "maxLength": 100,
        "pattern": "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"
      },
      "EventCategory": {
        "type": "string",
        "enum": [
          "gateway",
          "notification",
          "analysis",
          "aiagent",
          "signalprocessing",
          "workflow",
          "workflowexecution",
          "orchestration",
          "approval",
          "effectiveness",
          "actiontype",
          "apifrontend",
          "security",
          "agentsession"
        ]
      },
      "EventOutcome": {
        "type": "string",
        "enum": [
          "success",
          "failure",
          "pending"
        ]
      },
      "Severity": {
        "type": "string",
        "description": "The recommended severity levels, which typed clients offer.",
        "enum": [
          "debug",
          "info",
          "notice",
          "warning",
          "error",
          "critical"
        ]
      },
      "SeverityText": {
        "type": "string",
        "minLength": 1,
        "maxLength": 20,
        "description": "A severity as the emitter names it: one of `Severity`'s levels is recommended, any other word up to 20 characters (`high`, `low`, `medium`: the levels of the system this one replaces) is stored as sent.",
        "examples": [
          "info",
          "warning",
          "critical",
          "high"
        ]
      },
      "TimeBound": {
        "type": "string",
        "description": "RFC 3339 date-time, as strict as `event_timestamp`'s, or a relative duration before now such as `15m`, `24h`, `7d`.",
        "pattern": "^([0-9]+[smhdw]|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2}))$"
      },
      "KnownEventType": {
        "description": "The event-type catalog. Types listed here are known; those in the `if`/`then` table of\n`AuditEventRequest` have a typed `event_data` schema. Other types that follow the naming\nrule are accepted with generic validation unless the service is configured to reject them.\n",
        "type": "string",
        "enum": [
          "gateway.signal.received",
          "gateway.signal.deduplicated",
          "gateway.crd.created",
          "gateway.crd.failed",
          "gateway.config.reloaded",
          "gateway.config.rejected",
          "orchestrator.lifecycle.started",
          "orchestrator.lifecycle.created",
          "orchestrator.lifecycle.completed",
          "orchestrator.lifecycle.failed",
          "orchestrator.lifecycle.transitioned",
          "orchestrator.lifecycle.verifying_started",
          "orchestrator.lifecycle.verification_completed",
          "orchestrator.lifecycle.verification_timed_out",
          "orchestrator.remediation.manual_review",
          "orchestrator.routing.blocked",
          "orchestrator.ea.created",
          "remediation.workflow_created",
          "orchestrator.approval.requested",
          "orchestrator.approval.approved",
          "orchestrator.approval.rejected",
          "webhook.remediationapprovalrequest.decided",
          "signalprocessing.signal.processed",
          "signalprocessing.phase.transition",
          "signalprocessing.classification.decision",
          "signalprocessing.business.classified",
          "signalprocessing.enrichment.completed",
          "signalprocessing.error.occurred",
          "aianalysis.analysis.completed",
          "aianalysis.analysis.failed",
          "aianalysis.phase.transition",
          "aianalysis.aiagent.call",
          "aianalysis.aiagent.submit",
          "aianalysis.aiagent.result",
          "aianalysis.approval.decision",
          "aianalysis.rego.evaluation",
          "aianalysis.error.occurred",
          "workflowexecution.workflow.started",
          "workflowexecution.workflow.completed",
          "workflowexecution.workflow.failed",
          "workflowexecution.selection.completed",
          "workflowexecution.execution.started",
          "workflowexecution.block.cleared",
          "notification.message.sent",
          "notification.message.failed",
          "notification.message.acknowledged",
          "notification.message.escalated",
          "webhook.notification.cancelled",
          "webhook.notification.acknowledged",
          "workflow.catalog.actions_listed",
          "workflow.catalog.workflows_listed",
          "workflow.catalog.workflow_retrieved",
          "workflow.catalog.selection_validated",
          "datastorage.workflow.created",
          "datastorage.workflow.updated",
          "aiagent.llm.request",
          "aiagent.llm.response",
          "aiagent.llm.tool_call",
          "aiagent.response.complete",
          "aiagent.response.failed",
          "aiagent.rca.complete",
          "aiagent.session.started",
          "aiagent.session.completed",
          "aiagent.session.failed",
          "effectiveness.health.assessed",
          "effectiveness.alert.assessed",
          "effectiveness.metrics.assessed",
          "effectiveness.assessment.scheduled",
          "effectiveness.assessment.completed",
          "datastorage.actiontype.created",
          "datastorage.actiontype.updated",
          "datastorage.actiontype.disabled",
          "datastorage.ratelimit.denied",
          "datastorage.auth.failed",
          "datastorage.auth.denied",
          "datastorage.tokens.reloaded",
          "datastorage.tokens.rejected",
          "datastorage.audit.read",
          "datastorage.dlq.replayed",
          "datastorage.legal_hold.placed",
          "datastorage.legal_hold.released",
          "datastorage.retention.partition_dropped",
          "aiagent.auth.failure",
          "aiagent.auth.denied",
          "webhook.remediationrequest.timeout_modified",
          "remediationworkflow.admitted.create",
          "remediationworkflow.admitted.update",
          "remediationworkflow.admitted.delete",
          "remediationworkflow.admitted.denied",
          "authwebhook.workflow.registration_failed",
          "aiagent.enrichment.completed",
          "aiagent.enrichment.failed",
          "aiagent.workflow.validation_attempt",
          "aiagent.session.cancelled",
          "aiagent.session.suspended",
          "aiagent.session.resumed",
          "aiagent.interactive.started",
          "aiagent.interactive.completed",
          "aiagent.interactive.k8s_call",
          "aiagent.secret.accessed",
          "aiagent.session.observed",
          "aiagent.session.access_denied",
          "aiagent.investigation.cancelled",
          "aiagent.alignment.step",
          "aiagent.alignment.verdict",
          "aiagent.shadow.llm.request",
          "aiagent.shadow.llm.response",
          "aiagent.ratelimit.denied",
          "effectiveness.hash.computed",
          "effectiveness.alert_decay.detected",
          "datastorage.actiontype.reenabled",
          "datastorage.actiontype.disable_denied",
          "actiontype.admitted.create",
          "actiontype.admitted.update",
          "actiontype.admitted.delete",
          "actiontype.denied.create",
          "actiontype.denied.update",
          "actiontype.denied.delete",
          "agentsession.admitted.create",
          "agentsession.denied.create",
          "apifrontend.triage.started",
          "apifrontend.triage.completed",
          "apifrontend.rr.created",
          "apifrontend.rr.deduplicated",
          "apifrontend.session.created",
          "apifrontend.session.completed",
          "apifrontend.ka.delegated",
          "apifrontend.ka.result_received",
          "apifrontend.user.decision",
          "apifrontend.auth.access_denied",
          "apifrontend.tool.executed",
          "apifrontend.workflow.discovery",
          "apifrontend.auth.success",
          "apifrontend.auth.failure",
          "apifrontend.ratelimit.denied",
          "apifrontend.circuitbreaker.trip",
          "apifrontend.impersonation.created",
          "apifrontend.jwt.delegation",
          "apifrontend.session.phase_changed",
          "apifrontend.session.deleted",
          "apifrontend.session.auto_cancelled",
          "apifrontend.session.retention_deleted",
          "apifrontend.a2a.task_started",
          "apifrontend.a2a.task_completed",
          "apifrontend.a2a.task_failed",
          "apifrontend.mcp.tool_failed",
          "apifrontend.mcp.session_init",
          "apifrontend.severity_triage.completed",
          "apifrontend.severity_triage.failed",
          "apifrontend.config.reloaded",
          "apifrontend.config.rejected"
        ]
      },
      "EventData": {
        "type": "object",
        "description": "Free-form event payload. At most 256 KiB serialized and nesting depth at most 10 (checked by the service).",
        "x-max-bytes": 262144,
        "x-max-depth": 10,
        "additionalProperties": true
      },
      "AuditEventFields": {
        "type": "object",
        "properties": {
          "version": {
            "type": "string",
            "const": "1.0"
          },
          "event_id": {
            "type": "string",
            "format": "uuid",
            "description": "Idempotency key: a UUID as `8-4-4-4-12` hex digits, either case, without `urn:uuid:` prefix or braces. The audit client always sets one (UUIDv7)."
          },
          "event_type": {
            "$ref": "#/components/schemas/EventType"
          },
          "event_timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339, strictly: `YYYY-MM-DD`, `T` (or `t` or one space), `HH:MM:SS`, an optional fraction of 1 to 9 digits, then `Z` or `±HH:MM` (up to ±23:59). No leap second (`:60`): PostgreSQL cannot store one. Stored in UTC with microseconds (further digits truncated); the instant must lie in years 0001 to 9999 in UTC. At most 1 hour in the future (clock-skew guard); older timestamps are accepted.",
            "x-max-future-seconds": 3600
          },
          "event_category": {
            "$ref": "#/components/schemas/EventCategory"
          },
          "event_action": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
          },
          "event_outcome": {
            "$ref": "#/components/schemas/EventOutcome"
          },
          "correlation_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "event_data": {
            "$ref": "#/components/schemas/EventData"
          },
          "actor_type": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
          },
          "actor_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "actor_ip": {
            "type": "string",
            "maxLength": 45,
            "anyOf": [
              {
                "format": "ipv4"
              },
              {
                "format": "ipv6"
              }
            ]
          },
          "resource_type": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "resource_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "resource_name": {
            "type": "string",
            "maxLength": 255
          },
          "parent_event_id": {
            "type": "string",
            "format": "uuid"
          },
          "parent_event_date": {
            "type": "string",
            "format": "date-time",
            "description": "The parent event's `event_timestamp`, sent beside `parent_event_id` by clients of the system this one replaces. Same rules as `event_timestamp` (strict RFC 3339, years 0001 to 9999 in UTC), without the future guard; stored in UTC with microseconds and returned in that form. Omit it rather than send `null`."
          },
          "namespace": {
            "type": "string",
            "maxLength": 255,
            "description": "May be empty (single-cluster setups send `\"\"`)."
          },
          "cluster_id": {
            "type": "string",
            "maxLength": 255,
            "description": "May be empty (single-cluster setups send `\"\"`); stored as sent."
          },
          "severity": {
            "$ref": "#/components/schemas/SeverityText"
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0,
            "maximum": 2147483647
          },
          "error_code": {
            "type": "string",
            "maxLength": 50
          },
          "error_message": {
            "type": "string",
            "maxLength": 4096
          },
          "trace_id": {
            "type": "string",
            "pattern": "^[0-9a-f]{32}$"
          },
          "span_id": {
            "type": "string",
            "pattern": "^[0-9a-f]{16}$"
          },
          "retention_days": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2555,
            "default": 2555
          },
          "is_sensitive": {
            "type": "boolean",
            "default": false
          }
        }
      },
      "AuditEventRequest": {
        "description": "An audit event as written by a service. Known event types are validated against their typed `event_data` schema.",
        "allOf": [
          {
            "$ref": "#/components/schemas/AuditEventFields"
          },
          {
            "$ref": "#/components/schemas/EventDataCatalog"
          }
        ],
        "required": [
          "version",
          "event_type",
          "event_timestamp",
          "event_category",
          "event_action",
          "event_outcome",
          "correlation_id",
          "event_data"
        ],
        "unevaluatedProperties": false
      },
      "AuditEventBatchRequest": {
        "type": "array",
        "minItems": 1,
        "maxItems": 5000,
        "description": "1..maxBatchSize events (service default 5000).",
        "items": {
          "$ref": "#/components/schemas/AuditEventRequest"
        }
      },
      "AuditEvent": {
        "description": "A stored audit event.",
        "allOf": [
          {
            "$ref": "#/components/schemas/AuditEventFields"
          },
          {
            "type": "object",
            "properties": {
              "event_date": {
                "type": "string",
                "format": "date",
                "description": "UTC date of event_timestamp; the partition key."
              },
              "stored_at": {
                "type": "string",
                "format": "date-time"
              },
              "recorded_by": {
                "type": "string",
                "maxLength": 255,
                "description": "Who the service authenticated when it stored the event, beside the actor the event\nclaims: the name of the bearer token that wrote it, or one of the reserved names\n(token names never contain `:`): `anonymous:loopback` (protected mode, a loopback\ncaller without a token), `anonymous:auth-disabled` (`AUTH_DISABLED=true`),\n`datastorage:self-audit` (the service's own security events),\n`redis:dead-letter-queue` (replayed from a client's dead-letter message, which\nreached Redis without the API). Absent on events stored before the service recorded it.\n"
              }
            }
          }
        ],
        "required": [
          "version",
          "event_id",
          "event_type",
          "event_timestamp",
          "event_category",
          "event_action",
          "event_outcome",
          "correlation_id",
          "event_data",
          "event_date",
          "retention_days",
          "is_sensitive",
          "stored_at"
        ]
      },
      "AuditEventCreated": {
        "type": "object",
        "required": [
          "event_id",
          "event_timestamp",
          "duplicate",
          "message"
        ],
        "properties": {
          "message": {
            "type": "string",
            "description": "`audit event stored`, or `audit event already stored` for a duplicate; for decoders that require it."
          },
          "event_id": {
            "type": "string",
            "format": "uuid"
          },
          "event_timestamp": {
            "type": "string",
            "format": "date-time"
          },
          "duplicate": {
            "type": "boolean",
            "description": "True when this event_id was already stored; nothing new was written."
          }
        }
      },
      "AuditEventBatchCreated": {
        "type": "object",
        "required": [
          "event_ids",
          "created",
          "duplicates",
          "message"
        ],
        "properties": {
          "message": {
            "type": "string",
            "description": "e.g. `3 audit events stored, 1 already stored`."
          },
          "event_ids": {
            "type": "array",
            "items": {
              "type": "string",
              "format": "uuid"
            },
            "description": "Every event's id",
            "in request order.": null
          },
          "created": {
            "type": "integer",
            "minimum": 0,
            "description": "Rows written by this request."
          },
          "duplicates": {
            "type": "integer",
            "minimum": 0,
            "description": "Events already stored",
            "not written again.": null
          },
          "duplicate_ids": {
            "type": "array",
            "items": {
              "type": "string",
              "format": "uuid"
            }
          }
        }
      },
      "Accepted": {
        "type": "object",
        "required": [
          "status",
          "message"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "accepted"
          },
          "message": {
            "type": "string",
            "description": "`audit event queued for async processing` (or events): PostgreSQL was unavailable, the service's DLQ holds them."
          },
          "event_ids": {
            "type": "array",
            "items": {
              "type": "string",
              "format": "uuid"
            }
          },
          "queued": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "AuditEventPage": {
        "type": "object",
        "required": [
          "data",
          "pagination"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuditEvent"
            }
          },
          "pagination": {
            "type": "object",
            "required": [
              "limit",
              "next_cursor",
              "has_more"
            ],
            "properties": {
              "limit": {
                "type": "integer"
              },
              "offset": {
                "type": "integer",
                "description": "The rows skipped; present when the request gave `offset`."
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "has_more": {
                "type": "boolean"
              }
            }
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          }
        }
      },
      "Readiness": {
        "type": "object",
        "required": [
          "status",
          "checks"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ready",
              "not_ready"
            ]
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "draining",
                "database_unreachable_no_dlq",
                "dlq_full",
                "starting"
              ]
            }
          },
          "checks": {
            "type": "object",
            "additionalProperties": {
              "type": "string",
              "enum": [
                "ok",
                "failing",
                "disabled"
              ]
            }
          }
        }
      },
      "Problem": {
        "type": "object",
        "description": "RFC 7807 problem details.",
        "required": [
          "type",
          "title",
          "status"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "A URI reference naming the problem type, e.g. `https://audit-trail.dev/problems/validation-error`."
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer"
          },
          "detail": {
            "type": "string"
          },
          "instance": {
            "type": "string"
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "field",
                "message"
              ],
              "properties": {
                "index": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "The event's position in a batch."
                },
                "field": {
                  "type": "string",
                  "description": "JSON pointer-like path, e.g. `event_data.signal_name`."
                },
                "message": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "EventDataCatalog": {
        "description": "Selects the typed `event_data` schema of each known event type: the payloads of the system this one replaces, field for field (their `event_type` repeats the event's), then the payloads of the service's own self-audit events.",
        "allOf": [
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "gateway.signal.received",
                    "gateway.signal.deduplicated",
                    "gateway.crd.created",
                    "gateway.crd.failed"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/GatewayAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "orchestrator.lifecycle.started",
                    "orchestrator.lifecycle.created",
                    "orchestrator.lifecycle.completed",
                    "orchestrator.lifecycle.failed",
                    "orchestrator.lifecycle.verifying_started",
                    "orchestrator.lifecycle.verification_completed",
                    "orchestrator.lifecycle.verification_timed_out",
                    "orchestrator.lifecycle.transitioned",
                    "orchestrator.approval.requested",
                    "orchestrator.approval.approved",
                    "orchestrator.approval.rejected",
                    "orchestrator.remediation.manual_review",
                    "orchestrator.routing.blocked",
                    "remediation.workflow_created",
                    "orchestrator.ea.created"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/RemediationOrchestratorAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "signalprocessing.signal.processed",
                    "signalprocessing.phase.transition",
                    "signalprocessing.classification.decision",
                    "signalprocessing.business.classified",
                    "signalprocessing.enrichment.completed",
                    "signalprocessing.error.occurred"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/SignalProcessingAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "aianalysis.analysis.completed",
                    "aianalysis.analysis.failed"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAnalysisAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "workflowexecution.workflow.started",
                    "workflowexecution.workflow.completed",
                    "workflowexecution.workflow.failed",
                    "workflowexecution.selection.completed",
                    "workflowexecution.execution.started"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowExecutionAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "webhook.notification.cancelled",
                    "webhook.notification.acknowledged"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/NotificationAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "workflowexecution.block.cleared"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowExecutionWebhookAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "webhook.remediationapprovalrequest.decided"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/RemediationApprovalAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "webhook.remediationrequest.timeout_modified"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/RemediationRequestWebhookAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "remediationworkflow.admitted.create",
                    "remediationworkflow.admitted.update",
                    "remediationworkflow.admitted.delete",
                    "remediationworkflow.admitted.denied"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/RemediationWorkflowWebhookAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "authwebhook.workflow.registration_failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AuthwebhookWorkflowRegistrationFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "workflow.catalog.actions_listed",
                    "workflow.catalog.workflows_listed",
                    "workflow.catalog.workflow_retrieved",
                    "workflow.catalog.selection_validated"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowDiscoveryAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.workflow.created"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowCatalogCreatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.workflow.updated"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowCatalogUpdatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aianalysis.phase.transition"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAnalysisPhaseTransitionPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "aianalysis.aiagent.call",
                    "aianalysis.aiagent.submit",
                    "aianalysis.aiagent.result"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAnalysisAIAgentCallPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aianalysis.approval.decision"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAnalysisApprovalDecisionPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aianalysis.rego.evaluation"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAnalysisRegoEvaluationPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aianalysis.error.occurred"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAnalysisErrorPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "notification.message.sent"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/NotificationMessageSentPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "notification.message.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/NotificationMessageFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "notification.message.acknowledged"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/NotificationMessageAcknowledgedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "notification.message.escalated"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/NotificationMessageEscalatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.response.complete"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentResponsePayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.rca.complete"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentRCACompletePayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.response.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentResponseFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.enrichment.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentEnrichmentCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.enrichment.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentEnrichmentFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.llm.request"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/LLMRequestPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.llm.response"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/LLMResponsePayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.llm.tool_call"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/LLMToolCallPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.workflow.validation_attempt"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowValidationPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.started"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionStartedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.cancelled"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionCancelledPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.suspended"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionSuspendedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.resumed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionResumedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.interactive.started"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentInteractiveStartedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.interactive.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentInteractiveCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.interactive.k8s_call"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentInteractiveK8sCallPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.secret.accessed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSecretAccessedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.observed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionObservedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.session.access_denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentSessionAccessDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.investigation.cancelled"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentInvestigationCancelledPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.alignment.step"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentAlignmentStepPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.alignment.verdict"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentAlignmentVerdictPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.shadow.llm.request"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ShadowLLMRequestPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.shadow.llm.response"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ShadowLLMResponsePayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.ratelimit.denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentRatelimitDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.auth.failure"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentAuthFailurePayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aiagent.auth.denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AIAgentAuthDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.ratelimit.denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/DatastorageRatelimitDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "gateway.config.reloaded"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/GatewayConfigReloadedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "gateway.config.rejected"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/GatewayConfigRejectedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "effectiveness.health.assessed",
                    "effectiveness.hash.computed",
                    "effectiveness.alert.assessed",
                    "effectiveness.metrics.assessed",
                    "effectiveness.assessment.scheduled",
                    "effectiveness.assessment.completed",
                    "effectiveness.alert_decay.detected"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/EffectivenessAssessmentAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.actiontype.created"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ActionTypeCatalogCreatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.actiontype.updated"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ActionTypeCatalogUpdatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.actiontype.disabled"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ActionTypeCatalogDisabledPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.actiontype.reenabled"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ActionTypeCatalogReenabledPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.actiontype.disable_denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ActionTypeCatalogDisableDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "actiontype.admitted.create",
                    "actiontype.admitted.update",
                    "actiontype.admitted.delete",
                    "actiontype.denied.create",
                    "actiontype.denied.update",
                    "actiontype.denied.delete"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ActionTypeWebhookAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "agentsession.admitted.create",
                    "agentsession.denied.create"
                  ]
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AgentSessionWebhookAuditPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.triage.started"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendTriageStartedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.triage.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendTriageCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.rr.created"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendRRCreatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.rr.deduplicated"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendRRDeduplicatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.session.created"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSessionCreatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.session.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSessionCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.ka.delegated"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendKADelegatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.ka.result_received"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendKAResultReceivedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.user.decision"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendUserDecisionPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.auth.access_denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendAuthAccessDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.tool.executed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendToolExecutedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.workflow.discovery"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendWorkflowDiscoveryPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.auth.success"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendAuthSuccessPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.auth.failure"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendAuthFailurePayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.ratelimit.denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendRatelimitDeniedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.circuitbreaker.trip"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendCircuitbreakerTripPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.impersonation.created"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendImpersonationCreatedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.jwt.delegation"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendJWTDelegationPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.session.phase_changed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSessionPhaseChangedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.session.deleted"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSessionDeletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.session.auto_cancelled"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSessionAutoCancelledPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.session.retention_deleted"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSessionRetentionDeletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.a2a.task_started"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendA2ATaskStartedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.a2a.task_completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendA2ATaskCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.a2a.task_failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendA2ATaskFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.mcp.tool_failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendMCPToolFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.mcp.session_init"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendMCPSessionInitPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.severity_triage.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSeverityTriageCompletedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.severity_triage.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendSeverityTriageFailedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.config.reloaded"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendConfigReloadedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "apifrontend.config.rejected"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ApifrontendConfigRejectedPayload"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.auth.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AuthFailedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.auth.denied"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AuthDeniedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.tokens.reloaded"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/TokensReloadedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.tokens.rejected"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/TokensRejectedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.audit.read"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AuditReadData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.dlq.replayed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/DlqReplayedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.legal_hold.placed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/LegalHoldChangedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.legal_hold.released"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/LegalHoldChangedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "datastorage.retention.partition_dropped"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/RetentionPartitionDroppedData"
                }
              }
            }
          }
        ]
      },
      "GatewayAuditPayload": {
        "type": "object",
        "required": [
          "signal_type",
          "signal_name",
          "namespace",
          "fingerprint",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "gateway.signal.received",
              "gateway.signal.deduplicated",
              "gateway.crd.created",
              "gateway.crd.failed"
            ]
          },
          "original_payload": {
            "type": "object",
            "additionalProperties": true
          },
          "signal_labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "signal_annotations": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "signal_type": {
            "type": "string",
            "enum": [
              "alert"
            ]
          },
          "signal_name": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "fingerprint": {
            "type": "string"
          },
          "severity": {
            "type": "string"
          },
          "resource_kind": {
            "type": "string"
          },
          "resource_name": {
            "type": "string"
          },
          "remediation_request": {
            "type": "string"
          },
          "deduplication_status": {
            "type": "string",
            "enum": [
              "new",
              "duplicate"
            ]
          },
          "occurrence_count": {
            "type": "integer",
            "format": "int32"
          },
          "error_details": {
            "$ref": "#/components/schemas/ErrorDetails"
          }
        }
      },
      "ErrorDetails": {
        "type": "object",
        "required": [
          "message",
          "code",
          "component",
          "retry_possible"
        ],
        "properties": {
          "message": {
            "type": "string"
          },
          "code": {
            "type": "string"
          },
          "component": {
            "type": "string",
            "enum": [
              "gateway",
              "aianalysis",
              "workflowexecution",
              "remediationorchestrator",
              "signalprocessing",
              "authwebhook"
            ]
          },
          "retry_possible": {
            "type": "boolean"
          },
          "stack_trace": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "RemediationOrchestratorAuditPayload": {
        "type": "object",
        "required": [
          "rr_name",
          "namespace",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "orchestrator.lifecycle.started",
              "orchestrator.lifecycle.created",
              "orchestrator.lifecycle.completed",
              "orchestrator.lifecycle.failed",
              "orchestrator.lifecycle.verifying_started",
              "orchestrator.lifecycle.verification_completed",
              "orchestrator.lifecycle.verification_timed_out",
              "orchestrator.lifecycle.transitioned",
              "orchestrator.approval.requested",
              "orchestrator.approval.approved",
              "orchestrator.approval.rejected",
              "orchestrator.remediation.manual_review",
              "orchestrator.routing.blocked",
              "remediation.workflow_created",
              "orchestrator.ea.created"
            ]
          },
          "rr_name": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "outcome": {
            "type": "string",
            "enum": [
              "Success",
              "Failed",
              "Pending"
            ]
          },
          "duration_ms": {
            "type": "integer",
            "format": "int64"
          },
          "failure_phase": {
            "type": "string",
            "enum": [
              "SignalProcessing",
              "AIAnalysis",
              "WorkflowExecution",
              "Approval"
            ]
          },
          "failure_reason": {
            "type": "string",
            "enum": [
              "Timeout",
              "ValidationError",
              "InfrastructureError",
              "ApprovalRejected",
              "Unknown"
            ]
          },
          "error_details": {
            "$ref": "#/components/schemas/ErrorDetails"
          },
          "from_phase": {
            "type": "string"
          },
          "to_phase": {
            "type": "string"
          },
          "transition_reason": {
            "type": "string"
          },
          "rar_name": {
            "type": "string"
          },
          "required_by": {
            "type": "string",
            "format": "date-time"
          },
          "workflow_id": {
            "type": "string"
          },
          "confidence_str": {
            "type": "string"
          },
          "decision": {
            "type": "string",
            "enum": [
              "Approved",
              "Rejected",
              "Pending"
            ]
          },
          "approved_by": {
            "type": "string"
          },
          "rejected_by": {
            "type": "string"
          },
          "rejection_reason": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "sub_reason": {
            "type": "string"
          },
          "notification_name": {
            "type": "string"
          },
          "timeout_config": {
            "allOf": [
              {
                "$ref": "#/components/schemas/TimeoutConfig"
              }
            ]
          },
          "pre_remediation_spec_hash": {
            "type": "string"
          },
          "target_resource": {
            "type": "string"
          },
          "workflow_version": {
            "type": "string"
          },
          "action_type": {
            "type": "string"
          },
          "signal_type": {
            "type": "string"
          },
          "signal_fingerprint": {
            "type": "string"
          },
          "crd_outcome": {
            "type": "string"
          },
          "ea_name": {
            "type": "string"
          },
          "hash_compute_delay": {
            "type": "string"
          },
          "alert_check_delay": {
            "type": "string"
          },
          "gitops_sync_delay": {
            "type": "string"
          },
          "operator_reconcile_delay": {
            "type": "string"
          },
          "is_gitops_managed": {
            "type": "boolean"
          },
          "is_crd": {
            "type": "boolean"
          }
        }
      },
      "TimeoutConfig": {
        "type": "object",
        "properties": {
          "global": {
            "type": "string"
          },
          "processing": {
            "type": "string"
          },
          "analyzing": {
            "type": "string"
          },
          "executing": {
            "type": "string"
          }
        }
      },
      "SignalProcessingAuditPayload": {
        "type": "object",
        "required": [
          "phase",
          "signal",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "signalprocessing.signal.processed",
              "signalprocessing.phase.transition",
              "signalprocessing.classification.decision",
              "signalprocessing.business.classified",
              "signalprocessing.enrichment.completed",
              "signalprocessing.error.occurred"
            ]
          },
          "phase": {
            "type": "string",
            "enum": [
              "Pending",
              "Enriching",
              "Classifying",
              "Categorizing",
              "Completed",
              "Failed"
            ]
          },
          "signal": {
            "type": "string"
          },
          "severity": {
            "type": "string",
            "enum": [
              "critical",
              "high",
              "warning",
              "info",
              "unknown"
            ]
          },
          "external_severity": {
            "type": "string"
          },
          "normalized_severity": {
            "type": "string",
            "enum": [
              "critical",
              "high",
              "warning",
              "info",
              "unknown"
            ]
          },
          "determination_source": {
            "type": "string",
            "enum": [
              "rego-policy",
              "fallback",
              "default"
            ]
          },
          "policy_hash": {
            "type": "string",
            "pattern": "^[a-f0-9]{64}$"
          },
          "environment": {
            "type": "string",
            "enum": [
              "production",
              "staging",
              "development"
            ]
          },
          "environment_source": {
            "type": "string",
            "enum": [
              "rego",
              "labels",
              "default"
            ]
          },
          "priority": {
            "type": "string",
            "enum": [
              "P0",
              "P1",
              "P2",
              "P3",
              "P4"
            ]
          },
          "priority_source": {
            "type": "string",
            "enum": [
              "rego",
              "severity",
              "default"
            ]
          },
          "criticality": {
            "type": "string",
            "enum": [
              "critical",
              "high",
              "warning",
              "low"
            ]
          },
          "sla_requirement": {
            "type": "string"
          },
          "has_owner_chain": {
            "type": "boolean"
          },
          "owner_chain_length": {
            "type": "integer"
          },
          "degraded_mode": {
            "type": "boolean"
          },
          "duration_ms": {
            "type": "integer"
          },
          "has_namespace": {
            "type": "boolean"
          },
          "has_pod": {
            "type": "boolean"
          },
          "has_deployment": {
            "type": "boolean"
          },
          "business_unit": {
            "type": "string"
          },
          "from_phase": {
            "type": "string"
          },
          "to_phase": {
            "type": "string"
          },
          "signal_mode": {
            "type": "string",
            "enum": [
              "reactive",
              "proactive"
            ]
          },
          "source_signal_name": {
            "type": "string"
          },
          "error": {
            "type": "string"
          }
        }
      },
      "AIAnalysisAuditPayload": {
        "type": "object",
        "required": [
          "analysis_name",
          "namespace",
          "phase",
          "approval_required",
          "degraded_mode",
          "warnings_count",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aianalysis.analysis.completed",
              "aianalysis.analysis.failed"
            ]
          },
          "analysis_name": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "phase": {
            "type": "string",
            "enum": [
              "Pending",
              "Investigating",
              "Analyzing",
              "Completed",
              "Failed"
            ]
          },
          "approval_required": {
            "type": "boolean"
          },
          "approval_reason": {
            "type": "string"
          },
          "degraded_mode": {
            "type": "boolean"
          },
          "warnings_count": {
            "type": "integer"
          },
          "confidence": {
            "type": "number",
            "format": "float"
          },
          "workflow_id": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "sub_reason": {
            "type": "string"
          },
          "provider_response_summary": {
            "$ref": "#/components/schemas/ProviderResponseSummary"
          },
          "error_details": {
            "$ref": "#/components/schemas/ErrorDetails"
          }
        }
      },
      "ProviderResponseSummary": {
        "type": "object",
        "required": [
          "incident_id",
          "analysis_preview",
          "needs_human_review",
          "warnings_count"
        ],
        "properties": {
          "incident_id": {
            "type": "string"
          },
          "analysis_preview": {
            "type": "string"
          },
          "selected_workflow_id": {
            "type": "string"
          },
          "needs_human_review": {
            "type": "boolean"
          },
          "warnings_count": {
            "type": "integer"
          }
        }
      },
      "WorkflowExecutionAuditPayload": {
        "type": "object",
        "required": [
          "workflow_id",
          "workflow_version",
          "target_resource",
          "phase",
          "container_image",
          "execution_name",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "workflowexecution.workflow.started",
              "workflowexecution.workflow.completed",
              "workflowexecution.workflow.failed",
              "workflowexecution.selection.completed",
              "workflowexecution.execution.started"
            ]
          },
          "workflow_id": {
            "type": "string"
          },
          "workflow_version": {
            "type": "string"
          },
          "workflow_name": {
            "type": "string"
          },
          "action_type": {
            "type": "string"
          },
          "target_resource": {
            "type": "string"
          },
          "phase": {
            "type": "string",
            "enum": [
              "Pending",
              "Running",
              "Completed",
              "Failed"
            ]
          },
          "container_image": {
            "type": "string"
          },
          "execution_name": {
            "type": "string"
          },
          "started_at": {
            "type": "string",
            "format": "date-time"
          },
          "completed_at": {
            "type": "string",
            "format": "date-time"
          },
          "duration": {
            "type": "string"
          },
          "failure_reason": {
            "type": "string",
            "enum": [
              "OOMKilled",
              "DeadlineExceeded",
              "Forbidden",
              "ImagePullBackOff",
              "ConfigurationError",
              "ResourceExhausted",
              "TaskFailed",
              "UnsupportedEngine",
              "Deduplicated",
              "Unknown"
            ]
          },
          "failure_message": {
            "type": "string"
          },
          "failed_task_name": {
            "type": "string"
          },
          "error_details": {
            "$ref": "#/components/schemas/ErrorDetails"
          },
          "pipelinerun_name": {
            "type": "string"
          },
          "parameters": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "retry_count": {
            "type": "integer"
          }
        }
      },
      "NotificationAuditPayload": {
        "type": "object",
        "required": [
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "webhook.notification.cancelled",
              "webhook.notification.acknowledged"
            ]
          },
          "notification_id": {
            "type": "string"
          },
          "notification_name": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "Escalation",
              "Simple",
              "StatusUpdate",
              "Approval",
              "ManualReview",
              "Completion"
            ]
          },
          "notification_type": {
            "type": "string",
            "enum": [
              "Escalation",
              "Simple",
              "StatusUpdate",
              "Approval",
              "ManualReview",
              "Completion"
            ]
          },
          "priority": {
            "type": "string",
            "enum": [
              "Critical",
              "High",
              "Medium",
              "Low"
            ]
          },
          "final_status": {
            "type": "string",
            "enum": [
              "Pending",
              "Sending",
              "Sent",
              "Failed",
              "Cancelled"
            ]
          },
          "delivery_channels": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "cancelled_by": {
            "type": "string"
          },
          "user_uid": {
            "type": "string"
          },
          "user_groups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "action": {
            "type": "string",
            "enum": [
              "notification_cancelled",
              "notification_acknowledged"
            ]
          }
        }
      },
      "WorkflowExecutionWebhookAuditPayload": {
        "type": "object",
        "required": [
          "workflow_name",
          "clear_reason",
          "cleared_at",
          "previous_state",
          "new_state",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "workflowexecution.block.cleared"
            ]
          },
          "workflow_name": {
            "type": "string"
          },
          "clear_reason": {
            "type": "string"
          },
          "cleared_at": {
            "type": "string",
            "format": "date-time"
          },
          "previous_state": {
            "type": "string",
            "enum": [
              "Blocked"
            ]
          },
          "new_state": {
            "type": "string",
            "enum": [
              "Running"
            ]
          }
        }
      },
      "RemediationApprovalAuditPayload": {
        "type": "object",
        "required": [
          "request_name",
          "decision",
          "decided_at",
          "decision_message",
          "ai_analysis_ref",
          "event_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "webhook.remediationapprovalrequest.decided"
            ]
          },
          "request_name": {
            "type": "string"
          },
          "decision": {
            "type": "string",
            "enum": [
              "Approved",
              "Rejected"
            ]
          },
          "decided_at": {
            "type": "string",
            "format": "date-time"
          },
          "decision_message": {
            "type": "string"
          },
          "ai_analysis_ref": {
            "type": "string"
          },
          "delegated_user": {
            "type": "string"
          },
          "delegated_via": {
            "type": "string"
          },
          "policy_hash": {
            "type": "string"
          }
        }
      },
      "RemediationRequestWebhookAuditPayload": {
        "type": "object",
        "required": [
          "rr_name",
          "namespace",
          "event_type",
          "modified_by",
          "modified_at"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "webhook.remediationrequest.timeout_modified"
            ]
          },
          "rr_name": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "modified_by": {
            "type": "string"
          },
          "modified_at": {
            "type": "string",
            "format": "date-time"
          },
          "old_timeout_config": {
            "allOf": [
              {
                "$ref": "#/components/schemas/TimeoutConfig"
              }
            ]
          },
          "new_timeout_config": {
            "allOf": [
              {
                "$ref": "#/components/schemas/TimeoutConfig"
              }
            ]
          }
        }
      },
      "RemediationWorkflowWebhookAuditPayload": {
        "type": "object",
        "required": [
          "event_type",
          "workflow_name",
          "action"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "remediationworkflow.admitted.create",
              "remediationworkflow.admitted.update",
              "remediationworkflow.admitted.delete",
              "remediationworkflow.admitted.denied"
            ]
          },
          "workflow_name": {
            "type": "string"
          },
          "action": {
            "type": "string",
            "enum": [
              "create",
              "update",
              "delete",
              "denied"
            ]
          },
          "workflow_id": {
            "type": "string"
          },
          "catalog_status": {
            "type": "string"
          },
          "denial_reason": {
            "type": "string"
          },
          "workflow_content": {
            "$ref": "#/components/schemas/RemediationWorkflowContentPayload"
          },
          "content_hash": {
            "type": "string"
          }
        }
      },
      "RemediationWorkflowContentPayload": {
        "type": "object",
        "required": [
          "version",
          "description",
          "actionType",
          "labels",
          "execution",
          "parameters"
        ],
        "properties": {
          "version": {
            "type": "string"
          },
          "description": {
            "$ref": "#/components/schemas/StructuredDescription"
          },
          "actionType": {
            "type": "string"
          },
          "labels": {
            "$ref": "#/components/schemas/RemediationWorkflowContentLabels"
          },
          "customLabels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "detectedLabels": {},
          "execution": {
            "$ref": "#/components/schemas/RemediationWorkflowContentExecution"
          },
          "dependencies": {
            "$ref": "#/components/schemas/RemediationWorkflowContentDependencies"
          },
          "maintainers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RemediationWorkflowContentMaintainer"
            }
          },
          "parameters": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RemediationWorkflowContentParameter"
            }
          },
          "rollbackParameters": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RemediationWorkflowContentParameter"
            }
          }
        }
      },
      "StructuredDescription": {
        "type": "object",
        "required": [
          "what",
          "whenToUse"
        ],
        "properties": {
          "what": {
            "type": "string"
          },
          "whenToUse": {
            "type": "string"
          },
          "whenNotToUse": {
            "type": "string"
          },
          "preconditions": {
            "type": "string"
          }
        }
      },
      "RemediationWorkflowContentLabels": {
        "type": "object",
        "required": [
          "severity",
          "environment",
          "component",
          "priority"
        ],
        "properties": {
          "severity": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "environment": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "component": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "priority": {
            "type": "string"
          },
          "cluster": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "RemediationWorkflowContentExecution": {
        "type": "object",
        "properties": {
          "engine": {
            "type": "string"
          },
          "bundle": {
            "type": "string"
          },
          "bundleDigest": {
            "type": "string"
          },
          "engineConfig": {},
          "serviceAccountName": {
            "type": "string"
          }
        }
      },
      "RemediationWorkflowContentDependencies": {
        "type": "object",
        "properties": {
          "secrets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RemediationWorkflowContentResourceDependency"
            }
          },
          "configMaps": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RemediationWorkflowContentResourceDependency"
            }
          }
        }
      },
      "RemediationWorkflowContentResourceDependency": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string"
          }
        }
      },
      "RemediationWorkflowContentMaintainer": {
        "type": "object",
        "required": [
          "name",
          "email"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "email": {
            "type": "string"
          }
        }
      },
      "RemediationWorkflowContentParameter": {
        "type": "object",
        "required": [
          "name",
          "type",
          "required",
          "description"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "required": {
            "type": "boolean"
          },
          "description": {
            "type": "string"
          },
          "enum": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "pattern": {
            "type": "string"
          },
          "minimum": {
            "type": "number"
          },
          "maximum": {
            "type": "number"
          },
          "default": {},
          "dependsOn": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "AuthwebhookWorkflowRegistrationFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "workflow_name",
          "reason",
          "message"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "authwebhook.workflow.registration_failed"
            ]
          },
          "workflow_name": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "reason": {
            "type": "string",
            "enum": [
              "DependencyMissing",
              "DataStorageError",
              "ValidationFailed"
            ]
          },
          "message": {
            "type": "string"
          }
        }
      },
      "WorkflowDiscoveryAuditPayload": {
        "type": "object",
        "required": [
          "event_type",
          "query",
          "results",
          "search_metadata"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "workflow.catalog.actions_listed",
              "workflow.catalog.workflows_listed",
              "workflow.catalog.workflow_retrieved",
              "workflow.catalog.selection_validated"
            ]
          },
          "query": {
            "$ref": "#/components/schemas/QueryMetadata"
          },
          "results": {
            "$ref": "#/components/schemas/ResultsMetadata"
          },
          "search_metadata": {
            "$ref": "#/components/schemas/SearchExecutionMetadata"
          }
        }
      },
      "QueryMetadata": {
        "type": "object",
        "required": [
          "top_k"
        ],
        "properties": {
          "top_k": {
            "type": "integer",
            "format": "int32"
          },
          "min_score": {
            "type": "number",
            "format": "double"
          },
          "filters": {
            "$ref": "#/components/schemas/WorkflowSearchFilters"
          }
        }
      },
      "WorkflowSearchFilters": {
        "type": "object",
        "required": [
          "severity",
          "component",
          "environment",
          "priority"
        ],
        "properties": {
          "severity": {
            "type": "string",
            "enum": [
              "critical",
              "high",
              "warning",
              "info"
            ]
          },
          "component": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "priority": {
            "type": "string",
            "enum": [
              "P0",
              "P1",
              "P2",
              "P3"
            ]
          },
          "customLabels": {
            "$ref": "#/components/schemas/CustomLabels"
          },
          "detectedLabels": {
            "$ref": "#/components/schemas/DetectedLabels"
          },
          "status": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "Active",
                "Disabled",
                "Deprecated",
                "Archived"
              ]
            }
          }
        }
      },
      "CustomLabels": {
        "type": "object",
        "additionalProperties": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "DetectedLabels": {
        "type": "object",
        "properties": {
          "failedDetections": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "gitOpsManaged",
                "gitOpsTool",
                "pdbProtected",
                "hpaEnabled",
                "stateful",
                "helmManaged",
                "networkIsolated",
                "serviceMesh",
                "resourceQuotaConstrained",
                "virtualMachine",
                "liveMigratable",
                "cdiManaged",
                "storageBackend"
              ]
            }
          },
          "gitOpsManaged": {
            "type": "boolean"
          },
          "gitOpsTool": {
            "type": "string",
            "enum": [
              "argocd",
              "flux",
              "*"
            ]
          },
          "pdbProtected": {
            "type": "boolean"
          },
          "hpaEnabled": {
            "type": "boolean"
          },
          "stateful": {
            "type": "boolean"
          },
          "helmManaged": {
            "type": "boolean"
          },
          "networkIsolated": {
            "type": "boolean"
          },
          "serviceMesh": {
            "type": "string",
            "enum": [
              "istio",
              "linkerd",
              "*"
            ]
          },
          "resourceQuotaConstrained": {
            "type": "boolean"
          },
          "virtualMachine": {
            "type": "boolean"
          },
          "liveMigratable": {
            "type": "boolean"
          },
          "cdiManaged": {
            "type": "boolean"
          },
          "storageBackend": {
            "type": "string",
            "enum": [
              "odf-ceph",
              "lvms",
              "local",
              "*"
            ]
          }
        }
      },
      "ResultsMetadata": {
        "type": "object",
        "required": [
          "total_found",
          "returned",
          "workflows"
        ],
        "properties": {
          "total_found": {
            "type": "integer",
            "format": "int32"
          },
          "returned": {
            "type": "integer",
            "format": "int32"
          },
          "workflows": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WorkflowResultAudit"
            }
          }
        }
      },
      "WorkflowResultAudit": {
        "type": "object",
        "required": [
          "workflow_id",
          "title",
          "rank",
          "scoring"
        ],
        "properties": {
          "workflow_id": {
            "type": "string",
            "format": "uuid"
          },
          "title": {
            "type": "string"
          },
          "rank": {
            "type": "integer",
            "format": "int32"
          },
          "scoring": {
            "$ref": "#/components/schemas/ScoringV1Audit"
          },
          "owner": {
            "type": "string"
          },
          "maintainer": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "labels": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "ScoringV1Audit": {
        "type": "object",
        "required": [
          "confidence"
        ],
        "properties": {
          "confidence": {
            "type": "number",
            "format": "double",
            "minimum": 0,
            "maximum": 1
          }
        }
      },
      "SearchExecutionMetadata": {
        "type": "object",
        "required": [
          "duration_ms"
        ],
        "properties": {
          "duration_ms": {
            "type": "integer",
            "format": "int64"
          }
        }
      },
      "WorkflowCatalogCreatedPayload": {
        "type": "object",
        "required": [
          "workflow_id",
          "workflow_name",
          "version",
          "status",
          "is_latest_version",
          "execution_engine",
          "name"
        ],
        "properties": {
          "workflow_id": {
            "type": "string",
            "format": "uuid"
          },
          "workflow_name": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "schema_version": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "Active",
              "Disabled",
              "Archived"
            ]
          },
          "is_latest_version": {
            "type": "boolean"
          },
          "execution_engine": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "labels": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "WorkflowCatalogUpdatedPayload": {
        "type": "object",
        "required": [
          "workflow_id",
          "updated_fields"
        ],
        "properties": {
          "workflow_id": {
            "type": "string",
            "format": "uuid"
          },
          "updated_fields": {
            "$ref": "#/components/schemas/WorkflowCatalogUpdatedFields"
          }
        }
      },
      "WorkflowCatalogUpdatedFields": {
        "type": "object",
        "properties": {
          "status": {
            "type": "string"
          },
          "disabled_by": {
            "type": "string"
          },
          "disabled_reason": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "description": {
            "type": "string"
          }
        }
      },
      "AIAnalysisPhaseTransitionPayload": {
        "type": "object",
        "required": [
          "old_phase",
          "new_phase"
        ],
        "properties": {
          "old_phase": {
            "type": "string"
          },
          "new_phase": {
            "type": "string"
          }
        }
      },
      "AIAnalysisAIAgentCallPayload": {
        "type": "object",
        "required": [
          "endpoint",
          "http_status_code",
          "duration_ms"
        ],
        "properties": {
          "endpoint": {
            "type": "string"
          },
          "http_status_code": {
            "type": "integer",
            "format": "int32"
          },
          "duration_ms": {
            "type": "integer",
            "format": "int32"
          }
        }
      },
      "AIAnalysisApprovalDecisionPayload": {
        "type": "object",
        "required": [
          "approval_required",
          "approval_reason",
          "auto_approved",
          "decision",
          "reason",
          "environment"
        ],
        "properties": {
          "approval_required": {
            "type": "boolean"
          },
          "approval_reason": {
            "type": "string"
          },
          "auto_approved": {
            "type": "boolean"
          },
          "decision": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "confidence": {
            "type": "number",
            "format": "double"
          },
          "workflow_id": {
            "type": "string"
          }
        }
      },
      "AIAnalysisRegoEvaluationPayload": {
        "type": "object",
        "required": [
          "outcome",
          "degraded",
          "duration_ms",
          "reason"
        ],
        "properties": {
          "outcome": {
            "type": "string"
          },
          "degraded": {
            "type": "boolean"
          },
          "duration_ms": {
            "type": "integer",
            "format": "int32"
          },
          "reason": {
            "type": "string"
          },
          "policy_hash": {
            "type": "string"
          }
        }
      },
      "AIAnalysisErrorPayload": {
        "type": "object",
        "required": [
          "phase",
          "error_message"
        ],
        "properties": {
          "phase": {
            "type": "string"
          },
          "error_message": {
            "type": "string"
          }
        }
      },
      "NotificationMessageSentPayload": {
        "type": "object",
        "required": [
          "notification_id",
          "channel",
          "subject",
          "body",
          "priority",
          "type"
        ],
        "properties": {
          "notification_id": {
            "type": "string"
          },
          "channel": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "body": {
            "type": "string"
          },
          "priority": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "NotificationMessageFailedPayload": {
        "type": "object",
        "required": [
          "notification_id",
          "channel",
          "subject",
          "body",
          "priority",
          "error_type"
        ],
        "properties": {
          "notification_id": {
            "type": "string"
          },
          "channel": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "body": {
            "type": "string"
          },
          "priority": {
            "type": "string"
          },
          "error_type": {
            "type": "string"
          },
          "error": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "NotificationMessageAcknowledgedPayload": {
        "type": "object",
        "required": [
          "notification_id",
          "subject",
          "priority"
        ],
        "properties": {
          "notification_id": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "priority": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "NotificationMessageEscalatedPayload": {
        "type": "object",
        "required": [
          "notification_id",
          "subject",
          "priority",
          "reason"
        ],
        "properties": {
          "notification_id": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "priority": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "metadata": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "AIAgentResponsePayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "response_data"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.response.complete"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "response_data": {
            "$ref": "#/components/schemas/IncidentResponseData"
          },
          "total_prompt_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_completion_tokens": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "IncidentResponseData": {
        "type": "object",
        "required": [
          "incidentId",
          "analysis",
          "rootCauseAnalysis",
          "confidence",
          "timestamp"
        ],
        "properties": {
          "incidentId": {
            "type": "string"
          },
          "analysis": {
            "type": "string"
          },
          "rootCauseAnalysis": {
            "type": "object",
            "required": [
              "summary",
              "severity",
              "contributingFactors"
            ],
            "properties": {
              "summary": {
                "type": "string"
              },
              "severity": {
                "type": "string",
                "enum": [
                  "critical",
                  "high",
                  "warning",
                  "info",
                  "unknown"
                ]
              },
              "contributingFactors": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "remediationTarget": {
                "type": "object",
                "properties": {
                  "kind": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "namespace": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              },
              "causalChain": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "dueDiligence": {
                "type": "object",
                "properties": {
                  "causalCompleteness": {
                    "type": "string"
                  },
                  "targetAccuracy": {
                    "type": "string"
                  },
                  "evidenceSufficiency": {
                    "type": "string"
                  },
                  "alternativeHypotheses": {
                    "type": "string"
                  },
                  "scopeCompleteness": {
                    "type": "string"
                  },
                  "proportionality": {
                    "type": "string"
                  },
                  "regressionAwareness": {
                    "type": "string"
                  },
                  "confidenceCalibration": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              },
              "reasoning": {
                "type": "string"
              },
              "reasoningRedacted": {
                "type": "boolean"
              }
            },
            "additionalProperties": false
          },
          "selectedWorkflow": {
            "type": "object",
            "properties": {
              "workflowId": {
                "type": "string"
              },
              "actionType": {
                "type": "string"
              },
              "executionBundle": {
                "type": "string"
              },
              "confidence": {
                "type": "number",
                "format": "float",
                "minimum": 0,
                "maximum": 1
              },
              "parameters": {
                "type": "object",
                "additionalProperties": true
              }
            },
            "additionalProperties": false
          },
          "confidence": {
            "type": "number",
            "format": "float",
            "minimum": 0,
            "maximum": 1
          },
          "timestamp": {
            "type": "string",
            "format": "date-time"
          },
          "isActionable": {
            "type": [
              "boolean",
              "null"
            ]
          },
          "needsHumanReview": {
            "type": "boolean"
          },
          "humanReviewReason": {
            "type": "string",
            "enum": [
              "workflow_not_found",
              "image_mismatch",
              "parameter_validation_failed",
              "no_matching_workflows",
              "low_confidence",
              "llm_parsing_error",
              "investigation_inconclusive",
              "rca_incomplete",
              "alignment_check_failed",
              "decision_expired"
            ]
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "alternativeWorkflows": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "workflowId": {
                  "type": "string"
                },
                "rationale": {
                  "type": "string"
                },
                "executionBundle": {
                  "type": "string"
                },
                "confidence": {
                  "type": "number",
                  "format": "float",
                  "minimum": 0,
                  "maximum": 1
                }
              },
              "additionalProperties": false
            }
          }
        }
      },
      "AIAgentRCACompletePayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "response_data"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.rca.complete"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "response_data": {
            "$ref": "#/components/schemas/IncidentResponseData"
          },
          "total_prompt_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_completion_tokens": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "AIAgentResponseFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "error_message",
          "phase"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.response.failed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "error_message": {
            "type": "string"
          },
          "phase": {
            "type": "string"
          },
          "duration_seconds": {
            "type": "number",
            "format": "float"
          }
        }
      },
      "AIAgentEnrichmentCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "root_owner_kind",
          "root_owner_name",
          "owner_chain_length",
          "remediation_history_fetched"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.enrichment.completed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "root_owner_kind": {
            "type": "string"
          },
          "root_owner_name": {
            "type": "string"
          },
          "root_owner_namespace": {
            "type": "string"
          },
          "owner_chain_length": {
            "type": "integer"
          },
          "detected_labels_summary": {
            "type": [
              "object",
              "null"
            ]
          },
          "failed_detections": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string"
            }
          },
          "remediation_history_fetched": {
            "type": "boolean"
          }
        }
      },
      "AIAgentEnrichmentFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "reason",
          "detail",
          "affected_resource_kind",
          "affected_resource_name"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.enrichment.failed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "detail": {
            "type": "string"
          },
          "affected_resource_kind": {
            "type": "string"
          },
          "affected_resource_name": {
            "type": "string"
          },
          "affected_resource_namespace": {
            "type": "string"
          }
        }
      },
      "LLMRequestPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "model",
          "prompt_length",
          "prompt_preview"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.llm.request"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "model": {
            "type": "string"
          },
          "prompt_length": {
            "type": "integer",
            "minimum": 0
          },
          "prompt_preview": {
            "type": "string"
          },
          "max_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "toolsets_enabled": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "mcp_servers": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "retry_outcome": {
            "type": "string"
          },
          "ambiguous_kind": {
            "type": "string"
          },
          "conflicting_groups": {
            "type": "string"
          }
        }
      },
      "LLMResponsePayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "has_analysis",
          "analysis_length",
          "analysis_preview"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.llm.response"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "has_analysis": {
            "type": "boolean"
          },
          "analysis_length": {
            "type": "integer",
            "minimum": 0
          },
          "analysis_preview": {
            "type": "string"
          },
          "analysis_full": {
            "type": "string"
          },
          "tokens_used": {
            "type": "integer",
            "minimum": 0
          },
          "tool_call_count": {
            "type": "integer",
            "minimum": 0
          },
          "reasoning_text": {
            "type": "string"
          },
          "reasoning_redacted": {
            "type": "boolean"
          }
        }
      },
      "LLMToolCallPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "tool_call_index",
          "tool_name",
          "tool_result"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.llm.tool_call"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "tool_call_index": {
            "type": "integer",
            "minimum": 0
          },
          "tool_name": {
            "type": "string"
          },
          "tool_arguments": {
            "type": "object",
            "additionalProperties": true
          },
          "tool_result": {},
          "tool_result_preview": {
            "type": "string"
          }
        }
      },
      "WorkflowValidationPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "attempt",
          "max_attempts",
          "is_valid"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.workflow.validation_attempt"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "attempt": {
            "type": "integer",
            "minimum": 1
          },
          "max_attempts": {
            "type": "integer",
            "minimum": 1
          },
          "is_valid": {
            "type": "boolean"
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "validation_errors": {
            "type": "string"
          },
          "workflow_id": {
            "type": "string"
          },
          "workflow_name": {
            "type": "string"
          },
          "human_review_reason": {
            "type": "string"
          },
          "is_final_attempt": {
            "type": "boolean"
          }
        }
      },
      "AIAgentSessionStartedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.started"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "signal_name": {
            "type": "string"
          },
          "severity": {
            "type": "string"
          },
          "created_by": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.completed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.failed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "error": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionCancelledPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.cancelled"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionSuspendedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.suspended"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionResumedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.resumed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          }
        }
      },
      "AIAgentInteractiveStartedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.interactive.started"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          }
        }
      },
      "AIAgentInteractiveCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.interactive.completed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "AIAgentInteractiveK8sCallPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id",
          "acting_user",
          "resource",
          "verb"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.interactive.k8s_call"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "acting_user": {
            "type": "string"
          },
          "resource": {
            "type": "string"
          },
          "verb": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "resource_name": {
            "type": "string"
          },
          "http_status_code": {
            "type": "integer"
          },
          "correlation_id": {
            "type": "string"
          }
        }
      },
      "AIAgentSecretAccessedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "verb"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.secret.accessed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "verb": {
            "type": "string",
            "enum": [
              "get",
              "list"
            ]
          },
          "namespace": {
            "type": "string"
          },
          "secret_name": {
            "type": "string"
          },
          "tool_name": {
            "type": "string"
          },
          "outcome_detail": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionObservedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.observed"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "observer_user": {
            "type": "string"
          },
          "session_owner": {
            "type": "string"
          }
        }
      },
      "AIAgentSessionAccessDeniedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "session_id",
          "endpoint",
          "requesting_user"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.session.access_denied"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "endpoint": {
            "type": "string"
          },
          "requesting_user": {
            "type": "string"
          },
          "session_owner": {
            "type": "string"
          }
        }
      },
      "AIAgentInvestigationCancelledPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "cancelled_phase",
          "cancelled_at_turn"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.investigation.cancelled"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "cancelled_phase": {
            "type": "string"
          },
          "cancelled_at_turn": {
            "type": "integer",
            "minimum": 0
          },
          "total_prompt_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_completion_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "accumulated_messages": {
            "type": "string"
          }
        }
      },
      "AIAgentAlignmentStepPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "step_index",
          "step_kind",
          "explanation"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.alignment.step"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "step_index": {
            "type": "integer",
            "minimum": 0
          },
          "step_kind": {
            "type": "string"
          },
          "tool": {
            "type": "string"
          },
          "explanation": {
            "type": "string"
          }
        }
      },
      "AIAgentAlignmentVerdictPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "result",
          "flagged",
          "total"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.alignment.verdict"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "result": {
            "type": "string"
          },
          "summary": {
            "type": "string"
          },
          "flagged": {
            "type": "integer",
            "minimum": 0
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "shadow_prompt_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "shadow_completion_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "shadow_total_tokens": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "ShadowLLMRequestPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "step_index",
          "step_kind",
          "prompt_length"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.shadow.llm.request"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "step_index": {
            "type": "integer",
            "minimum": 0
          },
          "step_kind": {
            "type": "string"
          },
          "prompt_length": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "ShadowLLMResponsePayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id",
          "incident_id",
          "step_index",
          "step_kind",
          "prompt_tokens",
          "completion_tokens",
          "total_tokens"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.shadow.llm.response"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "incident_id": {
            "type": "string"
          },
          "step_index": {
            "type": "integer",
            "minimum": 0
          },
          "step_kind": {
            "type": "string"
          },
          "prompt_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "completion_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "attempt": {
            "type": "integer",
            "minimum": 1
          },
          "evaluation_result": {
            "type": "string",
            "enum": [
              "success",
              "malformed_response",
              "missing_field"
            ]
          }
        }
      },
      "AIAgentRatelimitDeniedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.ratelimit.denied"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "source_ip": {
            "type": "string"
          },
          "path": {
            "type": "string"
          },
          "method": {
            "type": "string"
          }
        }
      },
      "AIAgentAuthFailurePayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.auth.failure"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "source_ip": {
            "type": "string"
          },
          "path": {
            "type": "string"
          },
          "method": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "AIAgentAuthDeniedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "event_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "aiagent.auth.denied"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "source_ip": {
            "type": "string"
          },
          "path": {
            "type": "string"
          },
          "method": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "DatastorageRatelimitDeniedPayload": {
        "description": "The rate-limit payload of the system this one replaces, and the self-audit’s own (docs/architecture.md): either required set validates.",
        "type": "object",
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "datastorage.ratelimit.denied"
            ]
          },
          "event_id": {
            "type": "string"
          },
          "source_ip": {
            "type": "string"
          },
          "path": {
            "type": "string"
          },
          "method": {
            "type": "string"
          },
          "principal": {
            "type": "string",
            "maxLength": 255
          },
          "occurrences": {
            "type": "integer",
            "minimum": 1
          }
        },
        "anyOf": [
          {
            "required": [
              "event_type",
              "event_id"
            ],
            "properties": {
              "event_type": {
                "type": "string",
                "enum": [
                  "datastorage.ratelimit.denied"
                ]
              },
              "event_id": {
                "type": "string"
              }
            }
          },
          {
            "required": [
              "source_ip",
              "method",
              "path",
              "principal",
              "occurrences"
            ],
            "properties": {
              "source_ip": {
                "type": "string"
              },
              "method": {
                "type": "string"
              },
              "path": {
                "type": "string"
              },
              "principal": {
                "type": "string",
                "maxLength": 255
              },
              "occurrences": {
                "type": "integer",
                "minimum": 1
              }
            }
          }
        ]
      },
      "GatewayConfigReloadedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "component"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "gateway.config.reloaded"
            ]
          },
          "component": {
            "type": "string"
          },
          "config_version": {
            "type": "string"
          }
        }
      },
      "GatewayConfigRejectedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "component",
          "rejection_reason"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "gateway.config.rejected"
            ]
          },
          "component": {
            "type": "string"
          },
          "rejection_reason": {
            "type": "string"
          }
        }
      },
      "EffectivenessAssessmentAuditPayload": {
        "type": "object",
        "required": [
          "correlation_id",
          "namespace",
          "event_type",
          "component"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "effectiveness.health.assessed",
              "effectiveness.hash.computed",
              "effectiveness.alert.assessed",
              "effectiveness.metrics.assessed",
              "effectiveness.assessment.scheduled",
              "effectiveness.assessment.completed",
              "effectiveness.alert_decay.detected"
            ]
          },
          "correlation_id": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "ea_name": {
            "type": "string"
          },
          "component": {
            "type": "string",
            "enum": [
              "health",
              "alert",
              "alert_decay",
              "metrics",
              "hash",
              "scheduled",
              "completed"
            ]
          },
          "assessed": {
            "type": "boolean"
          },
          "score": {
            "type": [
              "number",
              "null"
            ],
            "format": "double"
          },
          "details": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "signal_name": {
            "type": "string"
          },
          "components_assessed": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "completed_at": {
            "type": "string",
            "format": "date-time"
          },
          "assessment_duration_seconds": {
            "type": [
              "number",
              "null"
            ],
            "format": "double"
          },
          "validity_deadline": {
            "type": "string",
            "format": "date-time"
          },
          "prometheus_check_after": {
            "type": "string",
            "format": "date-time"
          },
          "alertmanager_check_after": {
            "type": "string",
            "format": "date-time"
          },
          "hash_compute_after": {
            "type": "string",
            "format": "date-time"
          },
          "hash_compute_delay": {
            "type": "string"
          },
          "alert_check_delay": {
            "type": "string"
          },
          "gitops_sync_delay": {
            "type": "string",
            "deprecated": true
          },
          "operator_reconcile_delay": {
            "type": "string",
            "deprecated": true
          },
          "total_propagation_delay": {
            "type": "string",
            "deprecated": true
          },
          "validity_window": {
            "type": "string"
          },
          "stabilization_window": {
            "type": "string"
          },
          "pre_remediation_spec_hash": {
            "type": "string"
          },
          "post_remediation_spec_hash": {
            "type": "string"
          },
          "hash_match": {
            "type": "boolean"
          },
          "health_checks": {
            "type": "object",
            "properties": {
              "pod_running": {
                "type": "boolean"
              },
              "readiness_pass": {
                "type": "boolean"
              },
              "total_replicas": {
                "type": "integer",
                "format": "int32"
              },
              "ready_replicas": {
                "type": "integer",
                "format": "int32"
              },
              "restart_delta": {
                "type": "integer",
                "format": "int32"
              },
              "crash_loops": {
                "type": "boolean"
              },
              "oom_killed": {
                "type": "boolean"
              },
              "pending_count": {
                "type": "integer",
                "format": "int32"
              }
            }
          },
          "metric_deltas": {
            "type": "object",
            "properties": {
              "cpu_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "cpu_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "memory_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "memory_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "latency_p95_before_ms": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "latency_p95_after_ms": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "error_rate_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "error_rate_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "throughput_before_rps": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "throughput_after_rps": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "node_not_ready_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "node_not_ready_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "node_memory_pressure_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "node_memory_pressure_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "node_disk_pressure_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "node_disk_pressure_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "pv_phase_failed_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "pv_phase_failed_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "pv_phase_pending_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "pv_phase_pending_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "pv_usage_ratio_before": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              },
              "pv_usage_ratio_after": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              }
            }
          },
          "alert_resolution": {
            "type": "object",
            "properties": {
              "alert_resolved": {
                "type": "boolean"
              },
              "active_count": {
                "type": "integer",
                "format": "int32"
              },
              "resolution_time_seconds": {
                "type": [
                  "number",
                  "null"
                ],
                "format": "double"
              }
            }
          }
        }
      },
      "ActionTypeCatalogCreatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "action_type",
          "description",
          "registered_by",
          "was_reenabled"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "datastorage.actiontype.created"
            ]
          },
          "action_type": {
            "type": "string"
          },
          "description": {
            "$ref": "#/components/schemas/ActionTypeDescriptionPayload"
          },
          "registered_by": {
            "type": "string"
          },
          "was_reenabled": {
            "type": "boolean"
          }
        }
      },
      "ActionTypeDescriptionPayload": {
        "type": "object",
        "required": [
          "what",
          "when_to_use"
        ],
        "properties": {
          "what": {
            "type": "string"
          },
          "when_to_use": {
            "type": "string"
          },
          "when_not_to_use": {
            "type": "string"
          },
          "preconditions": {
            "type": "string"
          }
        }
      },
      "ActionTypeCatalogUpdatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "action_type",
          "old_description",
          "new_description",
          "updated_by",
          "updated_fields"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "datastorage.actiontype.updated"
            ]
          },
          "action_type": {
            "type": "string"
          },
          "old_description": {
            "$ref": "#/components/schemas/ActionTypeDescriptionPayload"
          },
          "new_description": {
            "$ref": "#/components/schemas/ActionTypeDescriptionPayload"
          },
          "updated_by": {
            "type": "string"
          },
          "updated_fields": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ActionTypeCatalogDisabledPayload": {
        "type": "object",
        "required": [
          "event_type",
          "action_type",
          "disabled_by",
          "disabled_at"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "datastorage.actiontype.disabled"
            ]
          },
          "action_type": {
            "type": "string"
          },
          "disabled_by": {
            "type": "string"
          },
          "disabled_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "ActionTypeCatalogReenabledPayload": {
        "type": "object",
        "required": [
          "event_type",
          "action_type",
          "reenabled_by",
          "previous_state",
          "disabled_at",
          "disabled_by"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "datastorage.actiontype.reenabled"
            ]
          },
          "action_type": {
            "type": "string"
          },
          "reenabled_by": {
            "type": "string"
          },
          "previous_state": {
            "type": "string",
            "enum": [
              "Disabled"
            ]
          },
          "disabled_at": {
            "type": "string",
            "format": "date-time"
          },
          "disabled_by": {
            "type": "string"
          }
        }
      },
      "ActionTypeCatalogDisableDeniedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "action_type",
          "denied_reason",
          "dependent_workflow_count",
          "dependent_workflows",
          "requested_by"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "datastorage.actiontype.disable_denied"
            ]
          },
          "action_type": {
            "type": "string"
          },
          "denied_reason": {
            "type": "string"
          },
          "dependent_workflow_count": {
            "type": "integer"
          },
          "dependent_workflows": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "requested_by": {
            "type": "string"
          }
        }
      },
      "ActionTypeWebhookAuditPayload": {
        "type": "object",
        "required": [
          "event_type",
          "action_type_name",
          "crd_name",
          "crd_namespace",
          "action"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "actiontype.admitted.create",
              "actiontype.admitted.update",
              "actiontype.admitted.delete",
              "actiontype.denied.create",
              "actiontype.denied.update",
              "actiontype.denied.delete"
            ]
          },
          "action_type_name": {
            "type": "string"
          },
          "crd_name": {
            "type": "string"
          },
          "crd_namespace": {
            "type": "string"
          },
          "action": {
            "type": "string",
            "enum": [
              "create",
              "update",
              "delete",
              "denied"
            ]
          },
          "previously_existed": {
            "type": "boolean"
          },
          "catalog_status": {
            "type": "string"
          },
          "denial_reason": {
            "type": "string"
          },
          "denial_operation": {
            "type": "string"
          }
        }
      },
      "AgentSessionWebhookAuditPayload": {
        "type": "object",
        "required": [
          "event_type",
          "crd_name",
          "crd_namespace",
          "action"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "agentsession.admitted.create",
              "agentsession.denied.create"
            ]
          },
          "crd_name": {
            "type": "string"
          },
          "crd_namespace": {
            "type": "string"
          },
          "action": {
            "type": "string",
            "enum": [
              "create",
              "denied"
            ]
          },
          "remediation_request_ref": {
            "type": "string"
          },
          "denial_reason": {
            "type": "string"
          }
        }
      },
      "ApifrontendTriageStartedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "persona"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.triage.started"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "persona": {
            "type": "string",
            "enum": [
              "sre",
              "orchestrator",
              "cicd",
              "dashboard",
              "audit",
              "approver"
            ]
          },
          "model_name": {
            "type": "string"
          },
          "query_length": {
            "type": "integer"
          }
        }
      },
      "ApifrontendTriageCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "triage_outcome",
          "triage_duration_ms"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.triage.completed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "triage_outcome": {
            "type": "string",
            "enum": [
              "rr_created",
              "no_issue_found",
              "escalated",
              "error"
            ]
          },
          "triage_duration_ms": {
            "type": "integer"
          },
          "tokens_input": {
            "type": "integer"
          },
          "tokens_output": {
            "type": "integer"
          },
          "tools_called": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "tools_call_count": {
            "type": "integer"
          }
        }
      },
      "ApifrontendRRCreatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "rr_name",
          "rr_namespace",
          "target_kind",
          "target_name",
          "fingerprint",
          "signal_name"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.rr.created"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "rr_name": {
            "type": "string"
          },
          "rr_namespace": {
            "type": "string"
          },
          "target_kind": {
            "type": "string"
          },
          "target_name": {
            "type": "string"
          },
          "fingerprint": {
            "type": "string"
          },
          "signal_name": {
            "type": "string"
          },
          "signal_source": {
            "type": "string"
          }
        }
      },
      "ApifrontendRRDeduplicatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "fingerprint",
          "existing_rr_name"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.rr.deduplicated"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "fingerprint": {
            "type": "string"
          },
          "existing_rr_name": {
            "type": "string"
          },
          "existing_rr_namespace": {
            "type": "string"
          },
          "lease_holder": {
            "type": "string"
          }
        }
      },
      "ApifrontendSessionCreatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "a2a_task_id",
          "join_mode",
          "user_identity"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.session.created"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "a2a_task_id": {
            "type": "string"
          },
          "rr_ref": {
            "type": "string"
          },
          "join_mode": {
            "type": "string",
            "enum": [
              "start",
              "takeover"
            ]
          },
          "user_identity": {
            "type": "string"
          },
          "user_groups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ApifrontendSessionCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "terminal_phase",
          "total_duration_ms"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.session.completed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "terminal_phase": {
            "type": "string",
            "enum": [
              "Completed",
              "Cancelled",
              "Failed"
            ]
          },
          "total_duration_ms": {
            "type": "integer"
          },
          "total_tokens_input": {
            "type": "integer"
          },
          "total_tokens_output": {
            "type": "integer"
          },
          "total_tool_calls": {
            "type": "integer"
          },
          "polls_count": {
            "type": "integer"
          },
          "user_decision": {
            "type": "string",
            "enum": [
              "accept",
              "reject",
              "investigate_more",
              "cancel",
              "none"
            ]
          }
        }
      },
      "ApifrontendKADelegatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "ka_correlation_id",
          "delegation_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.ka.delegated"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "ka_correlation_id": {
            "type": "string"
          },
          "delegation_type": {
            "type": "string",
            "enum": [
              "autonomous",
              "interactive"
            ]
          },
          "rr_name": {
            "type": "string"
          },
          "rr_namespace": {
            "type": "string"
          }
        }
      },
      "ApifrontendKAResultReceivedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "ka_correlation_id",
          "result_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.ka.result_received"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "ka_correlation_id": {
            "type": "string"
          },
          "result_type": {
            "type": "string",
            "enum": [
              "rca_complete",
              "rca_failed",
              "timeout",
              "cancelled",
              "operator_escalation",
              "operator_dismissed"
            ]
          },
          "investigation_duration_ms": {
            "type": "integer"
          },
          "confidence": {
            "type": "number",
            "format": "float"
          },
          "workflow_candidates_count": {
            "type": "integer"
          }
        }
      },
      "ApifrontendUserDecisionPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "decision"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.user.decision"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "decision": {
            "type": "string",
            "enum": [
              "accept",
              "reject",
              "investigate_more",
              "cancel"
            ]
          },
          "workflow_id": {
            "type": "string"
          },
          "time_to_decision_ms": {
            "type": "integer"
          },
          "rr_name": {
            "type": "string"
          }
        }
      },
      "ApifrontendAuthAccessDeniedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "tool_name",
          "user_role",
          "required_roles",
          "endpoint"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.auth.access_denied"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "tool_name": {
            "type": "string"
          },
          "user_role": {
            "type": "string"
          },
          "required_roles": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "endpoint": {
            "type": "string",
            "enum": [
              "a2a",
              "mcp"
            ]
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "ApifrontendToolExecutedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "tool_name",
          "execution_duration_ms",
          "tool_outcome"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.tool.executed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "tool_name": {
            "type": "string"
          },
          "execution_duration_ms": {
            "type": "integer"
          },
          "tool_outcome": {
            "type": "string",
            "enum": [
              "success",
              "failure",
              "timeout",
              "denied"
            ]
          },
          "error_code": {
            "type": "string"
          },
          "target_resource": {
            "type": "string"
          },
          "target_namespace": {
            "type": "string"
          },
          "target_kind": {
            "type": "string"
          }
        }
      },
      "ApifrontendWorkflowDiscoveryPayload": {
        "type": "object",
        "required": [
          "event_type",
          "rr_id",
          "workflow_count"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.workflow.discovery"
            ]
          },
          "rr_id": {
            "type": "string"
          },
          "workflow_count": {
            "type": "integer"
          }
        }
      },
      "ApifrontendAuthSuccessPayload": {
        "type": "object",
        "required": [
          "event_type",
          "auth_method"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.auth.success"
            ]
          },
          "auth_method": {
            "type": "string",
            "enum": [
              "jwt",
              "token_review"
            ]
          },
          "issuer": {
            "type": "string"
          },
          "groups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ApifrontendAuthFailurePayload": {
        "type": "object",
        "required": [
          "event_type",
          "auth_method",
          "failure_reason"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.auth.failure"
            ]
          },
          "auth_method": {
            "type": "string",
            "enum": [
              "jwt",
              "token_review"
            ]
          },
          "failure_reason": {
            "type": "string"
          }
        }
      },
      "ApifrontendRatelimitDeniedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "limit_type"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.ratelimit.denied"
            ]
          },
          "limit_type": {
            "type": "string"
          },
          "limit_value": {
            "type": "string"
          }
        }
      },
      "ApifrontendCircuitbreakerTripPayload": {
        "type": "object",
        "required": [
          "event_type",
          "circuit_name",
          "failure_count"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.circuitbreaker.trip"
            ]
          },
          "circuit_name": {
            "type": "string"
          },
          "failure_count": {
            "type": "integer"
          },
          "threshold": {
            "type": "integer"
          }
        }
      },
      "ApifrontendImpersonationCreatedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "target_user"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.impersonation.created"
            ]
          },
          "target_user": {
            "type": "string"
          },
          "groups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ApifrontendJWTDelegationPayload": {
        "type": "object",
        "required": [
          "event_type",
          "target_service"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.jwt.delegation"
            ]
          },
          "target_service": {
            "type": "string"
          }
        }
      },
      "ApifrontendSessionPhaseChangedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "from_phase",
          "to_phase"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.session.phase_changed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "from_phase": {
            "type": "string"
          },
          "to_phase": {
            "type": "string"
          }
        }
      },
      "ApifrontendSessionDeletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.session.deleted"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "ApifrontendSessionAutoCancelledPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.session.auto_cancelled"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "ttl_seconds": {
            "type": "integer"
          }
        }
      },
      "ApifrontendSessionRetentionDeletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.session.retention_deleted"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "retention_seconds": {
            "type": "integer"
          }
        }
      },
      "ApifrontendA2ATaskStartedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "task_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.a2a.task_started"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          }
        }
      },
      "ApifrontendA2ATaskCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "task_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.a2a.task_completed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "duration_ms": {
            "type": "integer"
          },
          "rr_name": {
            "type": "string"
          },
          "rr_namespace": {
            "type": "string"
          }
        }
      },
      "ApifrontendA2ATaskFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "session_id",
          "task_id",
          "error"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.a2a.task_failed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "task_id": {
            "type": "string"
          },
          "error": {
            "type": "string"
          },
          "rr_name": {
            "type": "string"
          },
          "rr_namespace": {
            "type": "string"
          }
        }
      },
      "ApifrontendMCPToolFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "tool_name",
          "error"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.mcp.tool_failed"
            ]
          },
          "session_id": {
            "type": "string"
          },
          "tool_name": {
            "type": "string"
          },
          "error": {
            "type": "string"
          }
        }
      },
      "ApifrontendMCPSessionInitPayload": {
        "type": "object",
        "required": [
          "event_type",
          "mcp_session_id"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.mcp.session_init"
            ]
          },
          "mcp_session_id": {
            "type": "string"
          },
          "protocol_version": {
            "type": "string"
          }
        }
      },
      "ApifrontendSeverityTriageCompletedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "severity",
          "source_tier"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.severity_triage.completed"
            ]
          },
          "severity": {
            "type": "string"
          },
          "source_tier": {
            "type": "string"
          },
          "duration_ms": {
            "type": "integer"
          }
        }
      },
      "ApifrontendSeverityTriageFailedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "error"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.severity_triage.failed"
            ]
          },
          "error": {
            "type": "string"
          },
          "failed_tier": {
            "type": "string"
          }
        }
      },
      "ApifrontendConfigReloadedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "config_version"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.config.reloaded"
            ]
          },
          "config_version": {
            "type": "string"
          },
          "changed_keys": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ApifrontendConfigRejectedPayload": {
        "type": "object",
        "required": [
          "event_type",
          "rejection_reason"
        ],
        "properties": {
          "event_type": {
            "type": "string",
            "enum": [
              "apifrontend.config.rejected"
            ]
          },
          "rejection_reason": {
            "type": "string"
          },
          "config_version": {
            "type": "string"
          }
        }
      },
      "RequestOrigin": {
        "type": "object",
        "required": [
          "source_ip",
          "method",
          "path"
        ],
        "properties": {
          "source_ip": {
            "type": "string",
            "maxLength": 45,
            "description": "The socket's remote address."
          },
          "method": {
            "type": "string",
            "maxLength": 16
          },
          "path": {
            "type": "string",
            "maxLength": 512,
            "description": "The request path",
            "cut at 512 characters.": null
          }
        }
      },
      "AuthFailedData": {
        "description": "Requests refused with 401 from one source address. Recorded at most once per source and\nwindow: the first failure at once, the further failures of the window counted into the next\nevent of that source (`occurrences`).\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/RequestOrigin"
          },
          {
            "type": "object",
            "required": [
              "reason",
              "occurrences"
            ],
            "properties": {
              "reason": {
                "type": "string",
                "enum": [
                  "missing_token",
                  "malformed_token",
                  "unknown_token",
                  "not_loopback",
                  "bad_metrics_token"
                ]
              },
              "occurrences": {
                "type": "integer",
                "minimum": 1,
                "description": "Failures from this source this event stands for."
              }
            }
          }
        ]
      },
      "AuthDeniedData": {
        "description": "A known token lacked the scope of the route (403). Rate-limited like `datastorage.auth.failed`, per token.",
        "allOf": [
          {
            "$ref": "#/components/schemas/RequestOrigin"
          },
          {
            "type": "object",
            "required": [
              "principal",
              "required_scope",
              "occurrences"
            ],
            "properties": {
              "principal": {
                "type": "string",
                "maxLength": 255,
                "description": "The token's name."
              },
              "required_scope": {
                "type": "string",
                "enum": [
                  "audit:write",
                  "audit:read",
                  "audit:admin"
                ]
              },
              "occurrences": {
                "type": "integer",
                "minimum": 1
              }
            }
          }
        ]
      },
      "TokensReloadedData": {
        "type": "object",
        "required": [
          "file",
          "trigger",
          "tokens",
          "added",
          "removed",
          "changed"
        ],
        "properties": {
          "file": {
            "type": "string",
            "maxLength": 4096
          },
          "trigger": {
            "type": "string",
            "enum": [
              "startup",
              "file_change",
              "sighup"
            ]
          },
          "tokens": {
            "type": "integer",
            "minimum": 0,
            "description": "Tokens in force after the reload."
          },
          "added": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Names of the new tokens."
          },
          "removed": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "changed": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Names whose hash or scopes changed."
          }
        }
      },
      "TokensRejectedData": {
        "type": "object",
        "required": [
          "file",
          "trigger",
          "reason"
        ],
        "properties": {
          "file": {
            "type": "string",
            "maxLength": 4096
          },
          "trigger": {
            "type": "string",
            "enum": [
              "startup",
              "file_change",
              "sighup"
            ]
          },
          "reason": {
            "type": "string",
            "maxLength": 4096,
            "description": "Why the file was refused; the last good set stays in force."
          }
        }
      },
      "AuditReadData": {
        "description": "One read of audit data. Recording it is a write, and writes are never recorded, so a read of\nthese events adds exactly one event and no chain follows.\n",
        "type": "object",
        "required": [
          "principal",
          "operation",
          "rows",
          "status"
        ],
        "properties": {
          "principal": {
            "type": "string",
            "maxLength": 255,
            "description": "The reader: a token name or a reserved name of `recorded_by`."
          },
          "operation": {
            "type": "string",
            "enum": [
              "query",
              "get",
              "export",
              "histogram",
              "dlq_messages",
              "proof",
              "log_leaves",
              "verify"
            ]
          },
          "filters": {
            "type": "object",
            "description": "The query's parameters as sent (the cursor left out).",
            "additionalProperties": {
              "type": "string"
            }
          },
          "event_id": {
            "type": "string",
            "description": "The id asked for (`get`)."
          },
          "rows": {
            "type": "integer",
            "minimum": 0,
            "description": "Events returned."
          },
          "status": {
            "type": "integer",
            "description": "The HTTP status answered."
          }
        }
      },
      "DlqReplayedData": {
        "type": "object",
        "required": [
          "trigger",
          "stream",
          "done",
          "created",
          "poisoned"
        ],
        "properties": {
          "trigger": {
            "type": "string",
            "enum": [
              "cli",
              "api"
            ]
          },
          "operator": {
            "type": "string",
            "maxLength": 255,
            "description": "The operating-system user who ran the command."
          },
          "stream": {
            "type": "string",
            "maxLength": 255
          },
          "done": {
            "type": "integer",
            "minimum": 0
          },
          "created": {
            "type": "integer",
            "minimum": 0
          },
          "poisoned": {
            "type": "integer",
            "minimum": 0
          },
          "waiting": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "DlqStats": {
        "type": "object",
        "required": [
          "enabled"
        ],
        "properties": {
          "enabled": {
            "type": "boolean",
            "description": "False when the service runs without `REDIS_URL`; the other fields are then absent."
          },
          "stream": {
            "type": "string"
          },
          "length": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages waiting (XLEN)."
          },
          "capacity": {
            "type": "integer",
            "minimum": 1
          },
          "capacity_ratio": {
            "type": "number",
            "minimum": 0
          },
          "group": {
            "description": "The replay consumer group; null before any worker created it.",
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "required": [
                  "name",
                  "pending",
                  "last_delivered_id",
                  "consumers"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "pending": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "last_delivered_id": {
                    "type": "string"
                  },
                  "consumers": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "name",
                        "pending",
                        "idle_ms"
                      ],
                      "properties": {
                        "name": {
                          "type": "string"
                        },
                        "pending": {
                          "type": "integer",
                          "minimum": 0
                        },
                        "idle_ms": {
                          "type": "integer",
                          "minimum": 0
                        }
                      }
                    }
                  }
                }
              }
            ]
          },
          "dead_letter": {
            "type": "object",
            "required": [
              "stream",
              "length"
            ],
            "properties": {
              "stream": {
                "type": "string"
              },
              "length": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "oldest_enqueued_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "EventHistogram": {
        "type": "object",
        "required": [
          "interval",
          "since",
          "until",
          "buckets"
        ],
        "properties": {
          "interval": {
            "type": "string",
            "enum": [
              "1m",
              "5m",
              "15m",
              "1h",
              "1d"
            ]
          },
          "since": {
            "type": "string",
            "format": "date-time",
            "description": "The window's start as applied (UTC)."
          },
          "until": {
            "type": "string",
            "format": "date-time",
            "description": "The window's end as applied (UTC)",
            "exclusive.": null
          },
          "buckets": {
            "type": "array",
            "maxItems": 1440,
            "items": {
              "type": "object",
              "required": [
                "start",
                "success",
                "failure",
                "pending"
              ],
              "properties": {
                "start": {
                  "type": "string",
                  "format": "date-time"
                },
                "success": {
                  "type": "integer",
                  "minimum": 0
                },
                "failure": {
                  "type": "integer",
                  "minimum": 0
                },
                "pending": {
                  "type": "integer",
                  "minimum": 0
                }
              }
            }
          }
        }
      },
      "DlqReplayRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "max_wait_ms": {
            "type": "integer",
            "minimum": 0,
            "maximum": 600000,
            "description": "Give up after this long without progress; default max(60000, 2 × `DLQ_CLAIM_IDLE_MS`), capped by the service's request timeout."
          }
        }
      },
      "DlqReplaySummary": {
        "type": "object",
        "required": [
          "stream",
          "done",
          "total",
          "created",
          "poisoned",
          "waiting",
          "remaining",
          "left",
          "gave_up",
          "max_wait_ms",
          "duration_ms"
        ],
        "properties": {
          "stream": {
            "type": "string"
          },
          "done": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages handled (stored or parked)."
          },
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages in the stream when the replay started."
          },
          "created": {
            "type": "integer",
            "minimum": 0,
            "description": "Events stored (duplicates are done but not created)."
          },
          "poisoned": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages moved to the dead-letter stream."
          },
          "waiting": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages of this replay waiting for a retry."
          },
          "remaining": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages still in the stream afterwards."
          },
          "left": {
            "type": "object",
            "required": [
              "held_elsewhere",
              "retrying",
              "unread"
            ],
            "properties": {
              "held_elsewhere": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "consumer",
                    "count",
                    "claimable_in_ms"
                  ],
                  "properties": {
                    "consumer": {
                      "type": "string"
                    },
                    "count": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "claimable_in_ms": {
                      "type": "integer",
                      "minimum": 0
                    }
                  }
                }
              },
              "retrying": {
                "type": "integer",
                "minimum": 0
              },
              "unread": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "gave_up": {
            "type": "boolean",
            "description": "True when it stopped at `max_wait_ms`, not with nothing left to take."
          },
          "max_wait_ms": {
            "type": "integer",
            "minimum": 0
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "DlqMessages": {
        "type": "object",
        "required": [
          "stream",
          "messages"
        ],
        "properties": {
          "stream": {
            "type": "string"
          },
          "messages": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id"
              ],
              "properties": {
                "id": {
                  "type": "string",
                  "description": "The stream entry id."
                },
                "message": {
                  "type": "object",
                  "description": "The decoded message; absent when it does not decode (see `error`).",
                  "required": [
                    "event",
                    "source",
                    "service",
                    "reason",
                    "attempts",
                    "enqueued_at"
                  ],
                  "properties": {
                    "event": {
                      "type": "object",
                      "additionalProperties": true,
                      "description": "The event as it was to be written."
                    },
                    "source": {
                      "type": "string"
                    },
                    "service": {
                      "type": "string"
                    },
                    "reason": {
                      "type": "string"
                    },
                    "attempts": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "enqueued_at": {
                      "type": "string"
                    },
                    "recorded_by": {
                      "type": "string",
                      "description": "`recorded_by` the event will be stored with, when the service queued it."
                    }
                  }
                },
                "error": {
                  "type": "string",
                  "description": "Why the message does not decode."
                },
                "extra": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string"
                  },
                  "description": "Fields of a parked message (`dlq_id`, `poisoned_at`)."
                }
              }
            }
          }
        }
      },
      "Hash": {
        "type": "string",
        "description": "A SHA-256 hash, lowercase hex.",
        "pattern": "^[0-9a-f]{64}$"
      },
      "Checkpoint": {
        "type": "object",
        "description": "A signed tree head. `signature` is the base64 Ed25519 signature of the UTF-8 text\n`audit-trail checkpoint v1\\n<origin>\\n<tree_size>\\n<root_hash>\\n<timestamp>\\n`; `key_id` is\nthe first 16 hex digits of the SHA-256 of the raw 32-byte public key.\n",
        "required": [
          "origin",
          "tree_size",
          "root_hash",
          "timestamp",
          "key_id",
          "signature"
        ],
        "properties": {
          "origin": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "description": "The log's name (`LOG_ORIGIN`)."
          },
          "tree_size": {
            "type": "integer",
            "minimum": 1
          },
          "root_hash": {
            "$ref": "#/components/schemas/Hash"
          },
          "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "When it was signed, UTC with milliseconds (`2026-12-02T07:45:00.123Z`).",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"
          },
          "key_id": {
            "type": "string",
            "pattern": "^[0-9a-f]{16}$"
          },
          "signature": {
            "type": "string",
            "pattern": "^[A-Za-z0-9+/]{86}==$"
          }
        }
      },
      "ConsistencyProof": {
        "type": "object",
        "required": [
          "from",
          "to",
          "proof"
        ],
        "properties": {
          "from": {
            "type": "integer",
            "minimum": 1
          },
          "to": {
            "type": "integer",
            "minimum": 1
          },
          "proof": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Hash"
            },
            "maxItems": 128
          }
        }
      },
      "InclusionProof": {
        "type": "object",
        "required": [
          "event_id",
          "leaf_index",
          "tree_size",
          "leaf_hash",
          "proof"
        ],
        "properties": {
          "event_id": {
            "type": "string",
            "format": "uuid"
          },
          "leaf_index": {
            "type": "integer",
            "minimum": 0
          },
          "tree_size": {
            "type": "integer",
            "minimum": 1
          },
          "leaf_hash": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Hash"
              }
            ],
            "description": "The leaf the event was sealed with; a verifier computes its own from the event."
          },
          "proof": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Hash"
            },
            "maxItems": 64,
            "description": "The audit path",
            "bottom-up.": null
          }
        }
      },
      "LogLeaf": {
        "type": "object",
        "required": [
          "leaf_index",
          "event_id",
          "leaf_hash",
          "correlation_id",
          "event_timestamp"
        ],
        "properties": {
          "leaf_index": {
            "type": "integer",
            "minimum": 0
          },
          "event_id": {
            "type": "string",
            "format": "uuid"
          },
          "leaf_hash": {
            "$ref": "#/components/schemas/Hash"
          },
          "correlation_id": {
            "type": "string",
            "description": "The event's",
            "as it was sealed.": null
          },
          "event_timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "The event's",
            "as it was sealed.": null
          },
          "removed": {
            "type": "object",
            "description": "Present when the retention job dropped the event; its leaf stays.",
            "required": [
              "reason",
              "removed_at"
            ],
            "properties": {
              "reason": {
                "type": "string",
                "enum": [
                  "retention"
                ]
              },
              "removed_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        }
      },
      "LogLeafPage": {
        "type": "object",
        "required": [
          "tree_size",
          "leaves",
          "next_start"
        ],
        "properties": {
          "tree_size": {
            "type": "integer",
            "minimum": 1,
            "description": "The newest checkpoint's size; no leaf at or past it is listed."
          },
          "leaves": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LogLeaf"
            }
          },
          "next_start": {
            "type": [
              "integer",
              "null"
            ],
            "description": "`start` of the next page; null after the last leaf of the tree."
          }
        }
      },
      "VerifyRequest": {
        "type": "object",
        "description": "Either `correlation_id`, or `since` and `until` (at most 31 days apart).",
        "additionalProperties": false,
        "oneOf": [
          {
            "required": [
              "correlation_id"
            ],
            "not": {
              "anyOf": [
                {
                  "required": [
                    "since"
                  ]
                },
                {
                  "required": [
                    "until"
                  ]
                }
              ]
            }
          },
          {
            "required": [
              "since",
              "until"
            ],
            "not": {
              "required": [
                "correlation_id"
              ]
            }
          }
        ],
        "properties": {
          "correlation_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^\\u0000]*$"
          },
          "since": {
            "type": "string",
            "format": "date-time"
          },
          "until": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "VerifyFailure": {
        "type": "object",
        "required": [
          "event_id",
          "reason",
          "detail"
        ],
        "properties": {
          "event_id": {
            "type": "string",
            "format": "uuid"
          },
          "reason": {
            "type": "string",
            "description": "`altered`: the stored event no longer hashes to its leaf. `missing`: its leaf is in the\ntree but the event is gone. `removed_by_retention`: gone, dropped by the retention job\n(then not a failure: listed in `removed`, never here). `not_in_log`: a stored event\nolder than the newest checkpoint that has no leaf. `leaf_mismatch`: the stored leaf does\nnot prove into the signed root (the log's own tables were altered).\n",
            "enum": [
              "altered",
              "missing",
              "not_in_log",
              "leaf_mismatch"
            ]
          },
          "detail": {
            "type": "string"
          },
          "leaf_index": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "VerifyResult": {
        "type": "object",
        "required": [
          "valid",
          "checked",
          "unsealed",
          "removed",
          "tree_size",
          "failures"
        ],
        "properties": {
          "valid": {
            "type": "boolean",
            "description": "True when `failures` is empty."
          },
          "checked": {
            "type": "integer",
            "minimum": 0,
            "description": "Events and leaves of the selection checked against the checkpoint."
          },
          "unsealed": {
            "type": "integer",
            "minimum": 0,
            "description": "Events stored after the newest checkpoint",
            "not checked yet.": null
          },
          "removed": {
            "type": "array",
            "description": "Events of the selection the retention job dropped, with when.",
            "items": {
              "type": "object",
              "required": [
                "event_id",
                "removed_at"
              ],
              "properties": {
                "event_id": {
                  "type": "string",
                  "format": "uuid"
                },
                "removed_at": {
                  "type": "string",
                  "format": "date-time"
                }
              }
            }
          },
          "tree_size": {
            "type": "integer",
            "minimum": 1,
            "description": "The checkpoint checked against."
          },
          "failures": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/VerifyFailure"
            }
          }
        }
      },
      "VerifyChainRequest": {
        "type": "object",
        "required": [
          "correlation_id"
        ],
        "properties": {
          "correlation_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^\\u0000]*$"
          }
        }
      },
      "VerifyChainResponse": {
        "type": "object",
        "required": [
          "correlation_id",
          "is_valid",
          "total_events",
          "verified_events",
          "verification_time",
          "message"
        ],
        "properties": {
          "correlation_id": {
            "type": "string"
          },
          "is_valid": {
            "type": "boolean"
          },
          "total_events": {
            "type": "integer",
            "minimum": 0
          },
          "verified_events": {
            "type": "integer",
            "minimum": 0
          },
          "tampered_events": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "event_id": {
                  "type": "string"
                },
                "event_timestamp": {
                  "type": "string",
                  "format": "date-time"
                },
                "expected_hash": {
                  "type": "string"
                },
                "actual_hash": {
                  "type": "string"
                },
                "previous_hash": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "verification_time": {
            "type": "string",
            "format": "date-time"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "LegalHoldRequest": {
        "type": "object",
        "required": [
          "correlation_id",
          "reason"
        ],
        "properties": {
          "correlation_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^\\u0000]*$"
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1000,
            "pattern": "^[^\\u0000]*$"
          }
        }
      },
      "LegalHoldReleaseRequest": {
        "type": "object",
        "properties": {
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1000,
            "pattern": "^[^\\u0000]*$"
          }
        }
      },
      "LegalHold": {
        "type": "object",
        "required": [
          "id",
          "correlation_id",
          "reason",
          "placed_by",
          "placed_at",
          "status",
          "events_affected"
        ],
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "correlation_id": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "placed_by": {
            "type": "string",
            "description": "The token name (or reserved principal) that placed it."
          },
          "placed_at": {
            "type": "string",
            "format": "date-time"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "released"
            ]
          },
          "events_affected": {
            "type": "integer",
            "minimum": 0,
            "description": "Events of the correlation id stored now."
          },
          "released_by": {
            "type": [
              "string",
              "null"
            ]
          },
          "released_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "release_reason": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "LegalHoldList": {
        "type": "object",
        "required": [
          "holds",
          "total"
        ],
        "properties": {
          "holds": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LegalHold"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "LegalHoldCompat": {
        "type": "object",
        "required": [
          "correlation_id",
          "events_affected",
          "placed_by",
          "placed_at",
          "reason"
        ],
        "properties": {
          "correlation_id": {
            "type": "string"
          },
          "events_affected": {
            "type": "integer",
            "minimum": 0
          },
          "placed_by": {
            "type": "string"
          },
          "placed_at": {
            "type": "string",
            "format": "date-time"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "LegalHoldCompatList": {
        "type": "object",
        "required": [
          "holds",
          "total"
        ],
        "properties": {
          "holds": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LegalHoldCompat"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "LegalHoldReleaseCompatRequest": {
        "type": "object",
        "required": [
          "release_reason"
        ],
        "properties": {
          "release_reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1000,
            "pattern": "^[^\\u0000]*$"
          }
        }
      },
      "LegalHoldReleasedCompat": {
        "type": "object",
        "required": [
          "correlation_id",
          "events_released",
          "released_by",
          "released_at"
        ],
        "properties": {
          "correlation_id": {
            "type": "string"
          },
          "events_released": {
            "type": "integer",
            "minimum": 0
          },
          "released_by": {
            "type": "string"
          },
          "released_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "LegalHoldChangedData": {
        "type": "object",
        "description": "A legal hold placed or released (`datastorage.legal_hold.placed` / `.released`).",
        "required": [
          "hold_id",
          "correlation_id",
          "principal",
          "reason"
        ],
        "properties": {
          "hold_id": {
            "type": "string",
            "format": "uuid"
          },
          "correlation_id": {
            "type": "string",
            "maxLength": 255
          },
          "principal": {
            "type": "string",
            "maxLength": 255,
            "description": "Who placed or released it."
          },
          "reason": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1000
          },
          "events_affected": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "RetentionPartitionDroppedData": {
        "type": "object",
        "description": "The retention job dropped a monthly partition (`datastorage.retention.partition_dropped`).",
        "required": [
          "partition",
          "month",
          "events",
          "oldest_expiry"
        ],
        "properties": {
          "partition": {
            "type": "string",
            "maxLength": 255
          },
          "month": {
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}$"
          },
          "events": {
            "type": "integer",
            "minimum": 0,
            "description": "Events dropped; their leaves stay in the log."
          },
          "oldest_expiry": {
            "type": "string",
            "format": "date-time",
            "description": "The latest expiry among them."
          }
        }
      }
    }
  }
}
