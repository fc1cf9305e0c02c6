// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.

/** The OpenAPI 3.1 document of the DataStorage API, as parsed from the YAML source. */
export const openapiDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "audit-trail DataStorage API",
    "version": "1.0.0",
    "description": "The HTTP contract of the audit-trail storage service. This file is the single source of\ntruth: the TypeScript types and the typed client in `@audit-trail/datastorage-client` are\ngenerated from it, and the service validates requests against the schemas below.\n\nPromise: an event with a given `event_id` is stored at most once. Writes are idempotent;\na replayed event is reported as a duplicate, never stored twice.\n",
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
      "name": "ops"
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
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
        "description": "Pages are read with the keyset cursor: follow `pagination.next_cursor` until `has_more` is\nfalse. `offset` is accepted for clients written for offset paging; each page costs the\nrows it skips, and events stored between two requests shift the pages (an event can be\nmissed or returned twice), which the cursor does not do. The default `limit` is 100.\n",
        "parameters": [
          {
            "name": "correlation_id",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "event_type",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/EventType"
            }
          },
          {
            "name": "event_category",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/EventCategory"
            }
          },
          {
            "name": "event_outcome",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/EventOutcome"
            }
          },
          {
            "name": "severity",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/SeverityText"
            }
          },
          {
            "name": "actor_id",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "resource_type",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 100
            }
          },
          {
            "name": "resource_id",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "namespace",
            "in": "query",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "recorded_by",
            "in": "query",
            "description": "Only events stored by this credential (`recorded_by`, exact match).",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "since",
            "in": "query",
            "description": "Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`).",
            "schema": {
              "$ref": "#/components/schemas/TimeBound"
            }
          },
          {
            "name": "until",
            "in": "query",
            "description": "Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now.",
            "schema": {
              "$ref": "#/components/schemas/TimeBound"
            }
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
            "description": "Opaque keyset cursor from a previous page's `pagination.next_cursor`. Not together with `offset`.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 512
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
          {
            "name": "detail_value",
            "in": "query",
            "description": "The value `detail_key` must have, exactly (no wildcards). Both or neither.",
            "schema": {
              "type": "string",
              "maxLength": 1024
            }
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
        "description": "All valid or nothing: a batch with any invalid event is refused with 400, whose `errors`\nname every invalid event by `index`, so a client can drop just those and send the rest.\nEvents whose `event_id` is already stored are reported in `duplicates` and not stored again.\n",
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
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
        "parameters": [
          {
            "name": "event_id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
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
      "ContentEncoding": {
        "name": "Content-Encoding",
        "in": "header",
        "description": "`gzip` to send the JSON body compressed; its decompressed size counts against the body\nlimit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is\nrefused with 415 `unsupported-content-encoding`.\n",
        "schema": {
          "type": "string",
          "enum": [
            "gzip",
            "x-gzip",
            "identity"
          ]
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is invalid; `errors` lists every invalid field (with `index` for batches).",
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
        "description": "No such resource.",
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
        "pattern": "^(\\d+[smhdw]|\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2}))$"
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
          "aiagent.auth.failure",
          "aiagent.auth.denied"
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
        "description": "Selects the typed `event_data` schema for known core event types.",
        "allOf": [
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "gateway.signal.received"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/GatewaySignalReceivedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "gateway.crd.created"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/GatewayCrdCreatedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "orchestrator.lifecycle.started"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/OrchestratorLifecycleData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "orchestrator.lifecycle.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/OrchestratorLifecycleData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "orchestrator.lifecycle.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/OrchestratorLifecycleFailedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "enum": [
                    "orchestrator.approval.requested",
                    "orchestrator.approval.approved",
                    "orchestrator.approval.rejected"
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
                  "$ref": "#/components/schemas/ApprovalData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "signalprocessing.signal.processed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/SignalProcessedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "signalprocessing.classification.decision"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/ClassificationDecisionData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "signalprocessing.enrichment.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/EnrichmentCompletedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aianalysis.analysis.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AnalysisCompletedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "aianalysis.analysis.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/AnalysisFailedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "workflowexecution.workflow.started"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowStartedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "workflowexecution.workflow.completed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowCompletedData"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "event_type": {
                  "const": "workflowexecution.workflow.failed"
                }
              },
              "required": [
                "event_type"
              ]
            },
            "then": {
              "properties": {
                "event_data": {
                  "$ref": "#/components/schemas/WorkflowFailedData"
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
                  "$ref": "#/components/schemas/NotificationSentData"
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
                  "$ref": "#/components/schemas/NotificationFailedData"
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
                  "$ref": "#/components/schemas/RateLimitDeniedData"
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
          }
        ]
      },
      "GatewaySignalReceivedData": {
        "type": "object",
        "required": [
          "signal_name",
          "signal_source",
          "fingerprint"
        ],
        "properties": {
          "signal_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "signal_source": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "e.g. prometheus",
            "kubernetes-events": null
          },
          "fingerprint": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128
          },
          "severity": {
            "type": "string",
            "maxLength": 50
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "GatewayCrdCreatedData": {
        "type": "object",
        "required": [
          "crd_name",
          "crd_namespace",
          "fingerprint"
        ],
        "properties": {
          "crd_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253
          },
          "crd_namespace": {
            "type": "string",
            "minLength": 1,
            "maxLength": 63
          },
          "fingerprint": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128
          }
        }
      },
      "OrchestratorLifecycleData": {
        "type": "object",
        "required": [
          "remediation_request",
          "phase"
        ],
        "properties": {
          "remediation_request": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253
          },
          "phase": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "OrchestratorLifecycleFailedData": {
        "allOf": [
          {
            "$ref": "#/components/schemas/OrchestratorLifecycleData"
          },
          {
            "type": "object",
            "required": [
              "failure_reason"
            ],
            "properties": {
              "failure_reason": {
                "type": "string",
                "minLength": 1,
                "maxLength": 1024
              }
            }
          }
        ]
      },
      "ApprovalData": {
        "type": "object",
        "required": [
          "approval_request",
          "decision"
        ],
        "properties": {
          "approval_request": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253
          },
          "decision": {
            "type": "string",
            "enum": [
              "requested",
              "approved",
              "rejected"
            ]
          },
          "decided_by": {
            "type": "string",
            "maxLength": 255
          },
          "reason": {
            "type": "string",
            "maxLength": 1024
          }
        }
      },
      "SignalProcessedData": {
        "type": "object",
        "required": [
          "signal_name",
          "phase"
        ],
        "properties": {
          "signal_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "phase": {
            "type": "string",
            "minLength": 1,
            "maxLength": 50
          },
          "environment": {
            "type": "string",
            "maxLength": 50
          },
          "priority": {
            "type": "string",
            "maxLength": 10
          }
        }
      },
      "ClassificationDecisionData": {
        "type": "object",
        "required": [
          "classification",
          "confidence"
        ],
        "properties": {
          "classification": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "confidence": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "source": {
            "type": "string",
            "maxLength": 100
          }
        }
      },
      "EnrichmentCompletedData": {
        "type": "object",
        "required": [
          "signal_name",
          "enrichment_duration_ms"
        ],
        "properties": {
          "signal_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "enrichment_duration_ms": {
            "type": "integer",
            "minimum": 0
          },
          "owner_chain_length": {
            "type": "integer",
            "minimum": 0
          },
          "degraded": {
            "type": "boolean"
          }
        }
      },
      "AnalysisCompletedData": {
        "type": "object",
        "required": [
          "analysis_name",
          "root_cause"
        ],
        "properties": {
          "analysis_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253
          },
          "root_cause": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4096
          },
          "confidence": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "selected_workflow": {
            "type": "string",
            "maxLength": 255
          },
          "approval_required": {
            "type": "boolean"
          }
        }
      },
      "AnalysisFailedData": {
        "type": "object",
        "required": [
          "analysis_name",
          "failure_reason"
        ],
        "properties": {
          "analysis_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253
          },
          "failure_reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4096
          }
        }
      },
      "WorkflowStartedData": {
        "type": "object",
        "required": [
          "workflow_id",
          "workflow_execution"
        ],
        "properties": {
          "workflow_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "workflow_execution": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253
          },
          "target_resource": {
            "type": "string",
            "maxLength": 512
          }
        }
      },
      "WorkflowCompletedData": {
        "allOf": [
          {
            "$ref": "#/components/schemas/WorkflowStartedData"
          },
          {
            "type": "object",
            "required": [
              "duration_ms"
            ],
            "properties": {
              "duration_ms": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        ]
      },
      "WorkflowFailedData": {
        "allOf": [
          {
            "$ref": "#/components/schemas/WorkflowStartedData"
          },
          {
            "type": "object",
            "required": [
              "failure_reason"
            ],
            "properties": {
              "failure_reason": {
                "type": "string",
                "minLength": 1,
                "maxLength": 4096
              },
              "duration_ms": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        ]
      },
      "NotificationSentData": {
        "type": "object",
        "required": [
          "notification_id",
          "channel"
        ],
        "properties": {
          "notification_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "channel": {
            "type": "string",
            "enum": [
              "slack",
              "email",
              "pagerduty",
              "teams",
              "webhook",
              "console"
            ]
          },
          "recipient": {
            "type": "string",
            "maxLength": 512
          }
        }
      },
      "NotificationFailedData": {
        "allOf": [
          {
            "$ref": "#/components/schemas/NotificationSentData"
          },
          {
            "type": "object",
            "required": [
              "failure_reason"
            ],
            "properties": {
              "failure_reason": {
                "type": "string",
                "minLength": 1,
                "maxLength": 4096
              }
            }
          }
        ]
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
      "RateLimitDeniedData": {
        "description": "A token exceeded its rate limit (429). Rate-limited like `datastorage.auth.failed`, per token.",
        "allOf": [
          {
            "$ref": "#/components/schemas/RequestOrigin"
          },
          {
            "type": "object",
            "required": [
              "principal",
              "occurrences"
            ],
            "properties": {
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
              "dlq_messages"
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
              "cli"
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
      }
    }
  }
}
