// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.
/* eslint-disable */
export interface paths {
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query audit events, newest first, with keyset pagination.
         * @description Pages are read with the keyset cursor: follow `pagination.next_cursor` until `has_more` is
         *     false. `offset` is accepted for clients written for offset paging; each page costs the
         *     rows it skips, and events stored between two requests shift the pages (an event can be
         *     missed or returned twice), which the cursor does not do. The default `limit` is 100.
         */
        get: operations["queryAuditEvents"];
        put?: never;
        /** Write one audit event. */
        post: operations["createAuditEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write a batch of audit events atomically.
         * @description All valid or nothing: a batch with any invalid event is refused with 400, whose `errors`
         *     name every invalid event by `index`, so a client can drop just those and send the rest.
         *     Events whose `event_id` is already stored are reported in `duplicates` and not stored again.
         */
        post: operations["createAuditEventsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAuditEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/dlq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Depth, capacity and replay group of the service's dead-letter queue.
         * @description Read-only, like `datastorage dlq stats`. Without `REDIS_URL` the service has no DLQ and answers `{enabled:false}`.
         */
        get: operations["getDeadLetterQueueStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/dlq/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The oldest messages of the DLQ or of its dead-letter (poison) stream, decoded.
         * @description Read-only, like `datastorage dlq inspect`. The messages hold audit events, so each call is
         *     recorded as a `datastorage.audit.read` event (operation `dlq_messages`).
         */
        get: operations["listDeadLetterMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Open to loopback callers only, unless `METRICS_TOKEN` is set: then to whoever sends
         *     `Authorization: Bearer <METRICS_TOKEN>` (that token is not one of `AUTH_TOKENS_FILE`).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Dot-separated segments of lowercase letters, digits and underscores, each starting with a letter: `<service>.<category>.<action>` as a rule, two segments accepted (`remediation.workflow_created`). */
        EventType: string;
        /** @enum {string} */
        EventCategory: "gateway" | "notification" | "analysis" | "aiagent" | "signalprocessing" | "workflow" | "workflowexecution" | "orchestration" | "approval" | "effectiveness" | "actiontype" | "apifrontend" | "security" | "agentsession";
        /** @enum {string} */
        EventOutcome: "success" | "failure" | "pending";
        /**
         * @description The recommended severity levels, which typed clients offer.
         * @enum {string}
         */
        Severity: "debug" | "info" | "notice" | "warning" | "error" | "critical";
        /**
         * @description A severity as the emitter names it: one of `Severity`'s levels is recommended, any other word up to 20 characters (`high`, `low`, `medium`: the levels of the system this one replaces) is stored as sent.
         * @example info
         * @example warning
         * @example critical
         * @example high
         */
        SeverityText: string;
        /** @description RFC 3339 date-time, as strict as `event_timestamp`'s, or a relative duration before now such as `15m`, `24h`, `7d`. */
        TimeBound: string;
        /**
         * @description The event-type catalog. Types listed here are known; those in the `if`/`then` table of
         *     `AuditEventRequest` have a typed `event_data` schema. Other types that follow the naming
         *     rule are accepted with generic validation unless the service is configured to reject them.
         * @enum {string}
         */
        KnownEventType: "gateway.signal.received" | "gateway.signal.deduplicated" | "gateway.crd.created" | "gateway.crd.failed" | "gateway.config.reloaded" | "gateway.config.rejected" | "orchestrator.lifecycle.started" | "orchestrator.lifecycle.created" | "orchestrator.lifecycle.completed" | "orchestrator.lifecycle.failed" | "orchestrator.lifecycle.transitioned" | "orchestrator.lifecycle.verifying_started" | "orchestrator.lifecycle.verification_completed" | "orchestrator.lifecycle.verification_timed_out" | "orchestrator.remediation.manual_review" | "orchestrator.routing.blocked" | "orchestrator.ea.created" | "remediation.workflow_created" | "orchestrator.approval.requested" | "orchestrator.approval.approved" | "orchestrator.approval.rejected" | "webhook.remediationapprovalrequest.decided" | "signalprocessing.signal.processed" | "signalprocessing.phase.transition" | "signalprocessing.classification.decision" | "signalprocessing.business.classified" | "signalprocessing.enrichment.completed" | "signalprocessing.error.occurred" | "aianalysis.analysis.completed" | "aianalysis.analysis.failed" | "aianalysis.phase.transition" | "aianalysis.aiagent.call" | "aianalysis.aiagent.submit" | "aianalysis.aiagent.result" | "aianalysis.approval.decision" | "aianalysis.rego.evaluation" | "aianalysis.error.occurred" | "workflowexecution.workflow.started" | "workflowexecution.workflow.completed" | "workflowexecution.workflow.failed" | "workflowexecution.selection.completed" | "workflowexecution.execution.started" | "workflowexecution.block.cleared" | "notification.message.sent" | "notification.message.failed" | "notification.message.acknowledged" | "notification.message.escalated" | "webhook.notification.cancelled" | "webhook.notification.acknowledged" | "workflow.catalog.actions_listed" | "workflow.catalog.workflows_listed" | "workflow.catalog.workflow_retrieved" | "workflow.catalog.selection_validated" | "datastorage.workflow.created" | "datastorage.workflow.updated" | "aiagent.llm.request" | "aiagent.llm.response" | "aiagent.llm.tool_call" | "aiagent.response.complete" | "aiagent.response.failed" | "aiagent.rca.complete" | "aiagent.session.started" | "aiagent.session.completed" | "aiagent.session.failed" | "effectiveness.health.assessed" | "effectiveness.alert.assessed" | "effectiveness.metrics.assessed" | "effectiveness.assessment.scheduled" | "effectiveness.assessment.completed" | "datastorage.actiontype.created" | "datastorage.actiontype.updated" | "datastorage.actiontype.disabled" | "datastorage.ratelimit.denied" | "datastorage.auth.failed" | "datastorage.auth.denied" | "datastorage.tokens.reloaded" | "datastorage.tokens.rejected" | "datastorage.audit.read" | "datastorage.dlq.replayed" | "aiagent.auth.failure" | "aiagent.auth.denied";
        /** @description Free-form event payload. At most 256 KiB serialized and nesting depth at most 10 (checked by the service). */
        EventData: {
            [key: string]: unknown;
        };
        AuditEventFields: {
            /** @constant */
            version?: "1.0";
            /**
             * Format: uuid
             * @description Idempotency key: a UUID as `8-4-4-4-12` hex digits, either case, without `urn:uuid:` prefix or braces. The audit client always sets one (UUIDv7).
             */
            event_id?: string;
            event_type?: components["schemas"]["EventType"];
            /**
             * Format: date-time
             * @description RFC 3339, strictly: `YYYY-MM-DD`, `T` (or `t` or one space), `HH:MM:SS`, an optional fraction of 1 to 9 digits, then `Z` or `±HH:MM` (up to ±23:59). No leap second (`:60`): PostgreSQL cannot store one. Stored in UTC with microseconds (further digits truncated); the instant must lie in years 0001 to 9999 in UTC. At most 1 hour in the future (clock-skew guard); older timestamps are accepted.
             */
            event_timestamp?: string;
            event_category?: components["schemas"]["EventCategory"];
            event_action?: string;
            event_outcome?: components["schemas"]["EventOutcome"];
            correlation_id?: string;
            event_data?: components["schemas"]["EventData"];
            actor_type?: string;
            actor_id?: string;
            actor_ip?: string | unknown | unknown;
            resource_type?: string;
            resource_id?: string;
            resource_name?: string;
            /** Format: uuid */
            parent_event_id?: string;
            /**
             * Format: date-time
             * @description The parent event's `event_timestamp`, sent beside `parent_event_id` by clients of the system this one replaces. Same rules as `event_timestamp` (strict RFC 3339, years 0001 to 9999 in UTC), without the future guard; stored in UTC with microseconds and returned in that form. Omit it rather than send `null`.
             */
            parent_event_date?: string;
            /** @description May be empty (single-cluster setups send `""`). */
            namespace?: string;
            /** @description May be empty (single-cluster setups send `""`); stored as sent. */
            cluster_id?: string;
            severity?: components["schemas"]["SeverityText"];
            duration_ms?: number;
            error_code?: string;
            error_message?: string;
            trace_id?: string;
            span_id?: string;
            /** @default 2555 */
            retention_days?: number;
            /** @default false */
            is_sensitive?: boolean;
        };
        /** @description An audit event as written by a service. Known event types are validated against their typed `event_data` schema. */
        AuditEventRequest: WithRequired<components["schemas"]["AuditEventFields"], "version" | "event_type" | "event_timestamp" | "event_category" | "event_action" | "event_outcome" | "correlation_id" | "event_data"> & components["schemas"]["EventDataCatalog"];
        /** @description 1..maxBatchSize events (service default 5000). */
        AuditEventBatchRequest: components["schemas"]["AuditEventRequest"][];
        /** @description A stored audit event. */
        AuditEvent: WithRequired<components["schemas"]["AuditEventFields"], "version" | "event_id" | "event_type" | "event_timestamp" | "event_category" | "event_action" | "event_outcome" | "correlation_id" | "event_data" | "retention_days" | "is_sensitive"> & {
            /**
             * Format: date
             * @description UTC date of event_timestamp; the partition key.
             */
            event_date: string;
            /** Format: date-time */
            stored_at: string;
            /**
             * @description Who the service authenticated when it stored the event, beside the actor the event
             *     claims: the name of the bearer token that wrote it, or one of the reserved names
             *     (token names never contain `:`): `anonymous:loopback` (protected mode, a loopback
             *     caller without a token), `anonymous:auth-disabled` (`AUTH_DISABLED=true`),
             *     `datastorage:self-audit` (the service's own security events),
             *     `redis:dead-letter-queue` (replayed from a client's dead-letter message, which
             *     reached Redis without the API). Absent on events stored before the service recorded it.
             */
            recorded_by?: string;
        };
        AuditEventCreated: {
            /** @description `audit event stored`, or `audit event already stored` for a duplicate; for decoders that require it. */
            message: string;
            /** Format: uuid */
            event_id: string;
            /** Format: date-time */
            event_timestamp: string;
            /** @description True when this event_id was already stored; nothing new was written. */
            duplicate: boolean;
        };
        AuditEventBatchCreated: {
            /** @description e.g. `3 audit events stored, 1 already stored`. */
            message: string;
            /** @description Every event's id */
            event_ids: string[];
            /** @description Rows written by this request. */
            created: number;
            /** @description Events already stored */
            duplicates: number;
            duplicate_ids?: string[];
        };
        Accepted: {
            /** @constant */
            status: "accepted";
            /** @description `audit event queued for async processing` (or events): PostgreSQL was unavailable, the service's DLQ holds them. */
            message: string;
            event_ids?: string[];
            queued?: number;
        };
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            pagination: {
                limit: number;
                /** @description The rows skipped; present when the request gave `offset`. */
                offset?: number;
                next_cursor: string | null;
                has_more: boolean;
            };
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            reasons?: ("draining" | "database_unreachable_no_dlq" | "dlq_full" | "starting")[];
            checks: {
                [key: string]: "ok" | "failing" | "disabled";
            };
        };
        /** @description RFC 7807 problem details. */
        Problem: {
            /** @description A URI reference naming the problem type, e.g. `https://audit-trail.dev/problems/validation-error`. */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                /** @description The event's position in a batch. */
                index?: number;
                /** @description JSON pointer-like path, e.g. `event_data.signal_name`. */
                field: string;
                message: string;
            }[];
        };
        /** @description Selects the typed `event_data` schema for known core event types. */
        EventDataCatalog: unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown;
        GatewaySignalReceivedData: {
            signal_name: string;
            /** @description e.g. prometheus */
            signal_source: string;
            fingerprint: string;
            severity?: string;
            labels?: {
                [key: string]: string;
            };
        };
        GatewayCrdCreatedData: {
            crd_name: string;
            crd_namespace: string;
            fingerprint: string;
        };
        OrchestratorLifecycleData: {
            remediation_request: string;
            phase: string;
            duration_ms?: number;
        };
        OrchestratorLifecycleFailedData: components["schemas"]["OrchestratorLifecycleData"] & {
            failure_reason: string;
        };
        ApprovalData: {
            approval_request: string;
            /** @enum {string} */
            decision: "requested" | "approved" | "rejected";
            decided_by?: string;
            reason?: string;
        };
        SignalProcessedData: {
            signal_name: string;
            phase: string;
            environment?: string;
            priority?: string;
        };
        ClassificationDecisionData: {
            classification: string;
            confidence: number;
            source?: string;
        };
        EnrichmentCompletedData: {
            signal_name: string;
            enrichment_duration_ms: number;
            owner_chain_length?: number;
            degraded?: boolean;
        };
        AnalysisCompletedData: {
            analysis_name: string;
            root_cause: string;
            confidence?: number;
            selected_workflow?: string;
            approval_required?: boolean;
        };
        AnalysisFailedData: {
            analysis_name: string;
            failure_reason: string;
        };
        WorkflowStartedData: {
            workflow_id: string;
            workflow_execution: string;
            target_resource?: string;
        };
        WorkflowCompletedData: components["schemas"]["WorkflowStartedData"] & {
            duration_ms: number;
        };
        WorkflowFailedData: components["schemas"]["WorkflowStartedData"] & {
            failure_reason: string;
            duration_ms?: number;
        };
        NotificationSentData: {
            notification_id: string;
            /** @enum {string} */
            channel: "slack" | "email" | "pagerduty" | "teams" | "webhook" | "console";
            recipient?: string;
        };
        NotificationFailedData: components["schemas"]["NotificationSentData"] & {
            failure_reason: string;
        };
        RequestOrigin: {
            /** @description The socket's remote address. */
            source_ip: string;
            method: string;
            /** @description The request path */
            path: string;
        };
        /**
         * @description Requests refused with 401 from one source address. Recorded at most once per source and
         *     window: the first failure at once, the further failures of the window counted into the next
         *     event of that source (`occurrences`).
         */
        AuthFailedData: components["schemas"]["RequestOrigin"] & {
            /** @enum {string} */
            reason: "missing_token" | "malformed_token" | "unknown_token" | "not_loopback" | "bad_metrics_token";
            /** @description Failures from this source this event stands for. */
            occurrences: number;
        };
        /** @description A known token lacked the scope of the route (403). Rate-limited like `datastorage.auth.failed`, per token. */
        AuthDeniedData: components["schemas"]["RequestOrigin"] & {
            /** @description The token's name. */
            principal: string;
            /** @enum {string} */
            required_scope: "audit:write" | "audit:read" | "audit:admin";
            occurrences: number;
        };
        /** @description A token exceeded its rate limit (429). Rate-limited like `datastorage.auth.failed`, per token. */
        RateLimitDeniedData: components["schemas"]["RequestOrigin"] & {
            principal: string;
            occurrences: number;
        };
        TokensReloadedData: {
            file: string;
            /** @enum {string} */
            trigger: "startup" | "file_change" | "sighup";
            /** @description Tokens in force after the reload. */
            tokens: number;
            /** @description Names of the new tokens. */
            added: string[];
            removed: string[];
            /** @description Names whose hash or scopes changed. */
            changed: string[];
        };
        TokensRejectedData: {
            file: string;
            /** @enum {string} */
            trigger: "startup" | "file_change" | "sighup";
            /** @description Why the file was refused; the last good set stays in force. */
            reason: string;
        };
        /**
         * @description One read of audit data. Recording it is a write, and writes are never recorded, so a read of
         *     these events adds exactly one event and no chain follows.
         */
        AuditReadData: {
            /** @description The reader: a token name or a reserved name of `recorded_by`. */
            principal: string;
            /** @enum {string} */
            operation: "query" | "get" | "dlq_messages";
            /** @description The query's parameters as sent (the cursor left out). */
            filters?: {
                [key: string]: string;
            };
            /** @description The id asked for (`get`). */
            event_id?: string;
            /** @description Events returned. */
            rows: number;
            /** @description The HTTP status answered. */
            status: number;
        };
        DlqReplayedData: {
            /** @enum {string} */
            trigger: "cli";
            /** @description The operating-system user who ran the command. */
            operator?: string;
            stream: string;
            done: number;
            created: number;
            poisoned: number;
            waiting?: number;
        };
        DlqStats: {
            /** @description False when the service runs without `REDIS_URL`; the other fields are then absent. */
            enabled: boolean;
            stream?: string;
            /** @description Messages waiting (XLEN). */
            length?: number;
            capacity?: number;
            capacity_ratio?: number;
            /** @description The replay consumer group; null before any worker created it. */
            group?: null | {
                name: string;
                pending: number;
                last_delivered_id: string;
                consumers: {
                    name: string;
                    pending: number;
                    idle_ms: number;
                }[];
            };
            dead_letter?: {
                stream: string;
                length: number;
            };
            /** Format: date-time */
            oldest_enqueued_at?: string | null;
        };
        DlqMessages: {
            stream: string;
            messages: {
                /** @description The stream entry id. */
                id: string;
                /** @description The decoded message; absent when it does not decode (see `error`). */
                message?: {
                    /** @description The event as it was to be written. */
                    event: {
                        [key: string]: unknown;
                    };
                    source: string;
                    service: string;
                    reason: string;
                    attempts: number;
                    enqueued_at: string;
                    /** @description `recorded_by` the event will be stored with, when the service queued it. */
                    recorded_by?: string;
                };
                /** @description Why the message does not decode. */
                error?: string;
                /** @description Fields of a parked message (`dlq_id`, `poisoned_at`). */
                extra?: {
                    [key: string]: string;
                };
            }[];
        };
    };
    responses: {
        /** @description The request is invalid; `errors` lists every invalid field (with `index` for batches). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Missing, malformed or unknown bearer token (`unauthorized`); the same answer for each, so it
         *     never tells whether a token exists. In protected mode, a caller that is not on loopback.
         */
        Unauthorized: {
            headers: {
                "WWW-Authenticate"?: "Bearer realm=\"audit-trail\"";
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A known token without the scope the operation requires (`forbidden`); `detail` names the scope. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The token is over its rate limit (`too-many-requests`; `RATE_LIMIT_PER_SECOND`, off by default); retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body exceeds the configured limit (default 5 MiB; a gzip body both as sent and decompressed) or the batch exceeds maxBatchSize. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json` (`unsupported-media-type`), or its `Content-Encoding` is neither `gzip` nor `identity` (`unsupported-content-encoding`). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Storage unavailable and the events could not be queued; or, for a write, the service is
         *     reading too many request bodies at once and did not read this one (`body-budget-exhausted`,
         *     with `Connection: close`). Nothing was stored: retry after `Retry-After` seconds.
         */
        ServiceUnavailable: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
         *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
         *     refused with 415 `unsupported-content-encoding`.
         */
        ContentEncoding: "gzip" | "x-gzip" | "identity";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    queryAuditEvents: {
        parameters: {
            query?: {
                correlation_id?: string;
                event_type?: components["schemas"]["EventType"];
                event_category?: components["schemas"]["EventCategory"];
                event_outcome?: components["schemas"]["EventOutcome"];
                severity?: components["schemas"]["SeverityText"];
                actor_id?: string;
                resource_type?: string;
                resource_id?: string;
                namespace?: string;
                /** @description Only events stored by this credential (`recorded_by`, exact match). */
                recorded_by?: string;
                /** @description Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`). */
                since?: components["schemas"]["TimeBound"];
                /** @description Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now. */
                until?: components["schemas"]["TimeBound"];
                limit?: number;
                /** @description Opaque keyset cursor from a previous page's `pagination.next_cursor`. Not together with `offset`. */
                cursor?: string;
                /** @description Rows to skip before the page (offset paging; the cursor is the recommended way). Slower the deeper it goes, and not stable while events are stored: prefer `next_cursor`, which every page still carries. Not together with `cursor`. */
                offset?: number;
                /** @description With `detail_value`, only events whose `event_data` has this top-level key with that value, compared as text (the string `"42"` and the number `42` both match `42`; a JSON null matches nothing). Both or neither. */
                detail_key?: string;
                /** @description The value `detail_key` must have, exactly (no wildcards). Both or neither. */
                detail_value?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events, `event_timestamp DESC, event_id DESC`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAuditEvent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuditEventRequest"];
            };
        };
        responses: {
            /** @description Stored (or already stored, with `duplicate` true). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventCreated"];
                };
            };
            /** @description PostgreSQL is unavailable; the event was queued to the service's dead-letter queue and will be replayed. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAuditEventsBatch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuditEventBatchRequest"];
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventBatchCreated"];
                };
            };
            /** @description PostgreSQL is unavailable; the batch was queued to the service's dead-letter queue. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeadLetterQueueStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The DLQ's state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DlqStats"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDeadLetterMessages: {
        parameters: {
            query?: {
                count?: number;
                /** @description `dlq` (messages waiting for replay) or `dead-letter` (poison messages set aside). */
                stream?: "dlq" | "dead-letter";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DlqMessages"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to take writes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready; `reasons` says why (draining, database unreachable and no DLQ, DLQ full). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
