// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.
// The fast acceptance check of the envelope of AuditEventRequest (see envelopeCheckModule in
// scripts/generate.mjs): straight-line code, true only when Ajv's validator reports no error.
import { formats, ucs2length } from '../json-schema-runtime.js'

const pattern0 = new RegExp("^[0-9a-f]{16}$", "u")
const format1 = formats["uuid"]!
const format2 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const format3 = /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i
const pattern4 = new RegExp("^[0-9a-f]{32}$", "u")
const pattern5 = new RegExp("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$", "u")
const format6 = formats["date-time"]!
let lastPassed7 = undefined as unknown
const format8 = formats["uuid"]!
const format9 = formats["date-time"]!
let lastPassed10 = undefined as unknown

function codePointsWithin(text: string, min: number, max: number): boolean {
  const n = ucs2length(text)
  return n >= min && n <= max
}

/**
 * True only when the envelope of `e` (a non-null, non-array object) is valid as Ajv decides: every
 * field of AuditEventFields that is own and not `undefined` passes its schema, every required one
 * is there, and no other own enumerable key is (`unevaluatedProperties: false`). It walks the keys
 * with for-in (which reads an ordinary object far faster than own-property checks one by one), so
 * it answers false, "not sure", for what for-in does not see as Ajv does: an object whose prototype
 * is not Object.prototype, an inherited enumerable key, a known field that is there but not
 * enumerable. The full validator then decides.
 */
