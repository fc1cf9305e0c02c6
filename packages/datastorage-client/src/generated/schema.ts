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
         *
         *     With a read replica configured (`READ_DATABASE_URL`), the query is served by the replica,
         *     which may lag the primary: send `Consistency: primary` to see every committed write.
         *
         *     Refused with 400 `validation-error`, all at once: a parameter the operation does not
         *     declare, one given twice, a value outside its schema, a value holding U+0000 (NUL) or a
         *     lone surrogate, `since` not earlier than `until`, `offset` with `cursor`, `detail_key`
         *     without `detail_value` or the reverse. A cursor this service did not issue: 400
         *     `invalid-cursor`.
         */
        get: operations["queryAuditEvents"];
        put?: never;
        /**
         * Write one audit event.
         * @description Rules JSON Schema cannot state, each refused with 400 `validation-error` naming the field:
         *     `event_timestamp` at most 1 hour after the service's clock (`x-max-future-seconds`);
         *     `event_data` at most 256 KiB serialized and nested at most 10 deep; no string anywhere in
         *     the event (`event_data` included) holding U+0000 (NUL) or a lone surrogate, which
         *     PostgreSQL cannot store; numbers in `event_data` that would not be stored with the value
         *     sent (`1e309`, `9007199254740993`).
         */
        post: operations["createAuditEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event matching the filters, streamed as NDJSON or CSV, newest first.
         * @description The same filters as `GET /api/v1/audit/events` (and refused the same way), without
         *     paging: the service reads the matching events in keyset pages and streams them as it goes,
         *     so an export of any size holds one page in memory. Order: `event_timestamp DESC,
         *     event_id DESC`. Events stored while the export runs, newer than its first page, are not
         *     included; run it again with `since` to collect them.
         *
         *     - `ndjson` (`application/x-ndjson`): one event per line, exactly as
         *       `GET /api/v1/audit/events/{event_id}` returns it (the `AuditEvent` schema).
         *     - `csv` (`text/csv`, RFC 4180, CRLF, a header row): the columns `event_id,
         *       event_timestamp, event_type, event_category, event_action, event_outcome, severity,
         *       correlation_id, parent_event_id, actor_type, actor_id, actor_ip, resource_type,
         *       resource_id, resource_name, namespace, cluster_id, trace_id, span_id, duration_ms,
         *       error_code, error_message, recorded_by, stored_at, event_data`; an absent field is an
         *       empty cell, `event_data` is its JSON text. A cell starting with `=`, `+`, `-`, `@`,
         *       tab or carriage return gets a leading `'` so that a spreadsheet does not run it as a
         *       formula (OWASP CSV injection); the NDJSON export is the exact one.
         *
         *     The answer carries `Content-Disposition: attachment`. A failure after the first byte (the
         *     database lost mid-export) ends the response without its last chunk, so the client sees a
         *     broken transfer rather than a short file. Recorded as one `datastorage.audit.read` event
         *     (operation `export`) with the rows sent.
         */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events/histogram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events per time bucket and outcome over a window, for the same filters as the query.
         * @description Counts the events matching the filters in each `interval` from `since` (default 1 hour
         *     before now) to `until` (default now), by `event_outcome`. Buckets start at multiples of
         *     the interval since the Unix epoch (UTC), the first one at or before `since`; every bucket
         *     of the window is listed, empty ones with zero counts. More than 1440 buckets is refused
         *     with 400 `validation-error` naming `interval`, and the same filters as
         *     `GET /api/v1/audit/events` are refused the same way. Recorded as a
         *     `datastorage.audit.read` event (operation `histogram`, `rows` the events counted).
         */
        get: operations["getAuditEventHistogram"];
        put?: never;
        post?: never;
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
         *
         *     Rules JSON Schema cannot state, each refused with 400 `validation-error` naming the field:
         *     `event_timestamp` at most 1 hour after the service's clock (`x-max-future-seconds`);
         *     `event_data` at most 256 KiB serialized and nested at most 10 deep; no string anywhere in
         *     the event (`event_data` included) holding U+0000 (NUL) or a lone surrogate, which
         *     PostgreSQL cannot store; numbers in `event_data` that would not be stored with the value
         *     sent (`1e309`, `9007199254740993`).
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
        /**
         * @description With a read replica configured (`READ_DATABASE_URL`), served by the replica, which may lag
         *     the primary: an event just stored may be 404 there; send `Consistency: primary` to read it.
         */
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
    "/api/v1/audit/dlq/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Drain the dead-letter queue into PostgreSQL now, as `datastorage dlq replay` does.
         * @description Reads the DLQ as one more consumer of the replay group and stores its messages (poison
         *     messages go to the dead-letter stream, duplicates are not stored again), until nothing is
         *     left that it can take or `max_wait_ms` passes without progress, then answers with what it
         *     did. Messages pending with another consumer are claimed once idle `DLQ_CLAIM_IDLE_MS`.
         *     Recorded as a `datastorage.dlq.replayed` event (trigger `api`). One replay at a time
         *     per service process: another request meanwhile is refused with 409 `replay-in-progress`.
         *     Without `REDIS_URL` the service has no DLQ: 404 `not-found`.
         */
        post: operations["replayDeadLetterQueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest signed tree head of the event log.
         * @description Every stored event is a leaf of one append-only Merkle tree (RFC 6962 §2.1; the leaf is the
         *     RFC 8785 canonical JSON of the event as this API returns it). The sequencer signs a
         *     checkpoint `{origin, tree_size, root_hash, timestamp}` with Ed25519 every
         *     `CHECKPOINT_INTERVAL_MS` while there are new leaves. Its signature covers the text
         *     `audit-trail checkpoint v1\n<origin>\n<tree_size>\n<root_hash>\n<timestamp>\n`; check it with
         *     the service's public key, obtained out of band (docs/integrity.md). 404 `no-checkpoint` until
         *     the first one is signed, or when the log is off (`TRANSPARENCY_LOG=off`).
         */
        get: operations["getLatestCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed checkpoint of a given tree size.
         * @description 404 `no-checkpoint` when no checkpoint was signed at that size.
         */
        get: operations["getCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A consistency proof between two tree sizes (RFC 6962 §2.1.2).
         * @description Proves that the tree of size `to` extends the tree of size `from` unchanged: verify it with
         *     the root hashes of two checkpoints seen at different times (RFC 9162 §2.1.4.2). `from` must
         *     not exceed `to`, and `to` not the newest checkpoint's size (400 `validation-error`).
         *     `from` = `to` gives an empty proof.
         */
        get: operations["getConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events/{event_id}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inclusion proof of one event in the tree of a given size (RFC 6962 §2.1.1).
         * @description `tree_size` defaults to the newest checkpoint's size and must not exceed it. Verify with
         *     the leaf hash computed from the event itself (SHA-256 of 0x00 and its RFC 8785 canonical
         *     JSON) and the checkpoint's root hash (RFC 9162 §2.1.3.2). 404 `not-found` for an unknown
         *     event, `event-not-sealed` while the event is not yet in a signed tree of that size (retry
         *     after the next checkpoint), `no-checkpoint` before the first checkpoint. Recorded as a
         *     `datastorage.audit.read` event (operation `proof`).
         */
        get: operations["getInclusionProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/log/leaves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The leaves of the tree in order, for an auditor that rebuilds the whole tree.
         * @description Leaves `start` … `start + limit - 1`, cut at the newest checkpoint's size (`tree_size`).
         *     An auditor hashes all of them into the root of that checkpoint, which proves the list
         *     complete and unaltered, then compares each leaf with the event it stands for: an event whose
         *     leaf hash differs was altered, a leaf without its event was deleted, unless `removed` says
         *     the retention job dropped it. Recorded as a `datastorage.audit.read` event (operation
         *     `log_leaves`).
         */
        get: operations["listLogLeaves"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Checks stored events against the newest signed checkpoint.
         * @description For the events of a `correlation_id`, or of a time window (`since` inclusive, `until`
         *     exclusive, both required, by `event_timestamp`), the service recomputes each event's leaf
         *     hash from the row as stored, and checks it against the leaf it was sealed with and that leaf
         *     against the newest checkpoint's root (an inclusion proof). It also looks for leaves of the
         *     selection whose event is gone. Each problem is one entry of `failures`; `valid` is true
         *     when there are none. Events stored after the newest checkpoint are counted in `unsealed`,
         *     not failures. Answers 200 whatever it finds; 404 `no-checkpoint` before the first
         *     checkpoint. Recorded as a `datastorage.audit.read` event (operation `verify`).
         *     This replaces the per-correlation hash chain of the system this one replaces
         *     (`POST /api/v1/audit/verify-chain` answers in that system's shape).
         */
        post: operations["verifyAuditEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify-chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * `POST /api/v1/audit/verify` for one correlation id, in the replaced system's shape.
         * @description Kept so that the tools of the system this one replaces keep working. The same check as
         *     `POST /api/v1/audit/verify` with `{correlation_id}`; each failure is one `tampered_events`
         *     entry whose `message` gives the reason. `is_valid` is false when anything failed.
         */
        post: operations["verifyAuditChain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The legal holds, active ones first, newest first. */
        get: operations["listLegalHolds"];
        put?: never;
        /**
         * Places a legal hold on the events of a correlation id.
         * @description While a hold is active, the retention job drops no partition holding an event of its
         *     `correlation_id` (events stored later included). Several holds may cover one correlation
         *     id; each is released by its own id. `placed_by` is the caller's token name. The change is
         *     itself recorded as a `datastorage.legal_hold.placed` event.
         */
        post: operations["placeLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/legal-holds/{hold_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Releases one legal hold.
         * @description The hold stays listed (`status=released`) with who released it and when; the change is
         *     recorded as a `datastorage.legal_hold.released` event. 404 for an unknown hold, 409
         *     `already-released` for one released before.
         */
        delete: operations["releaseLegalHold"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active legal holds, in the replaced system's shape. */
        get: operations["listLegalHoldsCompat"];
        put?: never;
        /**
         * `POST /api/v1/audit/legal-holds` in the replaced system's shape.
         * @description Kept so that the tools of the system this one replaces keep working: 200 with that
         *     system's body, 404 when no event of the correlation id is stored. `placed_by` is the
         *     caller's token name (that system's `X-User-ID` header is ignored).
         */
        post: operations["placeLegalHoldCompat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/legal-hold/{correlation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Releases every active hold of a correlation id, in the replaced system's shape.
         * @description 404 when the correlation id has no active hold.
         */
        delete: operations["releaseLegalHoldCompat"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirects to the timeline page. */
        get: operations["redirectToTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ui": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirects to the timeline page's canonical address, with the slash. */
        get: operations["redirectToTimelinePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ui/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit timeline, a page that reads events through this API with the reader's token.
         * @description Static assets, served without a token (they hold no audit data); the page asks for a
         *     token and keeps it in the browser tab's session storage, never in the URL. Its query
         *     string holds the filter (`correlation_id`, `event_type`, `since`, …), so a link opens
         *     the same view. `/ui` redirects here. The page is sent with a Content-Security-Policy
         *     that allows only this origin's scripts, styles and API. Query strings are ignored by the
         *     service.
         */
        get: operations["getTimelinePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ui/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A script, stylesheet or image of the timeline page (content-hashed names, cached immutable). */
        get: operations["getTimelineAsset"];
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
        KnownEventType: "gateway.signal.received" | "gateway.signal.deduplicated" | "gateway.crd.created" | "gateway.crd.failed" | "gateway.config.reloaded" | "gateway.config.rejected" | "orchestrator.lifecycle.started" | "orchestrator.lifecycle.created" | "orchestrator.lifecycle.completed" | "orchestrator.lifecycle.failed" | "orchestrator.lifecycle.transitioned" | "orchestrator.lifecycle.verifying_started" | "orchestrator.lifecycle.verification_completed" | "orchestrator.lifecycle.verification_timed_out" | "orchestrator.remediation.manual_review" | "orchestrator.routing.blocked" | "orchestrator.ea.created" | "remediation.workflow_created" | "orchestrator.approval.requested" | "orchestrator.approval.approved" | "orchestrator.approval.rejected" | "webhook.remediationapprovalrequest.decided" | "signalprocessing.signal.processed" | "signalprocessing.phase.transition" | "signalprocessing.classification.decision" | "signalprocessing.business.classified" | "signalprocessing.enrichment.completed" | "signalprocessing.error.occurred" | "aianalysis.analysis.completed" | "aianalysis.analysis.failed" | "aianalysis.phase.transition" | "aianalysis.aiagent.call" | "aianalysis.aiagent.submit" | "aianalysis.aiagent.result" | "aianalysis.approval.decision" | "aianalysis.rego.evaluation" | "aianalysis.error.occurred" | "workflowexecution.workflow.started" | "workflowexecution.workflow.completed" | "workflowexecution.workflow.failed" | "workflowexecution.selection.completed" | "workflowexecution.execution.started" | "workflowexecution.block.cleared" | "notification.message.sent" | "notification.message.failed" | "notification.message.acknowledged" | "notification.message.escalated" | "webhook.notification.cancelled" | "webhook.notification.acknowledged" | "workflow.catalog.actions_listed" | "workflow.catalog.workflows_listed" | "workflow.catalog.workflow_retrieved" | "workflow.catalog.selection_validated" | "datastorage.workflow.created" | "datastorage.workflow.updated" | "aiagent.llm.request" | "aiagent.llm.response" | "aiagent.llm.tool_call" | "aiagent.response.complete" | "aiagent.response.failed" | "aiagent.rca.complete" | "aiagent.session.started" | "aiagent.session.completed" | "aiagent.session.failed" | "effectiveness.health.assessed" | "effectiveness.alert.assessed" | "effectiveness.metrics.assessed" | "effectiveness.assessment.scheduled" | "effectiveness.assessment.completed" | "datastorage.actiontype.created" | "datastorage.actiontype.updated" | "datastorage.actiontype.disabled" | "datastorage.ratelimit.denied" | "datastorage.auth.failed" | "datastorage.auth.denied" | "datastorage.tokens.reloaded" | "datastorage.tokens.rejected" | "datastorage.audit.read" | "datastorage.dlq.replayed" | "datastorage.legal_hold.placed" | "datastorage.legal_hold.released" | "datastorage.retention.partition_dropped" | "aiagent.auth.failure" | "aiagent.auth.denied" | "webhook.remediationrequest.timeout_modified" | "remediationworkflow.admitted.create" | "remediationworkflow.admitted.update" | "remediationworkflow.admitted.delete" | "remediationworkflow.admitted.denied" | "authwebhook.workflow.registration_failed" | "aiagent.enrichment.completed" | "aiagent.enrichment.failed" | "aiagent.workflow.validation_attempt" | "aiagent.session.cancelled" | "aiagent.session.suspended" | "aiagent.session.resumed" | "aiagent.interactive.started" | "aiagent.interactive.completed" | "aiagent.interactive.k8s_call" | "aiagent.secret.accessed" | "aiagent.session.observed" | "aiagent.session.access_denied" | "aiagent.investigation.cancelled" | "aiagent.alignment.step" | "aiagent.alignment.verdict" | "aiagent.shadow.llm.request" | "aiagent.shadow.llm.response" | "aiagent.ratelimit.denied" | "effectiveness.hash.computed" | "effectiveness.alert_decay.detected" | "datastorage.actiontype.reenabled" | "datastorage.actiontype.disable_denied" | "actiontype.admitted.create" | "actiontype.admitted.update" | "actiontype.admitted.delete" | "actiontype.denied.create" | "actiontype.denied.update" | "actiontype.denied.delete" | "agentsession.admitted.create" | "agentsession.denied.create" | "apifrontend.triage.started" | "apifrontend.triage.completed" | "apifrontend.rr.created" | "apifrontend.rr.deduplicated" | "apifrontend.session.created" | "apifrontend.session.completed" | "apifrontend.ka.delegated" | "apifrontend.ka.result_received" | "apifrontend.user.decision" | "apifrontend.auth.access_denied" | "apifrontend.tool.executed" | "apifrontend.workflow.discovery" | "apifrontend.auth.success" | "apifrontend.auth.failure" | "apifrontend.ratelimit.denied" | "apifrontend.circuitbreaker.trip" | "apifrontend.impersonation.created" | "apifrontend.jwt.delegation" | "apifrontend.session.phase_changed" | "apifrontend.session.deleted" | "apifrontend.session.auto_cancelled" | "apifrontend.session.retention_deleted" | "apifrontend.a2a.task_started" | "apifrontend.a2a.task_completed" | "apifrontend.a2a.task_failed" | "apifrontend.mcp.tool_failed" | "apifrontend.mcp.session_init" | "apifrontend.severity_triage.completed" | "apifrontend.severity_triage.failed" | "apifrontend.config.reloaded" | "apifrontend.config.rejected";
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
        /** @description Selects the typed `event_data` schema of each known event type: the payloads of the system this one replaces, field for field (their `event_type` repeats the event's), then the payloads of the service's own self-audit events. */
        EventDataCatalog: unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown;
        GatewayAuditPayload: {
            /** @enum {string} */
            event_type: "gateway.signal.received" | "gateway.signal.deduplicated" | "gateway.crd.created" | "gateway.crd.failed";
            original_payload?: {
                [key: string]: unknown;
            };
            signal_labels?: {
                [key: string]: string;
            };
            signal_annotations?: {
                [key: string]: string;
            };
            /** @enum {string} */
            signal_type: "alert";
            signal_name: string;
            namespace: string;
            fingerprint: string;
            severity?: string;
            resource_kind?: string;
            resource_name?: string;
            remediation_request?: string;
            /** @enum {string} */
            deduplication_status?: "new" | "duplicate";
            /** Format: int32 */
            occurrence_count?: number;
            error_details?: components["schemas"]["ErrorDetails"];
        };
        ErrorDetails: {
            message: string;
            code: string;
            /** @enum {string} */
            component: "gateway" | "aianalysis" | "workflowexecution" | "remediationorchestrator" | "signalprocessing" | "authwebhook";
            retry_possible: boolean;
            stack_trace?: string[];
        };
        RemediationOrchestratorAuditPayload: {
            /** @enum {string} */
            event_type: "orchestrator.lifecycle.started" | "orchestrator.lifecycle.created" | "orchestrator.lifecycle.completed" | "orchestrator.lifecycle.failed" | "orchestrator.lifecycle.verifying_started" | "orchestrator.lifecycle.verification_completed" | "orchestrator.lifecycle.verification_timed_out" | "orchestrator.lifecycle.transitioned" | "orchestrator.approval.requested" | "orchestrator.approval.approved" | "orchestrator.approval.rejected" | "orchestrator.remediation.manual_review" | "orchestrator.routing.blocked" | "remediation.workflow_created" | "orchestrator.ea.created";
            rr_name: string;
            namespace: string;
            /** @enum {string} */
            outcome?: "Success" | "Failed" | "Pending";
            /** Format: int64 */
            duration_ms?: number;
            /** @enum {string} */
            failure_phase?: "SignalProcessing" | "AIAnalysis" | "WorkflowExecution" | "Approval";
            /** @enum {string} */
            failure_reason?: "Timeout" | "ValidationError" | "InfrastructureError" | "ApprovalRejected" | "Unknown";
            error_details?: components["schemas"]["ErrorDetails"];
            from_phase?: string;
            to_phase?: string;
            transition_reason?: string;
            rar_name?: string;
            /** Format: date-time */
            required_by?: string;
            workflow_id?: string;
            confidence_str?: string;
            /** @enum {string} */
            decision?: "Approved" | "Rejected" | "Pending";
            approved_by?: string;
            rejected_by?: string;
            rejection_reason?: string;
            message?: string;
            reason?: string;
            sub_reason?: string;
            notification_name?: string;
            timeout_config?: components["schemas"]["TimeoutConfig"];
            pre_remediation_spec_hash?: string;
            target_resource?: string;
            workflow_version?: string;
            action_type?: string;
            signal_type?: string;
            signal_fingerprint?: string;
            crd_outcome?: string;
            ea_name?: string;
            hash_compute_delay?: string;
            alert_check_delay?: string;
            gitops_sync_delay?: string;
            operator_reconcile_delay?: string;
            is_gitops_managed?: boolean;
            is_crd?: boolean;
        };
        TimeoutConfig: {
            global?: string;
            processing?: string;
            analyzing?: string;
            executing?: string;
        };
        SignalProcessingAuditPayload: {
            /** @enum {string} */
            event_type: "signalprocessing.signal.processed" | "signalprocessing.phase.transition" | "signalprocessing.classification.decision" | "signalprocessing.business.classified" | "signalprocessing.enrichment.completed" | "signalprocessing.error.occurred";
            /** @enum {string} */
            phase: "Pending" | "Enriching" | "Classifying" | "Categorizing" | "Completed" | "Failed";
            signal: string;
            /** @enum {string} */
            severity?: "critical" | "high" | "warning" | "info" | "unknown";
            external_severity?: string;
            /** @enum {string} */
            normalized_severity?: "critical" | "high" | "warning" | "info" | "unknown";
            /** @enum {string} */
            determination_source?: "rego-policy" | "fallback" | "default";
            policy_hash?: string;
            /** @enum {string} */
            environment?: "production" | "staging" | "development";
            /** @enum {string} */
            environment_source?: "rego" | "labels" | "default";
            /** @enum {string} */
            priority?: "P0" | "P1" | "P2" | "P3" | "P4";
            /** @enum {string} */
            priority_source?: "rego" | "severity" | "default";
            /** @enum {string} */
            criticality?: "critical" | "high" | "warning" | "low";
            sla_requirement?: string;
            has_owner_chain?: boolean;
            owner_chain_length?: number;
            degraded_mode?: boolean;
            duration_ms?: number;
            has_namespace?: boolean;
            has_pod?: boolean;
            has_deployment?: boolean;
            business_unit?: string;
            from_phase?: string;
            to_phase?: string;
            /** @enum {string} */
            signal_mode?: "reactive" | "proactive";
            source_signal_name?: string;
            error?: string;
        };
        AIAnalysisAuditPayload: {
            /** @enum {string} */
            event_type: "aianalysis.analysis.completed" | "aianalysis.analysis.failed";
            analysis_name: string;
            namespace: string;
            /** @enum {string} */
            phase: "Pending" | "Investigating" | "Analyzing" | "Completed" | "Failed";
            approval_required: boolean;
            approval_reason?: string;
            degraded_mode: boolean;
            warnings_count: number;
            /** Format: float */
            confidence?: number;
            workflow_id?: string;
            reason?: string;
            sub_reason?: string;
            provider_response_summary?: components["schemas"]["ProviderResponseSummary"];
            error_details?: components["schemas"]["ErrorDetails"];
        };
        ProviderResponseSummary: {
            incident_id: string;
            analysis_preview: string;
            selected_workflow_id?: string;
            needs_human_review: boolean;
            warnings_count: number;
        };
        WorkflowExecutionAuditPayload: {
            /** @enum {string} */
            event_type: "workflowexecution.workflow.started" | "workflowexecution.workflow.completed" | "workflowexecution.workflow.failed" | "workflowexecution.selection.completed" | "workflowexecution.execution.started";
            workflow_id: string;
            workflow_version: string;
            workflow_name?: string;
            action_type?: string;
            target_resource: string;
            /** @enum {string} */
            phase: "Pending" | "Running" | "Completed" | "Failed";
            container_image: string;
            execution_name: string;
            /** Format: date-time */
            started_at?: string;
            /** Format: date-time */
            completed_at?: string;
            duration?: string;
            /** @enum {string} */
            failure_reason?: "OOMKilled" | "DeadlineExceeded" | "Forbidden" | "ImagePullBackOff" | "ConfigurationError" | "ResourceExhausted" | "TaskFailed" | "UnsupportedEngine" | "Deduplicated" | "Unknown";
            failure_message?: string;
            failed_task_name?: string;
            error_details?: components["schemas"]["ErrorDetails"];
            pipelinerun_name?: string;
            parameters?: {
                [key: string]: string;
            };
            retry_count?: number;
        };
        NotificationAuditPayload: {
            /** @enum {string} */
            event_type: "webhook.notification.cancelled" | "webhook.notification.acknowledged";
            notification_id?: string;
            notification_name?: string;
            /** @enum {string} */
            type?: "Escalation" | "Simple" | "StatusUpdate" | "Approval" | "ManualReview" | "Completion";
            /** @enum {string} */
            notification_type?: "Escalation" | "Simple" | "StatusUpdate" | "Approval" | "ManualReview" | "Completion";
            /** @enum {string} */
            priority?: "Critical" | "High" | "Medium" | "Low";
            /** @enum {string} */
            final_status?: "Pending" | "Sending" | "Sent" | "Failed" | "Cancelled";
            delivery_channels?: string[];
            cancelled_by?: string;
            user_uid?: string;
            user_groups?: string[];
            /** @enum {string} */
            action?: "notification_cancelled" | "notification_acknowledged";
        };
        WorkflowExecutionWebhookAuditPayload: {
            /** @enum {string} */
            event_type: "workflowexecution.block.cleared";
            workflow_name: string;
            clear_reason: string;
            /** Format: date-time */
            cleared_at: string;
            /** @enum {string} */
            previous_state: "Blocked";
            /** @enum {string} */
            new_state: "Running";
        };
        RemediationApprovalAuditPayload: {
            /** @enum {string} */
            event_type: "webhook.remediationapprovalrequest.decided";
            request_name: string;
            /** @enum {string} */
            decision: "Approved" | "Rejected";
            /** Format: date-time */
            decided_at: string;
            decision_message: string;
            ai_analysis_ref: string;
            delegated_user?: string;
            delegated_via?: string;
            policy_hash?: string;
        };
        RemediationRequestWebhookAuditPayload: {
            /** @enum {string} */
            event_type: "webhook.remediationrequest.timeout_modified";
            rr_name: string;
            namespace: string;
            modified_by: string;
            /** Format: date-time */
            modified_at: string;
            old_timeout_config?: components["schemas"]["TimeoutConfig"];
            new_timeout_config?: components["schemas"]["TimeoutConfig"];
        };
        RemediationWorkflowWebhookAuditPayload: {
            /** @enum {string} */
            event_type: "remediationworkflow.admitted.create" | "remediationworkflow.admitted.update" | "remediationworkflow.admitted.delete" | "remediationworkflow.admitted.denied";
            workflow_name: string;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "denied";
            workflow_id?: string;
            catalog_status?: string;
            denial_reason?: string;
            workflow_content?: components["schemas"]["RemediationWorkflowContentPayload"];
            content_hash?: string;
        };
        RemediationWorkflowContentPayload: {
            version: string;
            description: components["schemas"]["StructuredDescription"];
            actionType: string;
            labels: components["schemas"]["RemediationWorkflowContentLabels"];
            customLabels?: {
                [key: string]: string;
            };
            detectedLabels?: unknown;
            execution: components["schemas"]["RemediationWorkflowContentExecution"];
            dependencies?: components["schemas"]["RemediationWorkflowContentDependencies"];
            maintainers?: components["schemas"]["RemediationWorkflowContentMaintainer"][];
            parameters: components["schemas"]["RemediationWorkflowContentParameter"][];
            rollbackParameters?: components["schemas"]["RemediationWorkflowContentParameter"][];
        };
        StructuredDescription: {
            what: string;
            whenToUse: string;
            whenNotToUse?: string;
            preconditions?: string;
        };
        RemediationWorkflowContentLabels: {
            severity: string[];
            environment: string[];
            component: string[];
            priority: string;
            cluster?: string[];
        };
        RemediationWorkflowContentExecution: {
            engine?: string;
            bundle?: string;
            bundleDigest?: string;
            engineConfig?: unknown;
            serviceAccountName?: string;
        };
        RemediationWorkflowContentDependencies: {
            secrets?: components["schemas"]["RemediationWorkflowContentResourceDependency"][];
            configMaps?: components["schemas"]["RemediationWorkflowContentResourceDependency"][];
        };
        RemediationWorkflowContentResourceDependency: {
            name: string;
        };
        RemediationWorkflowContentMaintainer: {
            name: string;
            email: string;
        };
        RemediationWorkflowContentParameter: {
            name: string;
            type: string;
            required: boolean;
            description: string;
            enum?: string[];
            pattern?: string;
            minimum?: number;
            maximum?: number;
            default?: unknown;
            dependsOn?: string[];
        };
        AuthwebhookWorkflowRegistrationFailedPayload: {
            /** @enum {string} */
            event_type: "authwebhook.workflow.registration_failed";
            workflow_name: string;
            namespace?: string;
            /** @enum {string} */
            reason: "DependencyMissing" | "DataStorageError" | "ValidationFailed";
            message: string;
        };
        WorkflowDiscoveryAuditPayload: {
            /** @enum {string} */
            event_type: "workflow.catalog.actions_listed" | "workflow.catalog.workflows_listed" | "workflow.catalog.workflow_retrieved" | "workflow.catalog.selection_validated";
            query: components["schemas"]["QueryMetadata"];
            results: components["schemas"]["ResultsMetadata"];
            search_metadata: components["schemas"]["SearchExecutionMetadata"];
        };
        QueryMetadata: {
            /** Format: int32 */
            top_k: number;
            /** Format: double */
            min_score?: number;
            filters?: components["schemas"]["WorkflowSearchFilters"];
        };
        WorkflowSearchFilters: {
            /** @enum {string} */
            severity: "critical" | "high" | "warning" | "info";
            component: string;
            environment: string;
            /** @enum {string} */
            priority: "P0" | "P1" | "P2" | "P3";
            customLabels?: components["schemas"]["CustomLabels"];
            detectedLabels?: components["schemas"]["DetectedLabels"];
            status?: ("Active" | "Disabled" | "Deprecated" | "Archived")[];
        };
        CustomLabels: {
            [key: string]: string[];
        };
        DetectedLabels: {
            failedDetections?: ("gitOpsManaged" | "gitOpsTool" | "pdbProtected" | "hpaEnabled" | "stateful" | "helmManaged" | "networkIsolated" | "serviceMesh" | "resourceQuotaConstrained" | "virtualMachine" | "liveMigratable" | "cdiManaged" | "storageBackend")[];
            gitOpsManaged?: boolean;
            /** @enum {string} */
            gitOpsTool?: "argocd" | "flux" | "*";
            pdbProtected?: boolean;
            hpaEnabled?: boolean;
            stateful?: boolean;
            helmManaged?: boolean;
            networkIsolated?: boolean;
            /** @enum {string} */
            serviceMesh?: "istio" | "linkerd" | "*";
            resourceQuotaConstrained?: boolean;
            virtualMachine?: boolean;
            liveMigratable?: boolean;
            cdiManaged?: boolean;
            /** @enum {string} */
            storageBackend?: "odf-ceph" | "lvms" | "local" | "*";
        };
        ResultsMetadata: {
            /** Format: int32 */
            total_found: number;
            /** Format: int32 */
            returned: number;
            workflows: components["schemas"]["WorkflowResultAudit"][];
        };
        WorkflowResultAudit: {
            /** Format: uuid */
            workflow_id: string;
            title: string;
            /** Format: int32 */
            rank: number;
            scoring: components["schemas"]["ScoringV1Audit"];
            owner?: string;
            maintainer?: string;
            description?: string;
            labels?: {
                [key: string]: unknown;
            };
        };
        ScoringV1Audit: {
            /** Format: double */
            confidence: number;
        };
        SearchExecutionMetadata: {
            /** Format: int64 */
            duration_ms: number;
        };
        WorkflowCatalogCreatedPayload: {
            /** Format: uuid */
            workflow_id: string;
            workflow_name: string;
            version: string;
            schema_version?: string;
            /** @enum {string} */
            status: "Active" | "Disabled" | "Archived";
            is_latest_version: boolean;
            execution_engine: string;
            name: string;
            description?: string;
            labels?: {
                [key: string]: unknown;
            };
        };
        WorkflowCatalogUpdatedPayload: {
            /** Format: uuid */
            workflow_id: string;
            updated_fields: components["schemas"]["WorkflowCatalogUpdatedFields"];
        };
        WorkflowCatalogUpdatedFields: {
            status?: string;
            disabled_by?: string;
            disabled_reason?: string;
            version?: string;
            description?: string;
        };
        AIAnalysisPhaseTransitionPayload: {
            old_phase: string;
            new_phase: string;
        };
        AIAnalysisAIAgentCallPayload: {
            endpoint: string;
            /** Format: int32 */
            http_status_code: number;
            /** Format: int32 */
            duration_ms: number;
        };
        AIAnalysisApprovalDecisionPayload: {
            approval_required: boolean;
            approval_reason: string;
            auto_approved: boolean;
            decision: string;
            reason: string;
            environment: string;
            /** Format: double */
            confidence?: number;
            workflow_id?: string;
        };
        AIAnalysisRegoEvaluationPayload: {
            outcome: string;
            degraded: boolean;
            /** Format: int32 */
            duration_ms: number;
            reason: string;
            policy_hash?: string;
        };
        AIAnalysisErrorPayload: {
            phase: string;
            error_message: string;
        };
        NotificationMessageSentPayload: {
            notification_id: string;
            channel: string;
            subject: string;
            body: string;
            priority: string;
            type: string;
            metadata?: {
                [key: string]: string;
            };
        };
        NotificationMessageFailedPayload: {
            notification_id: string;
            channel: string;
            subject: string;
            body: string;
            priority: string;
            error_type: string;
            error?: string;
            metadata?: {
                [key: string]: string;
            };
        };
        NotificationMessageAcknowledgedPayload: {
            notification_id: string;
            subject: string;
            priority: string;
            metadata?: {
                [key: string]: string;
            };
        };
        NotificationMessageEscalatedPayload: {
            notification_id: string;
            subject: string;
            priority: string;
            reason: string;
            metadata?: {
                [key: string]: string;
            };
        };
        AIAgentResponsePayload: {
            /** @enum {string} */
            event_type: "aiagent.response.complete";
            event_id: string;
            incident_id: string;
            response_data: components["schemas"]["IncidentResponseData"];
            total_prompt_tokens?: number;
            total_completion_tokens?: number;
        };
        IncidentResponseData: {
            incidentId: string;
            analysis: string;
            rootCauseAnalysis: {
                summary: string;
                /** @enum {string} */
                severity: "critical" | "high" | "warning" | "info" | "unknown";
                contributingFactors: string[];
                remediationTarget?: {
                    kind?: string;
                    name?: string;
                    namespace?: string;
                };
                causalChain?: string[];
                dueDiligence?: {
                    causalCompleteness?: string;
                    targetAccuracy?: string;
                    evidenceSufficiency?: string;
                    alternativeHypotheses?: string;
                    scopeCompleteness?: string;
                    proportionality?: string;
                    regressionAwareness?: string;
                    confidenceCalibration?: string;
                };
                reasoning?: string;
                reasoningRedacted?: boolean;
            };
            selectedWorkflow?: {
                workflowId?: string;
                actionType?: string;
                executionBundle?: string;
                /** Format: float */
                confidence?: number;
                parameters?: {
                    [key: string]: unknown;
                };
            };
            /** Format: float */
            confidence: number;
            /** Format: date-time */
            timestamp: string;
            isActionable?: boolean | null;
            needsHumanReview?: boolean;
            /** @enum {string} */
            humanReviewReason?: "workflow_not_found" | "image_mismatch" | "parameter_validation_failed" | "no_matching_workflows" | "low_confidence" | "llm_parsing_error" | "investigation_inconclusive" | "rca_incomplete" | "alignment_check_failed" | "decision_expired";
            warnings?: string[];
            alternativeWorkflows?: {
                workflowId?: string;
                rationale?: string;
                executionBundle?: string;
                /** Format: float */
                confidence?: number;
            }[];
        };
        AIAgentRCACompletePayload: {
            /** @enum {string} */
            event_type: "aiagent.rca.complete";
            event_id: string;
            incident_id: string;
            response_data: components["schemas"]["IncidentResponseData"];
            total_prompt_tokens?: number;
            total_completion_tokens?: number;
        };
        AIAgentResponseFailedPayload: {
            /** @enum {string} */
            event_type: "aiagent.response.failed";
            event_id: string;
            incident_id: string;
            error_message: string;
            phase: string;
            /** Format: float */
            duration_seconds?: number;
        };
        AIAgentEnrichmentCompletedPayload: {
            /** @enum {string} */
            event_type: "aiagent.enrichment.completed";
            event_id: string;
            incident_id: string;
            root_owner_kind: string;
            root_owner_name: string;
            root_owner_namespace?: string;
            owner_chain_length: number;
            detected_labels_summary?: Record<string, never> | null;
            failed_detections?: string[] | null;
            remediation_history_fetched: boolean;
        };
        AIAgentEnrichmentFailedPayload: {
            /** @enum {string} */
            event_type: "aiagent.enrichment.failed";
            event_id: string;
            incident_id: string;
            reason: string;
            detail: string;
            affected_resource_kind: string;
            affected_resource_name: string;
            affected_resource_namespace?: string;
        };
        LLMRequestPayload: {
            /** @enum {string} */
            event_type: "aiagent.llm.request";
            event_id: string;
            incident_id: string;
            model: string;
            prompt_length: number;
            prompt_preview: string;
            max_tokens?: number;
            toolsets_enabled?: string[];
            mcp_servers?: string[];
            retry_outcome?: string;
            ambiguous_kind?: string;
            conflicting_groups?: string;
        };
        LLMResponsePayload: {
            /** @enum {string} */
            event_type: "aiagent.llm.response";
            event_id: string;
            incident_id: string;
            has_analysis: boolean;
            analysis_length: number;
            analysis_preview: string;
            analysis_full?: string;
            tokens_used?: number;
            tool_call_count?: number;
            reasoning_text?: string;
            reasoning_redacted?: boolean;
        };
        LLMToolCallPayload: {
            /** @enum {string} */
            event_type: "aiagent.llm.tool_call";
            event_id: string;
            incident_id: string;
            tool_call_index: number;
            tool_name: string;
            tool_arguments?: {
                [key: string]: unknown;
            };
            tool_result: unknown;
            tool_result_preview?: string;
        };
        WorkflowValidationPayload: {
            /** @enum {string} */
            event_type: "aiagent.workflow.validation_attempt";
            event_id: string;
            incident_id: string;
            attempt: number;
            max_attempts: number;
            is_valid: boolean;
            errors?: string[];
            validation_errors?: string;
            workflow_id?: string;
            workflow_name?: string;
            human_review_reason?: string;
            is_final_attempt?: boolean;
        };
        AIAgentSessionStartedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.started";
            event_id: string;
            session_id: string;
            incident_id?: string;
            signal_name?: string;
            severity?: string;
            created_by?: string;
        };
        AIAgentSessionCompletedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.completed";
            event_id: string;
            session_id: string;
        };
        AIAgentSessionFailedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.failed";
            event_id: string;
            session_id: string;
            error?: string;
        };
        AIAgentSessionCancelledPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.cancelled";
            event_id: string;
            session_id: string;
        };
        AIAgentSessionSuspendedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.suspended";
            event_id: string;
            session_id: string;
        };
        AIAgentSessionResumedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.resumed";
            event_id: string;
            session_id: string;
        };
        AIAgentInteractiveStartedPayload: {
            /** @enum {string} */
            event_type: "aiagent.interactive.started";
            event_id: string;
            session_id: string;
        };
        AIAgentInteractiveCompletedPayload: {
            /** @enum {string} */
            event_type: "aiagent.interactive.completed";
            event_id: string;
            session_id: string;
            reason?: string;
        };
        AIAgentInteractiveK8sCallPayload: {
            /** @enum {string} */
            event_type: "aiagent.interactive.k8s_call";
            event_id: string;
            session_id: string;
            acting_user: string;
            resource: string;
            verb: string;
            namespace?: string;
            resource_name?: string;
            http_status_code?: number;
            correlation_id?: string;
        };
        AIAgentSecretAccessedPayload: {
            /** @enum {string} */
            event_type: "aiagent.secret.accessed";
            event_id: string;
            /** @enum {string} */
            verb: "get" | "list";
            namespace?: string;
            secret_name?: string;
            tool_name?: string;
            outcome_detail?: string;
        };
        AIAgentSessionObservedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.observed";
            event_id: string;
            session_id: string;
            observer_user?: string;
            session_owner?: string;
        };
        AIAgentSessionAccessDeniedPayload: {
            /** @enum {string} */
            event_type: "aiagent.session.access_denied";
            event_id: string;
            session_id: string;
            endpoint: string;
            requesting_user: string;
            session_owner?: string;
        };
        AIAgentInvestigationCancelledPayload: {
            /** @enum {string} */
            event_type: "aiagent.investigation.cancelled";
            event_id: string;
            session_id?: string;
            cancelled_phase: string;
            cancelled_at_turn: number;
            total_prompt_tokens?: number;
            total_completion_tokens?: number;
            total_tokens?: number;
            accumulated_messages?: string;
        };
        AIAgentAlignmentStepPayload: {
            /** @enum {string} */
            event_type: "aiagent.alignment.step";
            event_id: string;
            step_index: number;
            step_kind: string;
            tool?: string;
            explanation: string;
        };
        AIAgentAlignmentVerdictPayload: {
            /** @enum {string} */
            event_type: "aiagent.alignment.verdict";
            event_id: string;
            result: string;
            summary?: string;
            flagged: number;
            total: number;
            shadow_prompt_tokens?: number;
            shadow_completion_tokens?: number;
            shadow_total_tokens?: number;
        };
        ShadowLLMRequestPayload: {
            /** @enum {string} */
            event_type: "aiagent.shadow.llm.request";
            event_id: string;
            incident_id: string;
            step_index: number;
            step_kind: string;
            prompt_length: number;
        };
        ShadowLLMResponsePayload: {
            /** @enum {string} */
            event_type: "aiagent.shadow.llm.response";
            event_id: string;
            incident_id: string;
            step_index: number;
            step_kind: string;
            prompt_tokens: number;
            completion_tokens: number;
            total_tokens: number;
            attempt?: number;
            /** @enum {string} */
            evaluation_result?: "success" | "malformed_response" | "missing_field";
        };
        AIAgentRatelimitDeniedPayload: {
            /** @enum {string} */
            event_type: "aiagent.ratelimit.denied";
            event_id: string;
            source_ip?: string;
            path?: string;
            method?: string;
        };
        AIAgentAuthFailurePayload: {
            /** @enum {string} */
            event_type: "aiagent.auth.failure";
            event_id: string;
            source_ip?: string;
            path?: string;
            method?: string;
            reason?: string;
        };
        AIAgentAuthDeniedPayload: {
            /** @enum {string} */
            event_type: "aiagent.auth.denied";
            event_id: string;
            source_ip?: string;
            path?: string;
            method?: string;
            reason?: string;
        };
        /** @description The rate-limit payload of the system this one replaces, and the self-audit’s own (docs/architecture.md): either required set validates. */
        DatastorageRatelimitDeniedPayload: {
            /** @enum {string} */
            event_type?: "datastorage.ratelimit.denied";
            event_id?: string;
            source_ip?: string;
            path?: string;
            method?: string;
            principal?: string;
            occurrences?: number;
        } | {
            /** @enum {string} */
            event_type: "datastorage.ratelimit.denied";
            event_id: string;
        } | {
            source_ip: string;
            method: string;
            path: string;
            principal: string;
            occurrences: number;
        };
        GatewayConfigReloadedPayload: {
            /** @enum {string} */
            event_type: "gateway.config.reloaded";
            component: string;
            config_version?: string;
        };
        GatewayConfigRejectedPayload: {
            /** @enum {string} */
            event_type: "gateway.config.rejected";
            component: string;
            rejection_reason: string;
        };
        EffectivenessAssessmentAuditPayload: {
            /** @enum {string} */
            event_type: "effectiveness.health.assessed" | "effectiveness.hash.computed" | "effectiveness.alert.assessed" | "effectiveness.metrics.assessed" | "effectiveness.assessment.scheduled" | "effectiveness.assessment.completed" | "effectiveness.alert_decay.detected";
            correlation_id: string;
            namespace: string;
            ea_name?: string;
            /** @enum {string} */
            component: "health" | "alert" | "alert_decay" | "metrics" | "hash" | "scheduled" | "completed";
            assessed?: boolean;
            /** Format: double */
            score?: number | null;
            details?: string;
            reason?: string;
            signal_name?: string;
            components_assessed?: string[];
            /** Format: date-time */
            completed_at?: string;
            /** Format: double */
            assessment_duration_seconds?: number | null;
            /** Format: date-time */
            validity_deadline?: string;
            /** Format: date-time */
            prometheus_check_after?: string;
            /** Format: date-time */
            alertmanager_check_after?: string;
            /** Format: date-time */
            hash_compute_after?: string;
            hash_compute_delay?: string;
            alert_check_delay?: string;
            /** @deprecated */
            gitops_sync_delay?: string;
            /** @deprecated */
            operator_reconcile_delay?: string;
            /** @deprecated */
            total_propagation_delay?: string;
            validity_window?: string;
            stabilization_window?: string;
            pre_remediation_spec_hash?: string;
            post_remediation_spec_hash?: string;
            hash_match?: boolean;
            health_checks?: {
                pod_running?: boolean;
                readiness_pass?: boolean;
                /** Format: int32 */
                total_replicas?: number;
                /** Format: int32 */
                ready_replicas?: number;
                /** Format: int32 */
                restart_delta?: number;
                crash_loops?: boolean;
                oom_killed?: boolean;
                /** Format: int32 */
                pending_count?: number;
            };
            metric_deltas?: {
                /** Format: double */
                cpu_before?: number | null;
                /** Format: double */
                cpu_after?: number | null;
                /** Format: double */
                memory_before?: number | null;
                /** Format: double */
                memory_after?: number | null;
                /** Format: double */
                latency_p95_before_ms?: number | null;
                /** Format: double */
                latency_p95_after_ms?: number | null;
                /** Format: double */
                error_rate_before?: number | null;
                /** Format: double */
                error_rate_after?: number | null;
                /** Format: double */
                throughput_before_rps?: number | null;
                /** Format: double */
                throughput_after_rps?: number | null;
                /** Format: double */
                node_not_ready_before?: number | null;
                /** Format: double */
                node_not_ready_after?: number | null;
                /** Format: double */
                node_memory_pressure_before?: number | null;
                /** Format: double */
                node_memory_pressure_after?: number | null;
                /** Format: double */
                node_disk_pressure_before?: number | null;
                /** Format: double */
                node_disk_pressure_after?: number | null;
                /** Format: double */
                pv_phase_failed_before?: number | null;
                /** Format: double */
                pv_phase_failed_after?: number | null;
                /** Format: double */
                pv_phase_pending_before?: number | null;
                /** Format: double */
                pv_phase_pending_after?: number | null;
                /** Format: double */
                pv_usage_ratio_before?: number | null;
                /** Format: double */
                pv_usage_ratio_after?: number | null;
            };
            alert_resolution?: {
                alert_resolved?: boolean;
                /** Format: int32 */
                active_count?: number;
                /** Format: double */
                resolution_time_seconds?: number | null;
            };
        };
        ActionTypeCatalogCreatedPayload: {
            /** @enum {string} */
            event_type: "datastorage.actiontype.created";
            action_type: string;
            description: components["schemas"]["ActionTypeDescriptionPayload"];
            registered_by: string;
            was_reenabled: boolean;
        };
        ActionTypeDescriptionPayload: {
            what: string;
            when_to_use: string;
            when_not_to_use?: string;
            preconditions?: string;
        };
        ActionTypeCatalogUpdatedPayload: {
            /** @enum {string} */
            event_type: "datastorage.actiontype.updated";
            action_type: string;
            old_description: components["schemas"]["ActionTypeDescriptionPayload"];
            new_description: components["schemas"]["ActionTypeDescriptionPayload"];
            updated_by: string;
            updated_fields: string[];
        };
        ActionTypeCatalogDisabledPayload: {
            /** @enum {string} */
            event_type: "datastorage.actiontype.disabled";
            action_type: string;
            disabled_by: string;
            /** Format: date-time */
            disabled_at: string;
        };
        ActionTypeCatalogReenabledPayload: {
            /** @enum {string} */
            event_type: "datastorage.actiontype.reenabled";
            action_type: string;
            reenabled_by: string;
            /** @enum {string} */
            previous_state: "Disabled";
            /** Format: date-time */
            disabled_at: string;
            disabled_by: string;
        };
        ActionTypeCatalogDisableDeniedPayload: {
            /** @enum {string} */
            event_type: "datastorage.actiontype.disable_denied";
            action_type: string;
            denied_reason: string;
            dependent_workflow_count: number;
            dependent_workflows: string[];
            requested_by: string;
        };
        ActionTypeWebhookAuditPayload: {
            /** @enum {string} */
            event_type: "actiontype.admitted.create" | "actiontype.admitted.update" | "actiontype.admitted.delete" | "actiontype.denied.create" | "actiontype.denied.update" | "actiontype.denied.delete";
            action_type_name: string;
            crd_name: string;
            crd_namespace: string;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "denied";
            previously_existed?: boolean;
            catalog_status?: string;
            denial_reason?: string;
            denial_operation?: string;
        };
        AgentSessionWebhookAuditPayload: {
            /** @enum {string} */
            event_type: "agentsession.admitted.create" | "agentsession.denied.create";
            crd_name: string;
            crd_namespace: string;
            /** @enum {string} */
            action: "create" | "denied";
            remediation_request_ref?: string;
            denial_reason?: string;
        };
        ApifrontendTriageStartedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.triage.started";
            session_id: string;
            /** @enum {string} */
            persona: "sre" | "orchestrator" | "cicd" | "dashboard" | "audit" | "approver";
            model_name?: string;
            query_length?: number;
        };
        ApifrontendTriageCompletedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.triage.completed";
            session_id: string;
            /** @enum {string} */
            triage_outcome: "rr_created" | "no_issue_found" | "escalated" | "error";
            triage_duration_ms: number;
            tokens_input?: number;
            tokens_output?: number;
            tools_called?: string[];
            tools_call_count?: number;
        };
        ApifrontendRRCreatedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.rr.created";
            session_id: string;
            rr_name: string;
            rr_namespace: string;
            target_kind: string;
            target_name: string;
            fingerprint: string;
            signal_name: string;
            signal_source?: string;
        };
        ApifrontendRRDeduplicatedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.rr.deduplicated";
            session_id: string;
            fingerprint: string;
            existing_rr_name: string;
            existing_rr_namespace?: string;
            lease_holder?: string;
        };
        ApifrontendSessionCreatedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.session.created";
            session_id: string;
            a2a_task_id: string;
            rr_ref?: string;
            /** @enum {string} */
            join_mode: "start" | "takeover";
            user_identity: string;
            user_groups?: string[];
        };
        ApifrontendSessionCompletedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.session.completed";
            session_id: string;
            /** @enum {string} */
            terminal_phase: "Completed" | "Cancelled" | "Failed";
            total_duration_ms: number;
            total_tokens_input?: number;
            total_tokens_output?: number;
            total_tool_calls?: number;
            polls_count?: number;
            /** @enum {string} */
            user_decision?: "accept" | "reject" | "investigate_more" | "cancel" | "none";
        };
        ApifrontendKADelegatedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.ka.delegated";
            session_id: string;
            ka_correlation_id: string;
            /** @enum {string} */
            delegation_type: "autonomous" | "interactive";
            rr_name?: string;
            rr_namespace?: string;
        };
        ApifrontendKAResultReceivedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.ka.result_received";
            session_id: string;
            ka_correlation_id: string;
            /** @enum {string} */
            result_type: "rca_complete" | "rca_failed" | "timeout" | "cancelled" | "operator_escalation" | "operator_dismissed";
            investigation_duration_ms?: number;
            /** Format: float */
            confidence?: number;
            workflow_candidates_count?: number;
        };
        ApifrontendUserDecisionPayload: {
            /** @enum {string} */
            event_type: "apifrontend.user.decision";
            session_id: string;
            /** @enum {string} */
            decision: "accept" | "reject" | "investigate_more" | "cancel";
            workflow_id?: string;
            time_to_decision_ms?: number;
            rr_name?: string;
        };
        ApifrontendAuthAccessDeniedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.auth.access_denied";
            session_id?: string;
            tool_name: string;
            user_role: string;
            required_roles: string[];
            /** @enum {string} */
            endpoint: "a2a" | "mcp";
            reason?: string;
        };
        ApifrontendToolExecutedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.tool.executed";
            session_id: string;
            tool_name: string;
            execution_duration_ms: number;
            /** @enum {string} */
            tool_outcome: "success" | "failure" | "timeout" | "denied";
            error_code?: string;
            target_resource?: string;
            target_namespace?: string;
            target_kind?: string;
        };
        ApifrontendWorkflowDiscoveryPayload: {
            /** @enum {string} */
            event_type: "apifrontend.workflow.discovery";
            rr_id: string;
            workflow_count: number;
        };
        ApifrontendAuthSuccessPayload: {
            /** @enum {string} */
            event_type: "apifrontend.auth.success";
            /** @enum {string} */
            auth_method: "jwt" | "token_review";
            issuer?: string;
            groups?: string[];
        };
        ApifrontendAuthFailurePayload: {
            /** @enum {string} */
            event_type: "apifrontend.auth.failure";
            /** @enum {string} */
            auth_method: "jwt" | "token_review";
            failure_reason: string;
        };
        ApifrontendRatelimitDeniedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.ratelimit.denied";
            limit_type: string;
            limit_value?: string;
        };
        ApifrontendCircuitbreakerTripPayload: {
            /** @enum {string} */
            event_type: "apifrontend.circuitbreaker.trip";
            circuit_name: string;
            failure_count: number;
            threshold?: number;
        };
        ApifrontendImpersonationCreatedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.impersonation.created";
            target_user: string;
            groups?: string[];
        };
        ApifrontendJWTDelegationPayload: {
            /** @enum {string} */
            event_type: "apifrontend.jwt.delegation";
            target_service: string;
        };
        ApifrontendSessionPhaseChangedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.session.phase_changed";
            session_id: string;
            from_phase: string;
            to_phase: string;
        };
        ApifrontendSessionDeletedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.session.deleted";
            session_id: string;
            reason?: string;
        };
        ApifrontendSessionAutoCancelledPayload: {
            /** @enum {string} */
            event_type: "apifrontend.session.auto_cancelled";
            session_id: string;
            ttl_seconds?: number;
        };
        ApifrontendSessionRetentionDeletedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.session.retention_deleted";
            session_id: string;
            retention_seconds?: number;
        };
        ApifrontendA2ATaskStartedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.a2a.task_started";
            session_id: string;
            task_id: string;
        };
        ApifrontendA2ATaskCompletedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.a2a.task_completed";
            session_id: string;
            task_id: string;
            duration_ms?: number;
            rr_name?: string;
            rr_namespace?: string;
        };
        ApifrontendA2ATaskFailedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.a2a.task_failed";
            session_id: string;
            task_id: string;
            error: string;
            rr_name?: string;
            rr_namespace?: string;
        };
        ApifrontendMCPToolFailedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.mcp.tool_failed";
            session_id?: string;
            tool_name: string;
            error: string;
        };
        ApifrontendMCPSessionInitPayload: {
            /** @enum {string} */
            event_type: "apifrontend.mcp.session_init";
            mcp_session_id: string;
            protocol_version?: string;
        };
        ApifrontendSeverityTriageCompletedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.severity_triage.completed";
            severity: string;
            source_tier: string;
            duration_ms?: number;
        };
        ApifrontendSeverityTriageFailedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.severity_triage.failed";
            error: string;
            failed_tier?: string;
        };
        ApifrontendConfigReloadedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.config.reloaded";
            config_version: string;
            changed_keys?: string[];
        };
        ApifrontendConfigRejectedPayload: {
            /** @enum {string} */
            event_type: "apifrontend.config.rejected";
            rejection_reason: string;
            config_version?: string;
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
            operation: "query" | "get" | "export" | "histogram" | "dlq_messages" | "proof" | "log_leaves" | "verify";
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
            trigger: "cli" | "api";
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
        EventHistogram: {
            /** @enum {string} */
            interval: "1m" | "5m" | "15m" | "1h" | "1d";
            /**
             * Format: date-time
             * @description The window's start as applied (UTC).
             */
            since: string;
            /**
             * Format: date-time
             * @description The window's end as applied (UTC)
             */
            until: string;
            buckets: {
                /** Format: date-time */
                start: string;
                success: number;
                failure: number;
                pending: number;
            }[];
        };
        DlqReplayRequest: {
            /** @description Give up after this long without progress; default max(60000, 2 × `DLQ_CLAIM_IDLE_MS`), capped by the service's request timeout. */
            max_wait_ms?: number;
        };
        DlqReplaySummary: {
            stream: string;
            /** @description Messages handled (stored or parked). */
            done: number;
            /** @description Messages in the stream when the replay started. */
            total: number;
            /** @description Events stored (duplicates are done but not created). */
            created: number;
            /** @description Messages moved to the dead-letter stream. */
            poisoned: number;
            /** @description Messages of this replay waiting for a retry. */
            waiting: number;
            /** @description Messages still in the stream afterwards. */
            remaining: number;
            left: {
                held_elsewhere: {
                    consumer: string;
                    count: number;
                    claimable_in_ms: number;
                }[];
                retrying: number;
                unread: number;
            };
            /** @description True when it stopped at `max_wait_ms`, not with nothing left to take. */
            gave_up: boolean;
            max_wait_ms: number;
            duration_ms: number;
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
        /** @description A SHA-256 hash, lowercase hex. */
        Hash: string;
        /**
         * @description A signed tree head. `signature` is the base64 Ed25519 signature of the UTF-8 text
         *     `audit-trail checkpoint v1\n<origin>\n<tree_size>\n<root_hash>\n<timestamp>\n`; `key_id` is
         *     the first 16 hex digits of the SHA-256 of the raw 32-byte public key.
         */
        Checkpoint: {
            /** @description The log's name (`LOG_ORIGIN`). */
            origin: string;
            tree_size: number;
            root_hash: components["schemas"]["Hash"];
            /**
             * Format: date-time
             * @description When it was signed, UTC with milliseconds (`2026-12-02T07:45:00.123Z`).
             */
            timestamp: string;
            key_id: string;
            signature: string;
        };
        ConsistencyProof: {
            from: number;
            to: number;
            proof: components["schemas"]["Hash"][];
        };
        InclusionProof: {
            /** Format: uuid */
            event_id: string;
            leaf_index: number;
            tree_size: number;
            /** @description The leaf the event was sealed with; a verifier computes its own from the event. */
            leaf_hash: components["schemas"]["Hash"];
            /** @description The audit path */
            proof: components["schemas"]["Hash"][];
        };
        LogLeaf: {
            leaf_index: number;
            /** Format: uuid */
            event_id: string;
            leaf_hash: components["schemas"]["Hash"];
            /** @description The event's */
            correlation_id: string;
            /**
             * Format: date-time
             * @description The event's
             */
            event_timestamp: string;
            /** @description Present when the retention job dropped the event; its leaf stays. */
            removed?: {
                /** @enum {string} */
                reason: "retention";
                /** Format: date-time */
                removed_at: string;
            };
        };
        LogLeafPage: {
            /** @description The newest checkpoint's size; no leaf at or past it is listed. */
            tree_size: number;
            leaves: components["schemas"]["LogLeaf"][];
            /** @description `start` of the next page; null after the last leaf of the tree. */
            next_start: number | null;
        };
        /** @description Either `correlation_id`, or `since` and `until` (at most 31 days apart). */
        VerifyRequest: {
            correlation_id?: string;
            /** Format: date-time */
            since?: string;
            /** Format: date-time */
            until?: string;
        } & (unknown | unknown);
        VerifyFailure: {
            /** Format: uuid */
            event_id: string;
            /**
             * @description `altered`: the stored event no longer hashes to its leaf. `missing`: its leaf is in the
             *     tree but the event is gone. `removed_by_retention`: gone, dropped by the retention job
             *     (then not a failure: listed in `removed`, never here). `not_in_log`: a stored event
             *     older than the newest checkpoint that has no leaf. `leaf_mismatch`: the stored leaf does
             *     not prove into the signed root (the log's own tables were altered).
             * @enum {string}
             */
            reason: "altered" | "missing" | "not_in_log" | "leaf_mismatch";
            detail: string;
            leaf_index?: number;
        };
        VerifyResult: {
            /** @description True when `failures` is empty. */
            valid: boolean;
            /** @description Events and leaves of the selection checked against the checkpoint. */
            checked: number;
            /** @description Events stored after the newest checkpoint */
            unsealed: number;
            /** @description Events of the selection the retention job dropped, with when. */
            removed: {
                /** Format: uuid */
                event_id: string;
                /** Format: date-time */
                removed_at: string;
            }[];
            /** @description The checkpoint checked against. */
            tree_size: number;
            failures: components["schemas"]["VerifyFailure"][];
        };
        VerifyChainRequest: {
            correlation_id: string;
        };
        VerifyChainResponse: {
            correlation_id: string;
            is_valid: boolean;
            total_events: number;
            verified_events: number;
            tampered_events?: {
                event_id?: string;
                /** Format: date-time */
                event_timestamp?: string;
                expected_hash?: string;
                actual_hash?: string;
                previous_hash?: string;
                message?: string;
            }[];
            /** Format: date-time */
            verification_time: string;
            message: string;
        };
        LegalHoldRequest: {
            correlation_id: string;
            reason: string;
        };
        LegalHoldReleaseRequest: {
            reason?: string;
        };
        LegalHold: {
            /** Format: uuid */
            id: string;
            correlation_id: string;
            reason: string;
            /** @description The token name (or reserved principal) that placed it. */
            placed_by: string;
            /** Format: date-time */
            placed_at: string;
            /** @enum {string} */
            status: "active" | "released";
            /** @description Events of the correlation id stored now. */
            events_affected: number;
            released_by?: string | null;
            /** Format: date-time */
            released_at?: string | null;
            release_reason?: string | null;
        };
        LegalHoldList: {
            holds: components["schemas"]["LegalHold"][];
            total: number;
        };
        LegalHoldCompat: {
            correlation_id: string;
            events_affected: number;
            placed_by: string;
            /** Format: date-time */
            placed_at: string;
            reason: string;
        };
        LegalHoldCompatList: {
            holds: components["schemas"]["LegalHoldCompat"][];
            total: number;
        };
        LegalHoldReleaseCompatRequest: {
            release_reason: string;
        };
        LegalHoldReleasedCompat: {
            correlation_id: string;
            events_released: number;
            released_by: string;
            /** Format: date-time */
            released_at: string;
        };
        /** @description A legal hold placed or released (`datastorage.legal_hold.placed` / `.released`). */
        LegalHoldChangedData: {
            /** Format: uuid */
            hold_id: string;
            correlation_id: string;
            /** @description Who placed or released it. */
            principal: string;
            reason: string | null;
            events_affected?: number;
        };
        /** @description The retention job dropped a monthly partition (`datastorage.retention.partition_dropped`). */
        RetentionPartitionDroppedData: {
            partition: string;
            month: string;
            /** @description Events dropped; their leaves stay in the log. */
            events: number;
            /**
             * Format: date-time
             * @description The latest expiry among them.
             */
            oldest_expiry: string;
        };
    };
    responses: {
        /** @description The request is invalid; `errors` lists every invalid field (with `index` for batches). Any operation answers 400 `bad-request` to a request HTTP cannot frame (bad `Host`, `Content-Length` or `Transfer-Encoding`), with `Connection: close`. */
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
        /** @description No such resource (`not-found`); also the answer to any path the API does not serve. */
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
         * @description A method the path does not serve (`method-not-allowed`), for every path of this document:
         *     `Allow` lists the methods it does serve (`HEAD` wherever `GET` is). A path served as
         *     written wins over a templated one (`GET /api/v1/audit/events/batch` is 405, not a lookup
         *     of the event `batch`).
         */
        MethodNotAllowed: {
            headers: {
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource is not in a state the request can change (`already-released`, `replay-in-progress`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request's headers or body did not arrive in time (`request-timeout`); the connection is closed. */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An `Expect` header other than `100-continue` (`expectation-failed`). */
        ExpectationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request line and headers exceed 16 KiB (`header-fields-too-large`); the connection is closed. */
        HeaderFieldsTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A failure of the service itself (`internal-error`); it is logged, and `detail` says nothing of it. */
        InternalError: {
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
        /** @description Only events of this correlation id (exact match). */
        CorrelationId: string;
        EventType: components["schemas"]["EventType"];
        EventCategory: components["schemas"]["EventCategory"];
        EventOutcome: components["schemas"]["EventOutcome"];
        Severity: components["schemas"]["SeverityText"];
        ActorId: string;
        ResourceType: string;
        ResourceId: string;
        Namespace: string;
        /** @description Only events stored by this credential (`recorded_by`, exact match). */
        RecordedBy: string;
        /** @description Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`, `2w`). With `until`, it must be earlier than `until`: equal bounds select nothing and are refused (400 `validation-error` on `since`). */
        Since: components["schemas"]["TimeBound"];
        /** @description Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now. Must be later than `since` when both are given. */
        Until: components["schemas"]["TimeBound"];
        /** @description Only events of this W3C trace id (32 lowercase hex digits, as the audit client fills it from the active OpenTelemetry span). */
        TraceId: string;
        /** @description With `detail_value`, only events whose `event_data` has this top-level key with that value, compared as text (the string `"42"` and the number `42` both match `42`; a JSON null matches nothing). Both or neither. */
        DetailKey: string;
        /** @description The value `detail_key` must have, exactly (no wildcards). Both or neither. */
        DetailValue: string;
        /**
         * @description Which server answers the read when the service has a read replica (`READ_DATABASE_URL`):
         *     `replica` (the default) may be behind the primary by the replication lag; `primary` sees
         *     every committed write, for a read that must see a write just made. Without a replica both
         *     read the primary. Any other value is refused with 400 `validation-error` naming
         *     `Consistency`.
         */
        Consistency: "replica" | "primary";
        /**
         * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
         *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
         *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
         *     (RFC 9110 §8.4.1), and an empty value is `identity`.
         */
        ContentEncoding: string;
        /** @description A tree size no larger than the newest checkpoint's; default that size. */
        TreeSize: number;
        TreeSizeRequired: number;
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
                /** @description Only events of this correlation id (exact match). */
                correlation_id?: components["parameters"]["CorrelationId"];
                event_type?: components["parameters"]["EventType"];
                event_category?: components["parameters"]["EventCategory"];
                event_outcome?: components["parameters"]["EventOutcome"];
                severity?: components["parameters"]["Severity"];
                actor_id?: components["parameters"]["ActorId"];
                resource_type?: components["parameters"]["ResourceType"];
                resource_id?: components["parameters"]["ResourceId"];
                namespace?: components["parameters"]["Namespace"];
                /** @description Only events stored by this credential (`recorded_by`, exact match). */
                recorded_by?: components["parameters"]["RecordedBy"];
                /** @description Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`, `2w`). With `until`, it must be earlier than `until`: equal bounds select nothing and are refused (400 `validation-error` on `since`). */
                since?: components["parameters"]["Since"];
                /** @description Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now. Must be later than `since` when both are given. */
                until?: components["parameters"]["Until"];
                /** @description Only events of this W3C trace id (32 lowercase hex digits, as the audit client fills it from the active OpenTelemetry span). */
                trace_id?: components["parameters"]["TraceId"];
                limit?: number;
                /** @description Opaque keyset cursor from a previous page's `pagination.next_cursor`, sent back as received. Only a cursor this service issued is accepted (base64url; any other text of that alphabet is refused with 400 `invalid-cursor`). Not together with `offset`. */
                cursor?: string;
                /** @description Rows to skip before the page (offset paging; the cursor is the recommended way). Slower the deeper it goes, and not stable while events are stored: prefer `next_cursor`, which every page still carries. Not together with `cursor`. */
                offset?: number;
                /** @description With `detail_value`, only events whose `event_data` has this top-level key with that value, compared as text (the string `"42"` and the number `42` both match `42`; a JSON null matches nothing). Both or neither. */
                detail_key?: components["parameters"]["DetailKey"];
                /** @description The value `detail_key` must have, exactly (no wildcards). Both or neither. */
                detail_value?: components["parameters"]["DetailValue"];
            };
            header?: {
                /**
                 * @description Which server answers the read when the service has a read replica (`READ_DATABASE_URL`):
                 *     `replica` (the default) may be behind the primary by the replication lag; `primary` sees
                 *     every committed write, for a read that must see a write just made. Without a replica both
                 *     read the primary. Any other value is refused with 400 `validation-error` naming
                 *     `Consistency`.
                 */
                Consistency?: components["parameters"]["Consistency"];
            };
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
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
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
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    exportAuditEvents: {
        parameters: {
            query?: {
                /** @description Only events of this correlation id (exact match). */
                correlation_id?: components["parameters"]["CorrelationId"];
                event_type?: components["parameters"]["EventType"];
                event_category?: components["parameters"]["EventCategory"];
                event_outcome?: components["parameters"]["EventOutcome"];
                severity?: components["parameters"]["Severity"];
                actor_id?: components["parameters"]["ActorId"];
                resource_type?: components["parameters"]["ResourceType"];
                resource_id?: components["parameters"]["ResourceId"];
                namespace?: components["parameters"]["Namespace"];
                /** @description Only events stored by this credential (`recorded_by`, exact match). */
                recorded_by?: components["parameters"]["RecordedBy"];
                /** @description Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`, `2w`). With `until`, it must be earlier than `until`: equal bounds select nothing and are refused (400 `validation-error` on `since`). */
                since?: components["parameters"]["Since"];
                /** @description Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now. Must be later than `since` when both are given. */
                until?: components["parameters"]["Until"];
                /** @description Only events of this W3C trace id (32 lowercase hex digits, as the audit client fills it from the active OpenTelemetry span). */
                trace_id?: components["parameters"]["TraceId"];
                /** @description With `detail_value`, only events whose `event_data` has this top-level key with that value, compared as text (the string `"42"` and the number `42` both match `42`; a JSON null matches nothing). Both or neither. */
                detail_key?: components["parameters"]["DetailKey"];
                /** @description The value `detail_key` must have, exactly (no wildcards). Both or neither. */
                detail_value?: components["parameters"]["DetailValue"];
                /** @description `ndjson` (default) or `csv`. */
                format?: "ndjson" | "csv";
                /** @description At most this many events (the newest); default all that match. */
                limit?: number;
            };
            header?: {
                /**
                 * @description Which server answers the read when the service has a read replica (`READ_DATABASE_URL`):
                 *     `replica` (the default) may be behind the primary by the replication lag; `primary` sees
                 *     every committed write, for a read that must see a write just made. Without a replica both
                 *     read the primary. Any other value is refused with 400 `validation-error` naming
                 *     `Consistency`.
                 */
                Consistency?: components["parameters"]["Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching events, streamed. */
            200: {
                headers: {
                    /** @description `attachment; filename="audit-events-<UTC time>.<ndjson|csv>"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditEventHistogram: {
        parameters: {
            query?: {
                /** @description Only events of this correlation id (exact match). */
                correlation_id?: components["parameters"]["CorrelationId"];
                event_type?: components["parameters"]["EventType"];
                event_category?: components["parameters"]["EventCategory"];
                event_outcome?: components["parameters"]["EventOutcome"];
                severity?: components["parameters"]["Severity"];
                actor_id?: components["parameters"]["ActorId"];
                resource_type?: components["parameters"]["ResourceType"];
                resource_id?: components["parameters"]["ResourceId"];
                namespace?: components["parameters"]["Namespace"];
                /** @description Only events stored by this credential (`recorded_by`, exact match). */
                recorded_by?: components["parameters"]["RecordedBy"];
                /** @description Inclusive lower bound on event_timestamp; RFC 3339 or a relative duration before now (`90s`, `15m`, `24h`, `7d`, `2w`). With `until`, it must be earlier than `until`: equal bounds select nothing and are refused (400 `validation-error` on `since`). */
                since?: components["parameters"]["Since"];
                /** @description Exclusive upper bound on event_timestamp; RFC 3339 or a relative duration before now. Must be later than `since` when both are given. */
                until?: components["parameters"]["Until"];
                /** @description Only events of this W3C trace id (32 lowercase hex digits, as the audit client fills it from the active OpenTelemetry span). */
                trace_id?: components["parameters"]["TraceId"];
                /** @description With `detail_value`, only events whose `event_data` has this top-level key with that value, compared as text (the string `"42"` and the number `42` both match `42`; a JSON null matches nothing). Both or neither. */
                detail_key?: components["parameters"]["DetailKey"];
                /** @description The value `detail_key` must have, exactly (no wildcards). Both or neither. */
                detail_value?: components["parameters"]["DetailValue"];
                /** @description Bucket width. */
                interval?: "1m" | "5m" | "15m" | "1h" | "1d";
            };
            header?: {
                /**
                 * @description Which server answers the read when the service has a read replica (`READ_DATABASE_URL`):
                 *     `replica` (the default) may be behind the primary by the replication lag; `primary` sees
                 *     every committed write, for a read that must see a write just made. Without a replica both
                 *     read the primary. Any other value is refused with 400 `validation-error` naming
                 *     `Consistency`.
                 */
                Consistency?: components["parameters"]["Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The buckets, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventHistogram"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
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
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditEvent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Which server answers the read when the service has a read replica (`READ_DATABASE_URL`):
                 *     `replica` (the default) may be behind the primary by the replication lag; `primary` sees
                 *     every committed write, for a read that must see a write just made. Without a replica both
                 *     read the primary. Any other value is refused with 400 `validation-error` naming
                 *     `Consistency`.
                 */
                Consistency?: components["parameters"]["Consistency"];
            };
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
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replayDeadLetterQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DlqReplayRequest"];
            };
        };
        responses: {
            /** @description The replay ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DlqReplaySummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getLatestCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest checkpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCheckpoint: {
        parameters: {
            query: {
                tree_size: components["parameters"]["TreeSizeRequired"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint signed at `tree_size`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getConsistencyProof: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProof"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInclusionProof: {
        parameters: {
            query?: {
                /** @description A tree size no larger than the newest checkpoint's; default that size. */
                tree_size?: components["parameters"]["TreeSize"];
            };
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProof"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLogLeaves: {
        parameters: {
            query?: {
                start?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The leaves, in leaf order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogLeafPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyAuditEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyRequest"];
            };
        };
        responses: {
            /** @description What the check found. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyChainRequest"];
            };
        };
        responses: {
            /** @description What the check found. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyChainResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLegalHolds: {
        parameters: {
            query?: {
                /** @description `active` (default), `released` or `all`. */
                status?: "active" | "released" | "all";
                correlation_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    placeLegalHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldRequest"];
            };
        };
        responses: {
            /** @description The hold, active from now. */
            201: {
                headers: {
                    /** @description `/api/v1/audit/legal-holds/<id>`. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHold"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    releaseLegalHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path: {
                hold_id: string;
            };
            cookie?: never;
        };
        /** @description Why the hold is released; recorded with the release. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LegalHoldReleaseRequest"];
            };
        };
        responses: {
            /** @description The released hold. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHold"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLegalHoldsCompat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active holds, one entry per hold. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldCompatList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    placeLegalHoldCompat: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldRequest"];
            };
        };
        responses: {
            /** @description The hold is placed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldCompat"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    releaseLegalHoldCompat: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` to send the JSON body compressed; its decompressed size counts against the body
                 *     limit as well (413 beyond). Absent or `identity`: not compressed. Any other coding is
                 *     refused with 415 `unsupported-content-encoding`. Content codings are case-insensitive
                 *     (RFC 9110 §8.4.1), and an empty value is `identity`.
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
            };
            path: {
                correlation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldReleaseCompatRequest"];
            };
        };
        responses: {
            /** @description Released. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldReleasedCompat"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            417: components["responses"]["ExpectationFailed"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    redirectToTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To `/ui/`. */
            302: {
                headers: {
                    Location?: "/ui/";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    redirectToTimelinePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To `/ui/`. */
            302: {
                headers: {
                    Location?: "/ui/";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    getTimelinePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
            /** @description The page is not built (`timeline-not-built`); the detail says how to build it. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTimelineAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                    "text/css": string;
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
            400: components["responses"]["BadRequest"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
            400: components["responses"]["BadRequest"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["HeaderFieldsTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