// biome-ignore lint/suspicious/noExplicitAny: generated code reads the fields of any object.
export function envelopeCheck(e: any): boolean {
  if (Object.getPrototypeOf(e) !== Object.prototype) return false
  let seen = 0
  for (const key in e) {
    const v = e[key]
    switch (key.length) {
      case 7:
        if (key === "version") {
          if (v === undefined || !(typeof v === "string" && v === "1.0")) return false
          seen |= 1
        } else if (key === "span_id") {
          if (v !== undefined && !(typeof v === "string" && pattern0.test(v))) return false
          seen |= 16777216
        } else return false
        break
      case 8:
        if (key === "event_id") {
          if (v !== undefined && !(typeof v === "string" && format1.validate(v))) return false
          seen |= 2
        } else if (key === "actor_id") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 255 && v.length >= 2) || codePointsWithin(v, 1, 255)))) return false
          seen |= 1024
        } else if (key === "actor_ip") {
          if (v !== undefined && !(typeof v === "string" && ((typeof v !== "string" || (format2.test(v))) || (typeof v !== "string" || (format3.test(v)))) && ((v.length <= 45 && v.length >= 0) || codePointsWithin(v, 0, 45)))) return false
          seen |= 2048
        } else if (key === "severity") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 20 && v.length >= 2) || codePointsWithin(v, 1, 20)))) return false
          seen |= 524288
        } else if (key === "trace_id") {
          if (v !== undefined && !(typeof v === "string" && pattern4.test(v))) return false
          seen |= 8388608
        } else return false
        break
      case 9:
        if (key === "namespace") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 255 && v.length >= 0) || codePointsWithin(v, 0, 255)))) return false
          seen |= 131072
        } else return false
        break
      case 10:
        if (key === "event_type") {
          if (v === undefined || !(typeof v === "string" && pattern5.test(v) && ((v.length <= 100 && v.length >= 6) || codePointsWithin(v, 3, 100)))) return false
          seen |= 4
        } else if (key === "event_data") {
          if (v === undefined || !((typeof v === "object" && v !== null && !Array.isArray(v)))) return false
          seen |= 256
        } else if (key === "actor_type") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 50 && v.length >= 2) || codePointsWithin(v, 1, 50)))) return false
          seen |= 512
        } else if (key === "cluster_id") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 255 && v.length >= 0) || codePointsWithin(v, 0, 255)))) return false
          seen |= 262144
        } else if (key === "error_code") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 50 && v.length >= 0) || codePointsWithin(v, 0, 50)))) return false
          seen |= 2097152
        } else return false
        break
      case 11:
        if (key === "resource_id") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 255 && v.length >= 2) || codePointsWithin(v, 1, 255)))) return false
          seen |= 8192
        } else if (key === "duration_ms") {
          if (v !== undefined && !(Number.isInteger(v) && (typeof v !== "number" || (!(v < 0) && !(v > 2147483647))))) return false
          seen |= 1048576
        } else return false
        break
      case 12:
        if (key === "event_action") {
          if (v === undefined || !(typeof v === "string" && ((v.length <= 50 && v.length >= 2) || codePointsWithin(v, 1, 50)))) return false
          seen |= 32
        } else if (key === "is_sensitive") {
          if (v !== undefined && !(typeof v === "boolean")) return false
          seen |= 67108864
        } else return false
        break
      case 13:
        if (key === "event_outcome") {
          if (v === undefined || !(typeof v === "string" && (v === "success" || v === "failure" || v === "pending"))) return false
          seen |= 64
        } else if (key === "resource_type") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 100 && v.length >= 2) || codePointsWithin(v, 1, 100)))) return false
          seen |= 4096
        } else if (key === "resource_name") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 255 && v.length >= 0) || codePointsWithin(v, 0, 255)))) return false
          seen |= 16384
        } else if (key === "error_message") {
          if (v !== undefined && !(typeof v === "string" && ((v.length <= 4096 && v.length >= 0) || codePointsWithin(v, 0, 4096)))) return false
          seen |= 4194304
        } else return false
        break
      case 14:
        if (key === "event_category") {
          if (v === undefined || !(typeof v === "string" && (v === "gateway" || v === "notification" || v === "analysis" || v === "aiagent" || v === "signalprocessing" || v === "workflow" || v === "workflowexecution" || v === "orchestration" || v === "approval" || v === "effectiveness" || v === "actiontype" || v === "apifrontend" || v === "security" || v === "agentsession"))) return false
          seen |= 16
        } else if (key === "correlation_id") {
          if (v === undefined || !(typeof v === "string" && ((v.length <= 255 && v.length >= 2) || codePointsWithin(v, 1, 255)))) return false
          seen |= 128
        } else if (key === "retention_days") {
          if (v !== undefined && !(Number.isInteger(v) && (typeof v !== "number" || (!(v < 1) && !(v > 2555))))) return false
          seen |= 33554432
        } else return false
        break
      case 15:
        if (key === "event_timestamp") {
          if (v === undefined || !(typeof v === "string" && (v === lastPassed7 || (format6.validate(v) && ((lastPassed7 = v), true))))) return false
          seen |= 8
        } else if (key === "parent_event_id") {
          if (v !== undefined && !(typeof v === "string" && format8.validate(v))) return false
          seen |= 32768
        } else return false
        break
      case 17:
        if (key === "parent_event_date") {
          if (v !== undefined && !(typeof v === "string" && (v === lastPassed10 || (format9.validate(v) && ((lastPassed10 = v), true))))) return false
          seen |= 65536
        } else return false
        break
      default:
        return false
    }
  }
  if ((seen & 509) !== 509) return false
  // A known field for-in did not see, yet there: not enumerable, or inherited. Not sure.
  if ((seen & 2) === 0 && e.event_id !== undefined) return false
  if ((seen & 512) === 0 && e.actor_type !== undefined) return false
  if ((seen & 1024) === 0 && e.actor_id !== undefined) return false
  if ((seen & 2048) === 0 && e.actor_ip !== undefined) return false
  if ((seen & 4096) === 0 && e.resource_type !== undefined) return false
  if ((seen & 8192) === 0 && e.resource_id !== undefined) return false
  if ((seen & 16384) === 0 && e.resource_name !== undefined) return false
  if ((seen & 32768) === 0 && e.parent_event_id !== undefined) return false
  if ((seen & 65536) === 0 && e.parent_event_date !== undefined) return false
  if ((seen & 131072) === 0 && e.namespace !== undefined) return false
  if ((seen & 262144) === 0 && e.cluster_id !== undefined) return false
  if ((seen & 524288) === 0 && e.severity !== undefined) return false
  if ((seen & 1048576) === 0 && e.duration_ms !== undefined) return false
  if ((seen & 2097152) === 0 && e.error_code !== undefined) return false
  if ((seen & 4194304) === 0 && e.error_message !== undefined) return false
  if ((seen & 8388608) === 0 && e.trace_id !== undefined) return false
  if ((seen & 16777216) === 0 && e.span_id !== undefined) return false
  if ((seen & 33554432) === 0 && e.retention_days !== undefined) return false
  if ((seen & 67108864) === 0 && e.is_sensitive !== undefined) return false
  return true
}
