// Generated from openapi/datastorage.yaml by scripts/generate.mjs. Do not edit.
// @ts-nocheck: Ajv standalone code (untyped JavaScript); the export below carries its type.
// The JSON Schema of components.schemas.AuditEventRequest (JSON Schema 2020-12, all errors, own
// properties only; date-time and uuid strict, as PostgreSQL stores them, the other formats those of
// ajv-formats’ "full" mode). Its run-time helpers come from ../json-schema-runtime.ts (formats used
// by name: uuid, date-time), not from ajv.
import { type CompiledValidator, ucs2length, formats } from '../json-schema-runtime.js'

/** Validates an audit event request; on `false`, `validateAuditEventRequest.errors` says why. */
export const validateAuditEventRequest: CompiledValidator = validate20

const schema31 = {"$ref":"datastorage.yaml#/components/schemas/AuditEventRequest"};
const schema33 = {"description":"An audit event as written by a service. Known event types are validated against their typed `event_data` schema.","allOf":[{"$ref":"#/components/schemas/AuditEventFields"},{"$ref":"#/components/schemas/EventDataCatalog"}],"required":["version","event_type","event_timestamp","event_category","event_action","event_outcome","correlation_id","event_data"],"unevaluatedProperties":false};
const schema34 = {"type":"object","properties":{"version":{"type":"string","const":"1.0"},"event_id":{"type":"string","format":"uuid","description":"Idempotency key: a UUID as `8-4-4-4-12` hex digits, either case, without `urn:uuid:` prefix or braces. The audit client always sets one (UUIDv7)."},"event_type":{"$ref":"#/components/schemas/EventType"},"event_timestamp":{"type":"string","format":"date-time","description":"RFC 3339, strictly: `YYYY-MM-DD`, `T` (or `t` or one space), `HH:MM:SS`, an optional fraction of 1 to 9 digits, then `Z` or `±HH:MM` (up to ±23:59). No leap second (`:60`): PostgreSQL cannot store one. Stored in UTC with microseconds (further digits truncated); the instant must lie in years 0001 to 9999 in UTC. At most 1 hour in the future (clock-skew guard); older timestamps are accepted.","x-max-future-seconds":3600},"event_category":{"$ref":"#/components/schemas/EventCategory"},"event_action":{"type":"string","minLength":1,"maxLength":50},"event_outcome":{"$ref":"#/components/schemas/EventOutcome"},"correlation_id":{"type":"string","minLength":1,"maxLength":255},"event_data":{"$ref":"#/components/schemas/EventData"},"actor_type":{"type":"string","minLength":1,"maxLength":50},"actor_id":{"type":"string","minLength":1,"maxLength":255},"actor_ip":{"type":"string","maxLength":45,"anyOf":[{"format":"ipv4"},{"format":"ipv6"}]},"resource_type":{"type":"string","minLength":1,"maxLength":100},"resource_id":{"type":"string","minLength":1,"maxLength":255},"resource_name":{"type":"string","maxLength":255},"parent_event_id":{"type":"string","format":"uuid"},"parent_event_date":{"type":"string","format":"date-time","description":"The parent event's `event_timestamp`, sent beside `parent_event_id` by clients of the system this one replaces. Same rules as `event_timestamp` (strict RFC 3339, years 0001 to 9999 in UTC), without the future guard; stored in UTC with microseconds and returned in that form. Omit it rather than send `null`."},"namespace":{"type":"string","maxLength":255,"description":"May be empty (single-cluster setups send `\"\"`)."},"cluster_id":{"type":"string","maxLength":255,"description":"May be empty (single-cluster setups send `\"\"`); stored as sent."},"severity":{"$ref":"#/components/schemas/SeverityText"},"duration_ms":{"type":"integer","minimum":0,"maximum":2147483647},"error_code":{"type":"string","maxLength":50},"error_message":{"type":"string","maxLength":4096},"trace_id":{"type":"string","pattern":"^[0-9a-f]{32}$"},"span_id":{"type":"string","pattern":"^[0-9a-f]{16}$"},"retention_days":{"type":"integer","minimum":1,"maximum":2555,"default":2555},"is_sensitive":{"type":"boolean","default":false}}};
const schema35 = {"type":"string","description":"Dot-separated segments of lowercase letters, digits and underscores, each starting with a letter: `<service>.<category>.<action>` as a rule, two segments accepted (`remediation.workflow_created`).","minLength":3,"maxLength":100,"pattern":"^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"};
const schema36 = {"type":"string","enum":["gateway","notification","analysis","aiagent","signalprocessing","workflow","workflowexecution","orchestration","approval","effectiveness","actiontype","apifrontend","security","agentsession"]};
const schema37 = {"type":"string","enum":["success","failure","pending"]};
const schema38 = {"type":"object","description":"Free-form event payload. At most 256 KiB serialized and nesting depth at most 10 (checked by the service).","x-max-bytes":262144,"x-max-depth":10,"additionalProperties":true};
const schema39 = {"type":"string","minLength":1,"maxLength":20,"description":"A severity as the emitter names it: one of `Severity`'s levels is recommended, any other word up to 20 characters (`high`, `low`, `medium`: the levels of the system this one replaces) is stored as sent.","examples":["info","warning","critical","high"]};
const func0 = Object.prototype.hasOwnProperty;
const func63 = ucs2length;
const formats0 = formats.uuid;
const formats2 = formats["date-time"];
const formats4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const formats6 = /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;
const pattern4 = new RegExp("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$", "u");
const pattern5 = new RegExp("^[0-9a-f]{32}$", "u");
const pattern6 = new RegExp("^[0-9a-f]{16}$", "u");

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version !== undefined && func0.call(data, "version")){
let data0 = data.version;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if("1.0" !== data0){
const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: "1.0"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.event_id !== undefined && func0.call(data, "event_id")){
let data1 = data.event_id;
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
const err2 = {instancePath:instancePath+"/event_id",schemaPath:"#/properties/event_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/event_id",schemaPath:"#/properties/event_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.event_type !== undefined && func0.call(data, "event_type")){
let data2 = data.event_type;
if(typeof data2 === "string"){
if(func63(data2) > 100){
const err4 = {instancePath:instancePath+"/event_type",schemaPath:"#/components/schemas/EventType/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func63(data2) < 3){
const err5 = {instancePath:instancePath+"/event_type",schemaPath:"#/components/schemas/EventType/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!pattern4.test(data2)){
const err6 = {instancePath:instancePath+"/event_type",schemaPath:"#/components/schemas/EventType/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/event_type",schemaPath:"#/components/schemas/EventType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.event_timestamp !== undefined && func0.call(data, "event_timestamp")){
let data3 = data.event_timestamp;
if(typeof data3 === "string"){
if(!(formats2.validate(data3))){
const err8 = {instancePath:instancePath+"/event_timestamp",schemaPath:"#/properties/event_timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/event_timestamp",schemaPath:"#/properties/event_timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.event_category !== undefined && func0.call(data, "event_category")){
let data4 = data.event_category;
if(typeof data4 !== "string"){
const err10 = {instancePath:instancePath+"/event_category",schemaPath:"#/components/schemas/EventCategory/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((((((((((((((data4 === "gateway") || (data4 === "notification")) || (data4 === "analysis")) || (data4 === "aiagent")) || (data4 === "signalprocessing")) || (data4 === "workflow")) || (data4 === "workflowexecution")) || (data4 === "orchestration")) || (data4 === "approval")) || (data4 === "effectiveness")) || (data4 === "actiontype")) || (data4 === "apifrontend")) || (data4 === "security")) || (data4 === "agentsession"))){
const err11 = {instancePath:instancePath+"/event_category",schemaPath:"#/components/schemas/EventCategory/enum",keyword:"enum",params:{allowedValues: schema36.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.event_action !== undefined && func0.call(data, "event_action")){
let data5 = data.event_action;
if(typeof data5 === "string"){
if(func63(data5) > 50){
const err12 = {instancePath:instancePath+"/event_action",schemaPath:"#/properties/event_action/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func63(data5) < 1){
const err13 = {instancePath:instancePath+"/event_action",schemaPath:"#/properties/event_action/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/event_action",schemaPath:"#/properties/event_action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.event_outcome !== undefined && func0.call(data, "event_outcome")){
let data6 = data.event_outcome;
if(typeof data6 !== "string"){
const err15 = {instancePath:instancePath+"/event_outcome",schemaPath:"#/components/schemas/EventOutcome/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!(((data6 === "success") || (data6 === "failure")) || (data6 === "pending"))){
const err16 = {instancePath:instancePath+"/event_outcome",schemaPath:"#/components/schemas/EventOutcome/enum",keyword:"enum",params:{allowedValues: schema37.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.correlation_id !== undefined && func0.call(data, "correlation_id")){
let data7 = data.correlation_id;
if(typeof data7 === "string"){
if(func63(data7) > 255){
const err17 = {instancePath:instancePath+"/correlation_id",schemaPath:"#/properties/correlation_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(func63(data7) < 1){
const err18 = {instancePath:instancePath+"/correlation_id",schemaPath:"#/properties/correlation_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/correlation_id",schemaPath:"#/properties/correlation_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data8 = data.event_data;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
}
else {
const err20 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/EventData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.actor_type !== undefined && func0.call(data, "actor_type")){
let data9 = data.actor_type;
if(typeof data9 === "string"){
if(func63(data9) > 50){
const err21 = {instancePath:instancePath+"/actor_type",schemaPath:"#/properties/actor_type/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(func63(data9) < 1){
const err22 = {instancePath:instancePath+"/actor_type",schemaPath:"#/properties/actor_type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/actor_type",schemaPath:"#/properties/actor_type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.actor_id !== undefined && func0.call(data, "actor_id")){
let data10 = data.actor_id;
if(typeof data10 === "string"){
if(func63(data10) > 255){
const err24 = {instancePath:instancePath+"/actor_id",schemaPath:"#/properties/actor_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(func63(data10) < 1){
const err25 = {instancePath:instancePath+"/actor_id",schemaPath:"#/properties/actor_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/actor_id",schemaPath:"#/properties/actor_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.actor_ip !== undefined && func0.call(data, "actor_ip")){
let data11 = data.actor_ip;
const _errs30 = errors;
let valid5 = false;
const _errs31 = errors;
if(typeof data11 === "string"){
if(!(formats4.test(data11))){
const err27 = {instancePath:instancePath+"/actor_ip",schemaPath:"#/properties/actor_ip/anyOf/0/format",keyword:"format",params:{format: "ipv4"},message:"must match format \""+"ipv4"+"\""};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
var _valid0 = _errs31 === errors;
valid5 = valid5 || _valid0;
const _errs32 = errors;
if(typeof data11 === "string"){
if(!(formats6.test(data11))){
const err28 = {instancePath:instancePath+"/actor_ip",schemaPath:"#/properties/actor_ip/anyOf/1/format",keyword:"format",params:{format: "ipv6"},message:"must match format \""+"ipv6"+"\""};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
var _valid0 = _errs32 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const err29 = {instancePath:instancePath+"/actor_ip",schemaPath:"#/properties/actor_ip/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
if(typeof data11 === "string"){
if(func63(data11) > 45){
const err30 = {instancePath:instancePath+"/actor_ip",schemaPath:"#/properties/actor_ip/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/actor_ip",schemaPath:"#/properties/actor_ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.resource_type !== undefined && func0.call(data, "resource_type")){
let data12 = data.resource_type;
if(typeof data12 === "string"){
if(func63(data12) > 100){
const err32 = {instancePath:instancePath+"/resource_type",schemaPath:"#/properties/resource_type/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(func63(data12) < 1){
const err33 = {instancePath:instancePath+"/resource_type",schemaPath:"#/properties/resource_type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/resource_type",schemaPath:"#/properties/resource_type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.resource_id !== undefined && func0.call(data, "resource_id")){
let data13 = data.resource_id;
if(typeof data13 === "string"){
if(func63(data13) > 255){
const err35 = {instancePath:instancePath+"/resource_id",schemaPath:"#/properties/resource_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(func63(data13) < 1){
const err36 = {instancePath:instancePath+"/resource_id",schemaPath:"#/properties/resource_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/resource_id",schemaPath:"#/properties/resource_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.resource_name !== undefined && func0.call(data, "resource_name")){
let data14 = data.resource_name;
if(typeof data14 === "string"){
if(func63(data14) > 255){
const err38 = {instancePath:instancePath+"/resource_name",schemaPath:"#/properties/resource_name/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/resource_name",schemaPath:"#/properties/resource_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.parent_event_id !== undefined && func0.call(data, "parent_event_id")){
let data15 = data.parent_event_id;
if(typeof data15 === "string"){
if(!(formats0.validate(data15))){
const err40 = {instancePath:instancePath+"/parent_event_id",schemaPath:"#/properties/parent_event_id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/parent_event_id",schemaPath:"#/properties/parent_event_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.parent_event_date !== undefined && func0.call(data, "parent_event_date")){
let data16 = data.parent_event_date;
if(typeof data16 === "string"){
if(!(formats2.validate(data16))){
const err42 = {instancePath:instancePath+"/parent_event_date",schemaPath:"#/properties/parent_event_date/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/parent_event_date",schemaPath:"#/properties/parent_event_date/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.namespace !== undefined && func0.call(data, "namespace")){
let data17 = data.namespace;
if(typeof data17 === "string"){
if(func63(data17) > 255){
const err44 = {instancePath:instancePath+"/namespace",schemaPath:"#/properties/namespace/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/namespace",schemaPath:"#/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.cluster_id !== undefined && func0.call(data, "cluster_id")){
let data18 = data.cluster_id;
if(typeof data18 === "string"){
if(func63(data18) > 255){
const err46 = {instancePath:instancePath+"/cluster_id",schemaPath:"#/properties/cluster_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/cluster_id",schemaPath:"#/properties/cluster_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.severity !== undefined && func0.call(data, "severity")){
let data19 = data.severity;
if(typeof data19 === "string"){
if(func63(data19) > 20){
const err48 = {instancePath:instancePath+"/severity",schemaPath:"#/components/schemas/SeverityText/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(func63(data19) < 1){
const err49 = {instancePath:instancePath+"/severity",schemaPath:"#/components/schemas/SeverityText/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/severity",schemaPath:"#/components/schemas/SeverityText/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.duration_ms !== undefined && func0.call(data, "duration_ms")){
let data20 = data.duration_ms;
if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){
const err51 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/properties/duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(typeof data20 == "number"){
if(data20 > 2147483647 || isNaN(data20)){
const err52 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/properties/duration_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data20 < 0 || isNaN(data20)){
const err53 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/properties/duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
if(data.error_code !== undefined && func0.call(data, "error_code")){
let data21 = data.error_code;
if(typeof data21 === "string"){
if(func63(data21) > 50){
const err54 = {instancePath:instancePath+"/error_code",schemaPath:"#/properties/error_code/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/error_code",schemaPath:"#/properties/error_code/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data.error_message !== undefined && func0.call(data, "error_message")){
let data22 = data.error_message;
if(typeof data22 === "string"){
if(func63(data22) > 4096){
const err56 = {instancePath:instancePath+"/error_message",schemaPath:"#/properties/error_message/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/error_message",schemaPath:"#/properties/error_message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data.trace_id !== undefined && func0.call(data, "trace_id")){
let data23 = data.trace_id;
if(typeof data23 === "string"){
if(!pattern5.test(data23)){
const err58 = {instancePath:instancePath+"/trace_id",schemaPath:"#/properties/trace_id/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{32}$"},message:"must match pattern \""+"^[0-9a-f]{32}$"+"\""};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/trace_id",schemaPath:"#/properties/trace_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.span_id !== undefined && func0.call(data, "span_id")){
let data24 = data.span_id;
if(typeof data24 === "string"){
if(!pattern6.test(data24)){
const err60 = {instancePath:instancePath+"/span_id",schemaPath:"#/properties/span_id/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{16}$"},message:"must match pattern \""+"^[0-9a-f]{16}$"+"\""};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/span_id",schemaPath:"#/properties/span_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data.retention_days !== undefined && func0.call(data, "retention_days")){
let data25 = data.retention_days;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
const err62 = {instancePath:instancePath+"/retention_days",schemaPath:"#/properties/retention_days/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(typeof data25 == "number"){
if(data25 > 2555 || isNaN(data25)){
const err63 = {instancePath:instancePath+"/retention_days",schemaPath:"#/properties/retention_days/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2555},message:"must be <= 2555"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(data25 < 1 || isNaN(data25)){
const err64 = {instancePath:instancePath+"/retention_days",schemaPath:"#/properties/retention_days/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
if(data.is_sensitive !== undefined && func0.call(data, "is_sensitive")){
if(typeof data.is_sensitive !== "boolean"){
const err65 = {instancePath:instancePath+"/is_sensitive",schemaPath:"#/properties/is_sensitive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":{"version":true,"event_id":true,"event_type":true,"event_timestamp":true,"event_category":true,"event_action":true,"event_outcome":true,"correlation_id":true,"event_data":true,"actor_type":true,"actor_id":true,"actor_ip":true,"resource_type":true,"resource_id":true,"resource_name":true,"parent_event_id":true,"parent_event_date":true,"namespace":true,"cluster_id":true,"severity":true,"duration_ms":true,"error_code":true,"error_message":true,"trace_id":true,"span_id":true,"retention_days":true,"is_sensitive":true},"dynamicProps":false,"dynamicItems":false};

const schema40 = {"description":"Selects the typed `event_data` schema for known core event types.","allOf":[{"if":{"properties":{"event_type":{"const":"gateway.signal.received"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/GatewaySignalReceivedData"}}}},{"if":{"properties":{"event_type":{"const":"gateway.crd.created"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/GatewayCrdCreatedData"}}}},{"if":{"properties":{"event_type":{"const":"orchestrator.lifecycle.started"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/OrchestratorLifecycleData"}}}},{"if":{"properties":{"event_type":{"const":"orchestrator.lifecycle.completed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/OrchestratorLifecycleData"}}}},{"if":{"properties":{"event_type":{"const":"orchestrator.lifecycle.failed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/OrchestratorLifecycleFailedData"}}}},{"if":{"properties":{"event_type":{"enum":["orchestrator.approval.requested","orchestrator.approval.approved","orchestrator.approval.rejected"]}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/ApprovalData"}}}},{"if":{"properties":{"event_type":{"const":"signalprocessing.signal.processed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/SignalProcessedData"}}}},{"if":{"properties":{"event_type":{"const":"signalprocessing.classification.decision"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/ClassificationDecisionData"}}}},{"if":{"properties":{"event_type":{"const":"signalprocessing.enrichment.completed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/EnrichmentCompletedData"}}}},{"if":{"properties":{"event_type":{"const":"aianalysis.analysis.completed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/AnalysisCompletedData"}}}},{"if":{"properties":{"event_type":{"const":"aianalysis.analysis.failed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/AnalysisFailedData"}}}},{"if":{"properties":{"event_type":{"const":"workflowexecution.workflow.started"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/WorkflowStartedData"}}}},{"if":{"properties":{"event_type":{"const":"workflowexecution.workflow.completed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/WorkflowCompletedData"}}}},{"if":{"properties":{"event_type":{"const":"workflowexecution.workflow.failed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/WorkflowFailedData"}}}},{"if":{"properties":{"event_type":{"const":"notification.message.sent"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/NotificationSentData"}}}},{"if":{"properties":{"event_type":{"const":"notification.message.failed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/NotificationFailedData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.auth.failed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/AuthFailedData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.auth.denied"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/AuthDeniedData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.ratelimit.denied"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/RateLimitDeniedData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.tokens.reloaded"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/TokensReloadedData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.tokens.rejected"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/TokensRejectedData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.audit.read"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/AuditReadData"}}}},{"if":{"properties":{"event_type":{"const":"datastorage.dlq.replayed"}},"required":["event_type"]},"then":{"properties":{"event_data":{"$ref":"#/components/schemas/DlqReplayedData"}}}}]};
const schema41 = {"type":"object","required":["signal_name","signal_source","fingerprint"],"properties":{"signal_name":{"type":"string","minLength":1,"maxLength":255},"signal_source":{"type":"string","minLength":1,"maxLength":100,"description":"e.g. prometheus","kubernetes-events":null},"fingerprint":{"type":"string","minLength":1,"maxLength":128},"severity":{"type":"string","maxLength":50},"labels":{"type":"object","additionalProperties":{"type":"string"}}}};
const schema42 = {"type":"object","required":["crd_name","crd_namespace","fingerprint"],"properties":{"crd_name":{"type":"string","minLength":1,"maxLength":253},"crd_namespace":{"type":"string","minLength":1,"maxLength":63},"fingerprint":{"type":"string","minLength":1,"maxLength":128}}};
const schema43 = {"type":"object","required":["remediation_request","phase"],"properties":{"remediation_request":{"type":"string","minLength":1,"maxLength":253},"phase":{"type":"string","minLength":1,"maxLength":50},"duration_ms":{"type":"integer","minimum":0}}};
const schema47 = {"type":"object","required":["approval_request","decision"],"properties":{"approval_request":{"type":"string","minLength":1,"maxLength":253},"decision":{"type":"string","enum":["requested","approved","rejected"]},"decided_by":{"type":"string","maxLength":255},"reason":{"type":"string","maxLength":1024}}};
const schema48 = {"type":"object","required":["signal_name","phase"],"properties":{"signal_name":{"type":"string","minLength":1,"maxLength":255},"phase":{"type":"string","minLength":1,"maxLength":50},"environment":{"type":"string","maxLength":50},"priority":{"type":"string","maxLength":10}}};
const schema49 = {"type":"object","required":["classification","confidence"],"properties":{"classification":{"type":"string","minLength":1,"maxLength":100},"confidence":{"type":"number","minimum":0,"maximum":1},"source":{"type":"string","maxLength":100}}};
const schema50 = {"type":"object","required":["signal_name","enrichment_duration_ms"],"properties":{"signal_name":{"type":"string","minLength":1,"maxLength":255},"enrichment_duration_ms":{"type":"integer","minimum":0},"owner_chain_length":{"type":"integer","minimum":0},"degraded":{"type":"boolean"}}};
const schema51 = {"type":"object","required":["analysis_name","root_cause"],"properties":{"analysis_name":{"type":"string","minLength":1,"maxLength":253},"root_cause":{"type":"string","minLength":1,"maxLength":4096},"confidence":{"type":"number","minimum":0,"maximum":1},"selected_workflow":{"type":"string","maxLength":255},"approval_required":{"type":"boolean"}}};
const schema52 = {"type":"object","required":["analysis_name","failure_reason"],"properties":{"analysis_name":{"type":"string","minLength":1,"maxLength":253},"failure_reason":{"type":"string","minLength":1,"maxLength":4096}}};
const schema53 = {"type":"object","required":["workflow_id","workflow_execution"],"properties":{"workflow_id":{"type":"string","minLength":1,"maxLength":255},"workflow_execution":{"type":"string","minLength":1,"maxLength":253},"target_resource":{"type":"string","maxLength":512}}};
const schema58 = {"type":"object","required":["notification_id","channel"],"properties":{"notification_id":{"type":"string","minLength":1,"maxLength":255},"channel":{"type":"string","enum":["slack","email","pagerduty","teams","webhook","console"]},"recipient":{"type":"string","maxLength":512}}};
const schema67 = {"type":"object","required":["file","trigger","tokens","added","removed","changed"],"properties":{"file":{"type":"string","maxLength":4096},"trigger":{"type":"string","enum":["startup","file_change","sighup"]},"tokens":{"type":"integer","minimum":0,"description":"Tokens in force after the reload."},"added":{"type":"array","items":{"type":"string"},"description":"Names of the new tokens."},"removed":{"type":"array","items":{"type":"string"}},"changed":{"type":"array","items":{"type":"string"},"description":"Names whose hash or scopes changed."}}};
const schema68 = {"type":"object","required":["file","trigger","reason"],"properties":{"file":{"type":"string","maxLength":4096},"trigger":{"type":"string","enum":["startup","file_change","sighup"]},"reason":{"type":"string","maxLength":4096,"description":"Why the file was refused; the last good set stays in force."}}};
const schema69 = {"description":"One read of audit data. Recording it is a write, and writes are never recorded, so a read of\nthese events adds exactly one event and no chain follows.\n","type":"object","required":["principal","operation","rows","status"],"properties":{"principal":{"type":"string","maxLength":255,"description":"The reader: a token name or a reserved name of `recorded_by`."},"operation":{"type":"string","enum":["query","get","dlq_messages"]},"filters":{"type":"object","description":"The query's parameters as sent (the cursor left out).","additionalProperties":{"type":"string"}},"event_id":{"type":"string","description":"The id asked for (`get`)."},"rows":{"type":"integer","minimum":0,"description":"Events returned."},"status":{"type":"integer","description":"The HTTP status answered."}}};
const schema70 = {"type":"object","required":["trigger","stream","done","created","poisoned"],"properties":{"trigger":{"type":"string","enum":["cli"]},"operator":{"type":"string","maxLength":255,"description":"The operating-system user who ran the command."},"stream":{"type":"string","maxLength":255},"done":{"type":"integer","minimum":0},"created":{"type":"integer","minimum":0},"poisoned":{"type":"integer","minimum":0},"waiting":{"type":"integer","minimum":0}}};
const schema45 = {"allOf":[{"$ref":"#/components/schemas/OrchestratorLifecycleData"},{"type":"object","required":["failure_reason"],"properties":{"failure_reason":{"type":"string","minLength":1,"maxLength":1024}}}]};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.remediation_request === undefined) || (!(func0.call(data, "remediation_request")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/OrchestratorLifecycleData/required",keyword:"required",params:{missingProperty: "remediation_request"},message:"must have required property '"+"remediation_request"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.phase === undefined) || (!(func0.call(data, "phase")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/OrchestratorLifecycleData/required",keyword:"required",params:{missingProperty: "phase"},message:"must have required property '"+"phase"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.remediation_request !== undefined && func0.call(data, "remediation_request")){
let data0 = data.remediation_request;
if(typeof data0 === "string"){
if(func63(data0) > 253){
const err2 = {instancePath:instancePath+"/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func63(data0) < 1){
const err3 = {instancePath:instancePath+"/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.phase !== undefined && func0.call(data, "phase")){
let data1 = data.phase;
if(typeof data1 === "string"){
if(func63(data1) > 50){
const err5 = {instancePath:instancePath+"/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func63(data1) < 1){
const err6 = {instancePath:instancePath+"/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.duration_ms !== undefined && func0.call(data, "duration_ms")){
let data2 = data.duration_ms;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err8 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
const err9 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/components/schemas/OrchestratorLifecycleData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.failure_reason === undefined) || (!(func0.call(data, "failure_reason")))){
const err11 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "failure_reason"},message:"must have required property '"+"failure_reason"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.failure_reason !== undefined && func0.call(data, "failure_reason")){
let data3 = data.failure_reason;
if(typeof data3 === "string"){
if(func63(data3) > 1024){
const err12 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func63(data3) < 1){
const err13 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":{"failure_reason":true,"remediation_request":true,"phase":true,"duration_ms":true},"dynamicProps":false,"dynamicItems":false};

const schema54 = {"allOf":[{"$ref":"#/components/schemas/WorkflowStartedData"},{"type":"object","required":["duration_ms"],"properties":{"duration_ms":{"type":"integer","minimum":0}}}]};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.workflow_id === undefined) || (!(func0.call(data, "workflow_id")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/WorkflowStartedData/required",keyword:"required",params:{missingProperty: "workflow_id"},message:"must have required property '"+"workflow_id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.workflow_execution === undefined) || (!(func0.call(data, "workflow_execution")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/WorkflowStartedData/required",keyword:"required",params:{missingProperty: "workflow_execution"},message:"must have required property '"+"workflow_execution"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.workflow_id !== undefined && func0.call(data, "workflow_id")){
let data0 = data.workflow_id;
if(typeof data0 === "string"){
if(func63(data0) > 255){
const err2 = {instancePath:instancePath+"/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func63(data0) < 1){
const err3 = {instancePath:instancePath+"/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.workflow_execution !== undefined && func0.call(data, "workflow_execution")){
let data1 = data.workflow_execution;
if(typeof data1 === "string"){
if(func63(data1) > 253){
const err5 = {instancePath:instancePath+"/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func63(data1) < 1){
const err6 = {instancePath:instancePath+"/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.target_resource !== undefined && func0.call(data, "target_resource")){
let data2 = data.target_resource;
if(typeof data2 === "string"){
if(func63(data2) > 512){
const err8 = {instancePath:instancePath+"/target_resource",schemaPath:"#/components/schemas/WorkflowStartedData/properties/target_resource/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/target_resource",schemaPath:"#/components/schemas/WorkflowStartedData/properties/target_resource/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/components/schemas/WorkflowStartedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.duration_ms === undefined) || (!(func0.call(data, "duration_ms")))){
const err11 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "duration_ms"},message:"must have required property '"+"duration_ms"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.duration_ms !== undefined && func0.call(data, "duration_ms")){
let data3 = data.duration_ms;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
const err12 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/allOf/1/properties/duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
const err13 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/allOf/1/properties/duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":{"duration_ms":true,"workflow_id":true,"workflow_execution":true,"target_resource":true},"dynamicProps":false,"dynamicItems":false};

const schema56 = {"allOf":[{"$ref":"#/components/schemas/WorkflowStartedData"},{"type":"object","required":["failure_reason"],"properties":{"failure_reason":{"type":"string","minLength":1,"maxLength":4096},"duration_ms":{"type":"integer","minimum":0}}}]};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.workflow_id === undefined) || (!(func0.call(data, "workflow_id")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/WorkflowStartedData/required",keyword:"required",params:{missingProperty: "workflow_id"},message:"must have required property '"+"workflow_id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.workflow_execution === undefined) || (!(func0.call(data, "workflow_execution")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/WorkflowStartedData/required",keyword:"required",params:{missingProperty: "workflow_execution"},message:"must have required property '"+"workflow_execution"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.workflow_id !== undefined && func0.call(data, "workflow_id")){
let data0 = data.workflow_id;
if(typeof data0 === "string"){
if(func63(data0) > 255){
const err2 = {instancePath:instancePath+"/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func63(data0) < 1){
const err3 = {instancePath:instancePath+"/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.workflow_execution !== undefined && func0.call(data, "workflow_execution")){
let data1 = data.workflow_execution;
if(typeof data1 === "string"){
if(func63(data1) > 253){
const err5 = {instancePath:instancePath+"/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func63(data1) < 1){
const err6 = {instancePath:instancePath+"/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.target_resource !== undefined && func0.call(data, "target_resource")){
let data2 = data.target_resource;
if(typeof data2 === "string"){
if(func63(data2) > 512){
const err8 = {instancePath:instancePath+"/target_resource",schemaPath:"#/components/schemas/WorkflowStartedData/properties/target_resource/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/target_resource",schemaPath:"#/components/schemas/WorkflowStartedData/properties/target_resource/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/components/schemas/WorkflowStartedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.failure_reason === undefined) || (!(func0.call(data, "failure_reason")))){
const err11 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "failure_reason"},message:"must have required property '"+"failure_reason"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.failure_reason !== undefined && func0.call(data, "failure_reason")){
let data3 = data.failure_reason;
if(typeof data3 === "string"){
if(func63(data3) > 4096){
const err12 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func63(data3) < 1){
const err13 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.duration_ms !== undefined && func0.call(data, "duration_ms")){
let data4 = data.duration_ms;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err15 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/allOf/1/properties/duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
const err16 = {instancePath:instancePath+"/duration_ms",schemaPath:"#/allOf/1/properties/duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":{"failure_reason":true,"duration_ms":true,"workflow_id":true,"workflow_execution":true,"target_resource":true},"dynamicProps":false,"dynamicItems":false};

const schema59 = {"allOf":[{"$ref":"#/components/schemas/NotificationSentData"},{"type":"object","required":["failure_reason"],"properties":{"failure_reason":{"type":"string","minLength":1,"maxLength":4096}}}]};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.notification_id === undefined) || (!(func0.call(data, "notification_id")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/NotificationSentData/required",keyword:"required",params:{missingProperty: "notification_id"},message:"must have required property '"+"notification_id"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.channel === undefined) || (!(func0.call(data, "channel")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/NotificationSentData/required",keyword:"required",params:{missingProperty: "channel"},message:"must have required property '"+"channel"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.notification_id !== undefined && func0.call(data, "notification_id")){
let data0 = data.notification_id;
if(typeof data0 === "string"){
if(func63(data0) > 255){
const err2 = {instancePath:instancePath+"/notification_id",schemaPath:"#/components/schemas/NotificationSentData/properties/notification_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func63(data0) < 1){
const err3 = {instancePath:instancePath+"/notification_id",schemaPath:"#/components/schemas/NotificationSentData/properties/notification_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/notification_id",schemaPath:"#/components/schemas/NotificationSentData/properties/notification_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.channel !== undefined && func0.call(data, "channel")){
let data1 = data.channel;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/channel",schemaPath:"#/components/schemas/NotificationSentData/properties/channel/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((((((data1 === "slack") || (data1 === "email")) || (data1 === "pagerduty")) || (data1 === "teams")) || (data1 === "webhook")) || (data1 === "console"))){
const err6 = {instancePath:instancePath+"/channel",schemaPath:"#/components/schemas/NotificationSentData/properties/channel/enum",keyword:"enum",params:{allowedValues: schema58.properties.channel.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.recipient !== undefined && func0.call(data, "recipient")){
let data2 = data.recipient;
if(typeof data2 === "string"){
if(func63(data2) > 512){
const err7 = {instancePath:instancePath+"/recipient",schemaPath:"#/components/schemas/NotificationSentData/properties/recipient/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/recipient",schemaPath:"#/components/schemas/NotificationSentData/properties/recipient/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/components/schemas/NotificationSentData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.failure_reason === undefined) || (!(func0.call(data, "failure_reason")))){
const err10 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "failure_reason"},message:"must have required property '"+"failure_reason"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.failure_reason !== undefined && func0.call(data, "failure_reason")){
let data3 = data.failure_reason;
if(typeof data3 === "string"){
if(func63(data3) > 4096){
const err11 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(func63(data3) < 1){
const err12 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/failure_reason",schemaPath:"#/allOf/1/properties/failure_reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":{"failure_reason":true,"notification_id":true,"channel":true,"recipient":true},"dynamicProps":false,"dynamicItems":false};

const schema61 = {"description":"Requests refused with 401 from one source address. Recorded at most once per source and\nwindow: the first failure at once, the further failures of the window counted into the next\nevent of that source (`occurrences`).\n","allOf":[{"$ref":"#/components/schemas/RequestOrigin"},{"type":"object","required":["reason","occurrences"],"properties":{"reason":{"type":"string","enum":["missing_token","malformed_token","unknown_token","not_loopback","bad_metrics_token"]},"occurrences":{"type":"integer","minimum":1,"description":"Failures from this source this event stands for."}}}]};
const schema62 = {"type":"object","required":["source_ip","method","path"],"properties":{"source_ip":{"type":"string","maxLength":45,"description":"The socket's remote address."},"method":{"type":"string","maxLength":16},"path":{"type":"string","maxLength":512,"description":"The request path","cut at 512 characters.":null}}};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.source_ip === undefined) || (!(func0.call(data, "source_ip")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "source_ip"},message:"must have required property '"+"source_ip"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.method === undefined) || (!(func0.call(data, "method")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((data.path === undefined) || (!(func0.call(data, "path")))){
const err2 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.source_ip !== undefined && func0.call(data, "source_ip")){
let data0 = data.source_ip;
if(typeof data0 === "string"){
if(func63(data0) > 45){
const err3 = {instancePath:instancePath+"/source_ip",schemaPath:"#/components/schemas/RequestOrigin/properties/source_ip/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/source_ip",schemaPath:"#/components/schemas/RequestOrigin/properties/source_ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.method !== undefined && func0.call(data, "method")){
let data1 = data.method;
if(typeof data1 === "string"){
if(func63(data1) > 16){
const err5 = {instancePath:instancePath+"/method",schemaPath:"#/components/schemas/RequestOrigin/properties/method/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/method",schemaPath:"#/components/schemas/RequestOrigin/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.path !== undefined && func0.call(data, "path")){
let data2 = data.path;
if(typeof data2 === "string"){
if(func63(data2) > 512){
const err7 = {instancePath:instancePath+"/path",schemaPath:"#/components/schemas/RequestOrigin/properties/path/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/path",schemaPath:"#/components/schemas/RequestOrigin/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.reason === undefined) || (!(func0.call(data, "reason")))){
const err10 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((data.occurrences === undefined) || (!(func0.call(data, "occurrences")))){
const err11 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "occurrences"},message:"must have required property '"+"occurrences"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.reason !== undefined && func0.call(data, "reason")){
let data3 = data.reason;
if(typeof data3 !== "string"){
const err12 = {instancePath:instancePath+"/reason",schemaPath:"#/allOf/1/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!(((((data3 === "missing_token") || (data3 === "malformed_token")) || (data3 === "unknown_token")) || (data3 === "not_loopback")) || (data3 === "bad_metrics_token"))){
const err13 = {instancePath:instancePath+"/reason",schemaPath:"#/allOf/1/properties/reason/enum",keyword:"enum",params:{allowedValues: schema61.allOf[1].properties.reason.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.occurrences !== undefined && func0.call(data, "occurrences")){
let data4 = data.occurrences;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err14 = {instancePath:instancePath+"/occurrences",schemaPath:"#/allOf/1/properties/occurrences/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(typeof data4 == "number"){
if(data4 < 1 || isNaN(data4)){
const err15 = {instancePath:instancePath+"/occurrences",schemaPath:"#/allOf/1/properties/occurrences/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":{"reason":true,"occurrences":true,"source_ip":true,"method":true,"path":true},"dynamicProps":false,"dynamicItems":false};

const schema63 = {"description":"A known token lacked the scope of the route (403). Rate-limited like `datastorage.auth.failed`, per token.","allOf":[{"$ref":"#/components/schemas/RequestOrigin"},{"type":"object","required":["principal","required_scope","occurrences"],"properties":{"principal":{"type":"string","maxLength":255,"description":"The token's name."},"required_scope":{"type":"string","enum":["audit:write","audit:read","audit:admin"]},"occurrences":{"type":"integer","minimum":1}}}]};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.source_ip === undefined) || (!(func0.call(data, "source_ip")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "source_ip"},message:"must have required property '"+"source_ip"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.method === undefined) || (!(func0.call(data, "method")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((data.path === undefined) || (!(func0.call(data, "path")))){
const err2 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.source_ip !== undefined && func0.call(data, "source_ip")){
let data0 = data.source_ip;
if(typeof data0 === "string"){
if(func63(data0) > 45){
const err3 = {instancePath:instancePath+"/source_ip",schemaPath:"#/components/schemas/RequestOrigin/properties/source_ip/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/source_ip",schemaPath:"#/components/schemas/RequestOrigin/properties/source_ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.method !== undefined && func0.call(data, "method")){
let data1 = data.method;
if(typeof data1 === "string"){
if(func63(data1) > 16){
const err5 = {instancePath:instancePath+"/method",schemaPath:"#/components/schemas/RequestOrigin/properties/method/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/method",schemaPath:"#/components/schemas/RequestOrigin/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.path !== undefined && func0.call(data, "path")){
let data2 = data.path;
if(typeof data2 === "string"){
if(func63(data2) > 512){
const err7 = {instancePath:instancePath+"/path",schemaPath:"#/components/schemas/RequestOrigin/properties/path/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/path",schemaPath:"#/components/schemas/RequestOrigin/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.principal === undefined) || (!(func0.call(data, "principal")))){
const err10 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "principal"},message:"must have required property '"+"principal"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((data.required_scope === undefined) || (!(func0.call(data, "required_scope")))){
const err11 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "required_scope"},message:"must have required property '"+"required_scope"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((data.occurrences === undefined) || (!(func0.call(data, "occurrences")))){
const err12 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "occurrences"},message:"must have required property '"+"occurrences"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.principal !== undefined && func0.call(data, "principal")){
let data3 = data.principal;
if(typeof data3 === "string"){
if(func63(data3) > 255){
const err13 = {instancePath:instancePath+"/principal",schemaPath:"#/allOf/1/properties/principal/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/principal",schemaPath:"#/allOf/1/properties/principal/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.required_scope !== undefined && func0.call(data, "required_scope")){
let data4 = data.required_scope;
if(typeof data4 !== "string"){
const err15 = {instancePath:instancePath+"/required_scope",schemaPath:"#/allOf/1/properties/required_scope/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!(((data4 === "audit:write") || (data4 === "audit:read")) || (data4 === "audit:admin"))){
const err16 = {instancePath:instancePath+"/required_scope",schemaPath:"#/allOf/1/properties/required_scope/enum",keyword:"enum",params:{allowedValues: schema63.allOf[1].properties.required_scope.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.occurrences !== undefined && func0.call(data, "occurrences")){
let data5 = data.occurrences;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
const err17 = {instancePath:instancePath+"/occurrences",schemaPath:"#/allOf/1/properties/occurrences/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(typeof data5 == "number"){
if(data5 < 1 || isNaN(data5)){
const err18 = {instancePath:instancePath+"/occurrences",schemaPath:"#/allOf/1/properties/occurrences/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":{"principal":true,"required_scope":true,"occurrences":true,"source_ip":true,"method":true,"path":true},"dynamicProps":false,"dynamicItems":false};

const schema65 = {"description":"A token exceeded its rate limit (429). Rate-limited like `datastorage.auth.failed`, per token.","allOf":[{"$ref":"#/components/schemas/RequestOrigin"},{"type":"object","required":["principal","occurrences"],"properties":{"principal":{"type":"string","maxLength":255},"occurrences":{"type":"integer","minimum":1}}}]};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate38.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.source_ip === undefined) || (!(func0.call(data, "source_ip")))){
const err0 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "source_ip"},message:"must have required property '"+"source_ip"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.method === undefined) || (!(func0.call(data, "method")))){
const err1 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((data.path === undefined) || (!(func0.call(data, "path")))){
const err2 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.source_ip !== undefined && func0.call(data, "source_ip")){
let data0 = data.source_ip;
if(typeof data0 === "string"){
if(func63(data0) > 45){
const err3 = {instancePath:instancePath+"/source_ip",schemaPath:"#/components/schemas/RequestOrigin/properties/source_ip/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/source_ip",schemaPath:"#/components/schemas/RequestOrigin/properties/source_ip/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.method !== undefined && func0.call(data, "method")){
let data1 = data.method;
if(typeof data1 === "string"){
if(func63(data1) > 16){
const err5 = {instancePath:instancePath+"/method",schemaPath:"#/components/schemas/RequestOrigin/properties/method/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/method",schemaPath:"#/components/schemas/RequestOrigin/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.path !== undefined && func0.call(data, "path")){
let data2 = data.path;
if(typeof data2 === "string"){
if(func63(data2) > 512){
const err7 = {instancePath:instancePath+"/path",schemaPath:"#/components/schemas/RequestOrigin/properties/path/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/path",schemaPath:"#/components/schemas/RequestOrigin/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/components/schemas/RequestOrigin/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.principal === undefined) || (!(func0.call(data, "principal")))){
const err10 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "principal"},message:"must have required property '"+"principal"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((data.occurrences === undefined) || (!(func0.call(data, "occurrences")))){
const err11 = {instancePath,schemaPath:"#/allOf/1/required",keyword:"required",params:{missingProperty: "occurrences"},message:"must have required property '"+"occurrences"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.principal !== undefined && func0.call(data, "principal")){
let data3 = data.principal;
if(typeof data3 === "string"){
if(func63(data3) > 255){
const err12 = {instancePath:instancePath+"/principal",schemaPath:"#/allOf/1/properties/principal/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/principal",schemaPath:"#/allOf/1/properties/principal/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.occurrences !== undefined && func0.call(data, "occurrences")){
let data4 = data.occurrences;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err14 = {instancePath:instancePath+"/occurrences",schemaPath:"#/allOf/1/properties/occurrences/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(typeof data4 == "number"){
if(data4 < 1 || isNaN(data4)){
const err15 = {instancePath:instancePath+"/occurrences",schemaPath:"#/allOf/1/properties/occurrences/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate38.errors = vErrors;
return errors === 0;
}
validate38.evaluated = {"props":{"principal":true,"occurrences":true,"source_ip":true,"method":true,"path":true},"dynamicProps":false,"dynamicItems":false};


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid1 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing0 = "event_type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("gateway.signal.received" !== data.event_type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data1 = data.event_data;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if((data1.signal_name === undefined) || (!(func0.call(data1, "signal_name")))){
const err2 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewaySignalReceivedData/required",keyword:"required",params:{missingProperty: "signal_name"},message:"must have required property '"+"signal_name"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((data1.signal_source === undefined) || (!(func0.call(data1, "signal_source")))){
const err3 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewaySignalReceivedData/required",keyword:"required",params:{missingProperty: "signal_source"},message:"must have required property '"+"signal_source"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((data1.fingerprint === undefined) || (!(func0.call(data1, "fingerprint")))){
const err4 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewaySignalReceivedData/required",keyword:"required",params:{missingProperty: "fingerprint"},message:"must have required property '"+"fingerprint"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.signal_name !== undefined && func0.call(data1, "signal_name")){
let data2 = data1.signal_name;
if(typeof data2 === "string"){
if(func63(data2) > 255){
const err5 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/signal_name/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func63(data2) < 1){
const err6 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/signal_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/signal_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.signal_source !== undefined && func0.call(data1, "signal_source")){
let data3 = data1.signal_source;
if(typeof data3 === "string"){
if(func63(data3) > 100){
const err8 = {instancePath:instancePath+"/event_data/signal_source",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/signal_source/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func63(data3) < 1){
const err9 = {instancePath:instancePath+"/event_data/signal_source",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/signal_source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/event_data/signal_source",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/signal_source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.fingerprint !== undefined && func0.call(data1, "fingerprint")){
let data4 = data1.fingerprint;
if(typeof data4 === "string"){
if(func63(data4) > 128){
const err11 = {instancePath:instancePath+"/event_data/fingerprint",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/fingerprint/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(func63(data4) < 1){
const err12 = {instancePath:instancePath+"/event_data/fingerprint",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/fingerprint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/event_data/fingerprint",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/fingerprint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.severity !== undefined && func0.call(data1, "severity")){
let data5 = data1.severity;
if(typeof data5 === "string"){
if(func63(data5) > 50){
const err14 = {instancePath:instancePath+"/event_data/severity",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/severity/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/event_data/severity",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/severity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data1.labels !== undefined && func0.call(data1, "labels")){
let data6 = data1.labels;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key0 of Object.keys(data6)){
if(typeof data6[key0] !== "string"){
const err16 = {instancePath:instancePath+"/event_data/labels/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/event_data/labels",schemaPath:"#/components/schemas/GatewaySignalReceivedData/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewaySignalReceivedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var _valid0 = _errs4 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.event_data = true;
props0.event_type = true;
}
}
if(!valid1){
const err19 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const _errs22 = errors;
let valid7 = true;
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing1 = "event_type")){
const err20 = {};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("gateway.crd.created" !== data.event_type){
const err21 = {};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
var _valid1 = _errs23 === errors;
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs25 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data9 = data.event_data;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if((data9.crd_name === undefined) || (!(func0.call(data9, "crd_name")))){
const err22 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewayCrdCreatedData/required",keyword:"required",params:{missingProperty: "crd_name"},message:"must have required property '"+"crd_name"+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if((data9.crd_namespace === undefined) || (!(func0.call(data9, "crd_namespace")))){
const err23 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewayCrdCreatedData/required",keyword:"required",params:{missingProperty: "crd_namespace"},message:"must have required property '"+"crd_namespace"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((data9.fingerprint === undefined) || (!(func0.call(data9, "fingerprint")))){
const err24 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewayCrdCreatedData/required",keyword:"required",params:{missingProperty: "fingerprint"},message:"must have required property '"+"fingerprint"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data9.crd_name !== undefined && func0.call(data9, "crd_name")){
let data10 = data9.crd_name;
if(typeof data10 === "string"){
if(func63(data10) > 253){
const err25 = {instancePath:instancePath+"/event_data/crd_name",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/crd_name/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(func63(data10) < 1){
const err26 = {instancePath:instancePath+"/event_data/crd_name",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/crd_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/event_data/crd_name",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/crd_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data9.crd_namespace !== undefined && func0.call(data9, "crd_namespace")){
let data11 = data9.crd_namespace;
if(typeof data11 === "string"){
if(func63(data11) > 63){
const err28 = {instancePath:instancePath+"/event_data/crd_namespace",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/crd_namespace/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(func63(data11) < 1){
const err29 = {instancePath:instancePath+"/event_data/crd_namespace",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/crd_namespace/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/event_data/crd_namespace",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/crd_namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data9.fingerprint !== undefined && func0.call(data9, "fingerprint")){
let data12 = data9.fingerprint;
if(typeof data12 === "string"){
if(func63(data12) > 128){
const err31 = {instancePath:instancePath+"/event_data/fingerprint",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/fingerprint/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(func63(data12) < 1){
const err32 = {instancePath:instancePath+"/event_data/fingerprint",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/fingerprint/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/event_data/fingerprint",schemaPath:"#/components/schemas/GatewayCrdCreatedData/properties/fingerprint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/GatewayCrdCreatedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
var _valid1 = _errs25 === errors;
valid7 = _valid1;
if(valid7){
var props1 = {};
props1.event_data = true;
props1.event_type = true;
}
}
if(!valid7){
const err35 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs36 = errors;
let valid12 = true;
const _errs37 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing2 = "event_type")){
const err36 = {};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("orchestrator.lifecycle.started" !== data.event_type){
const err37 = {};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
}
var _valid2 = _errs37 === errors;
errors = _errs36;
if(vErrors !== null){
if(_errs36){
vErrors.length = _errs36;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs39 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data14 = data.event_data;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if((data14.remediation_request === undefined) || (!(func0.call(data14, "remediation_request")))){
const err38 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/OrchestratorLifecycleData/required",keyword:"required",params:{missingProperty: "remediation_request"},message:"must have required property '"+"remediation_request"+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if((data14.phase === undefined) || (!(func0.call(data14, "phase")))){
const err39 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/OrchestratorLifecycleData/required",keyword:"required",params:{missingProperty: "phase"},message:"must have required property '"+"phase"+"'"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data14.remediation_request !== undefined && func0.call(data14, "remediation_request")){
let data15 = data14.remediation_request;
if(typeof data15 === "string"){
if(func63(data15) > 253){
const err40 = {instancePath:instancePath+"/event_data/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(func63(data15) < 1){
const err41 = {instancePath:instancePath+"/event_data/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/event_data/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data14.phase !== undefined && func0.call(data14, "phase")){
let data16 = data14.phase;
if(typeof data16 === "string"){
if(func63(data16) > 50){
const err43 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(func63(data16) < 1){
const err44 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data14.duration_ms !== undefined && func0.call(data14, "duration_ms")){
let data17 = data14.duration_ms;
if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){
const err46 = {instancePath:instancePath+"/event_data/duration_ms",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(typeof data17 == "number"){
if(data17 < 0 || isNaN(data17)){
const err47 = {instancePath:instancePath+"/event_data/duration_ms",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
}
else {
const err48 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/OrchestratorLifecycleData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
var _valid2 = _errs39 === errors;
valid12 = _valid2;
if(valid12){
var props2 = {};
props2.event_data = true;
props2.event_type = true;
}
}
if(!valid12){
const err49 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs50 = errors;
let valid17 = true;
const _errs51 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing3 = "event_type")){
const err50 = {};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("orchestrator.lifecycle.completed" !== data.event_type){
const err51 = {};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
}
var _valid3 = _errs51 === errors;
errors = _errs50;
if(vErrors !== null){
if(_errs50){
vErrors.length = _errs50;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs53 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data19 = data.event_data;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if((data19.remediation_request === undefined) || (!(func0.call(data19, "remediation_request")))){
const err52 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/OrchestratorLifecycleData/required",keyword:"required",params:{missingProperty: "remediation_request"},message:"must have required property '"+"remediation_request"+"'"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if((data19.phase === undefined) || (!(func0.call(data19, "phase")))){
const err53 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/OrchestratorLifecycleData/required",keyword:"required",params:{missingProperty: "phase"},message:"must have required property '"+"phase"+"'"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data19.remediation_request !== undefined && func0.call(data19, "remediation_request")){
let data20 = data19.remediation_request;
if(typeof data20 === "string"){
if(func63(data20) > 253){
const err54 = {instancePath:instancePath+"/event_data/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(func63(data20) < 1){
const err55 = {instancePath:instancePath+"/event_data/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/event_data/remediation_request",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/remediation_request/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data19.phase !== undefined && func0.call(data19, "phase")){
let data21 = data19.phase;
if(typeof data21 === "string"){
if(func63(data21) > 50){
const err57 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(func63(data21) < 1){
const err58 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/phase/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data19.duration_ms !== undefined && func0.call(data19, "duration_ms")){
let data22 = data19.duration_ms;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err60 = {instancePath:instancePath+"/event_data/duration_ms",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(typeof data22 == "number"){
if(data22 < 0 || isNaN(data22)){
const err61 = {instancePath:instancePath+"/event_data/duration_ms",schemaPath:"#/components/schemas/OrchestratorLifecycleData/properties/duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
}
else {
const err62 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/OrchestratorLifecycleData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
var _valid3 = _errs53 === errors;
valid17 = _valid3;
if(valid17){
var props3 = {};
props3.event_data = true;
props3.event_type = true;
}
}
if(!valid17){
const err63 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs64 = errors;
let valid22 = true;
const _errs65 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing4 = "event_type")){
const err64 = {};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("orchestrator.lifecycle.failed" !== data.event_type){
const err65 = {};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
}
var _valid4 = _errs65 === errors;
errors = _errs64;
if(vErrors !== null){
if(_errs64){
vErrors.length = _errs64;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs67 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate26(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
}
var _valid4 = _errs67 === errors;
valid22 = _valid4;
if(valid22){
var props4 = {};
props4.event_data = true;
props4.event_type = true;
}
}
if(!valid22){
const err66 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
const _errs70 = errors;
let valid25 = true;
const _errs71 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing5;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing5 = "event_type")){
const err67 = {};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
let data25 = data.event_type;
if(!(((data25 === "orchestrator.approval.requested") || (data25 === "orchestrator.approval.approved")) || (data25 === "orchestrator.approval.rejected"))){
const err68 = {};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
}
var _valid5 = _errs71 === errors;
errors = _errs70;
if(vErrors !== null){
if(_errs70){
vErrors.length = _errs70;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs73 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data26 = data.event_data;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if((data26.approval_request === undefined) || (!(func0.call(data26, "approval_request")))){
const err69 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/ApprovalData/required",keyword:"required",params:{missingProperty: "approval_request"},message:"must have required property '"+"approval_request"+"'"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if((data26.decision === undefined) || (!(func0.call(data26, "decision")))){
const err70 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/ApprovalData/required",keyword:"required",params:{missingProperty: "decision"},message:"must have required property '"+"decision"+"'"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data26.approval_request !== undefined && func0.call(data26, "approval_request")){
let data27 = data26.approval_request;
if(typeof data27 === "string"){
if(func63(data27) > 253){
const err71 = {instancePath:instancePath+"/event_data/approval_request",schemaPath:"#/components/schemas/ApprovalData/properties/approval_request/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(func63(data27) < 1){
const err72 = {instancePath:instancePath+"/event_data/approval_request",schemaPath:"#/components/schemas/ApprovalData/properties/approval_request/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/event_data/approval_request",schemaPath:"#/components/schemas/ApprovalData/properties/approval_request/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data26.decision !== undefined && func0.call(data26, "decision")){
let data28 = data26.decision;
if(typeof data28 !== "string"){
const err74 = {instancePath:instancePath+"/event_data/decision",schemaPath:"#/components/schemas/ApprovalData/properties/decision/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(!(((data28 === "requested") || (data28 === "approved")) || (data28 === "rejected"))){
const err75 = {instancePath:instancePath+"/event_data/decision",schemaPath:"#/components/schemas/ApprovalData/properties/decision/enum",keyword:"enum",params:{allowedValues: schema47.properties.decision.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data26.decided_by !== undefined && func0.call(data26, "decided_by")){
let data29 = data26.decided_by;
if(typeof data29 === "string"){
if(func63(data29) > 255){
const err76 = {instancePath:instancePath+"/event_data/decided_by",schemaPath:"#/components/schemas/ApprovalData/properties/decided_by/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
else {
const err77 = {instancePath:instancePath+"/event_data/decided_by",schemaPath:"#/components/schemas/ApprovalData/properties/decided_by/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data26.reason !== undefined && func0.call(data26, "reason")){
let data30 = data26.reason;
if(typeof data30 === "string"){
if(func63(data30) > 1024){
const err78 = {instancePath:instancePath+"/event_data/reason",schemaPath:"#/components/schemas/ApprovalData/properties/reason/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/event_data/reason",schemaPath:"#/components/schemas/ApprovalData/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/ApprovalData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
var _valid5 = _errs73 === errors;
valid25 = _valid5;
if(valid25){
var props5 = {};
props5.event_data = true;
props5.event_type = true;
}
}
if(!valid25){
const err81 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if(props0 !== true && props5 !== undefined){
if(props5 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props5);
}
}
const _errs86 = errors;
let valid30 = true;
const _errs87 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing6;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing6 = "event_type")){
const err82 = {};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("signalprocessing.signal.processed" !== data.event_type){
const err83 = {};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
}
var _valid6 = _errs87 === errors;
errors = _errs86;
if(vErrors !== null){
if(_errs86){
vErrors.length = _errs86;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs89 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data32 = data.event_data;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if((data32.signal_name === undefined) || (!(func0.call(data32, "signal_name")))){
const err84 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/SignalProcessedData/required",keyword:"required",params:{missingProperty: "signal_name"},message:"must have required property '"+"signal_name"+"'"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if((data32.phase === undefined) || (!(func0.call(data32, "phase")))){
const err85 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/SignalProcessedData/required",keyword:"required",params:{missingProperty: "phase"},message:"must have required property '"+"phase"+"'"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data32.signal_name !== undefined && func0.call(data32, "signal_name")){
let data33 = data32.signal_name;
if(typeof data33 === "string"){
if(func63(data33) > 255){
const err86 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/SignalProcessedData/properties/signal_name/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(func63(data33) < 1){
const err87 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/SignalProcessedData/properties/signal_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
else {
const err88 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/SignalProcessedData/properties/signal_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data32.phase !== undefined && func0.call(data32, "phase")){
let data34 = data32.phase;
if(typeof data34 === "string"){
if(func63(data34) > 50){
const err89 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/SignalProcessedData/properties/phase/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if(func63(data34) < 1){
const err90 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/SignalProcessedData/properties/phase/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
else {
const err91 = {instancePath:instancePath+"/event_data/phase",schemaPath:"#/components/schemas/SignalProcessedData/properties/phase/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data32.environment !== undefined && func0.call(data32, "environment")){
let data35 = data32.environment;
if(typeof data35 === "string"){
if(func63(data35) > 50){
const err92 = {instancePath:instancePath+"/event_data/environment",schemaPath:"#/components/schemas/SignalProcessedData/properties/environment/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/event_data/environment",schemaPath:"#/components/schemas/SignalProcessedData/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data32.priority !== undefined && func0.call(data32, "priority")){
let data36 = data32.priority;
if(typeof data36 === "string"){
if(func63(data36) > 10){
const err94 = {instancePath:instancePath+"/event_data/priority",schemaPath:"#/components/schemas/SignalProcessedData/properties/priority/maxLength",keyword:"maxLength",params:{limit: 10},message:"must NOT have more than 10 characters"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/event_data/priority",schemaPath:"#/components/schemas/SignalProcessedData/properties/priority/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
else {
const err96 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/SignalProcessedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
var _valid6 = _errs89 === errors;
valid30 = _valid6;
if(valid30){
var props6 = {};
props6.event_data = true;
props6.event_type = true;
}
}
if(!valid30){
const err97 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if(props0 !== true && props6 !== undefined){
if(props6 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props6);
}
}
const _errs102 = errors;
let valid35 = true;
const _errs103 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing7;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing7 = "event_type")){
const err98 = {};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("signalprocessing.classification.decision" !== data.event_type){
const err99 = {};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
}
var _valid7 = _errs103 === errors;
errors = _errs102;
if(vErrors !== null){
if(_errs102){
vErrors.length = _errs102;
}
else {
vErrors = null;
}
}
if(_valid7){
const _errs105 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data38 = data.event_data;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if((data38.classification === undefined) || (!(func0.call(data38, "classification")))){
const err100 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/ClassificationDecisionData/required",keyword:"required",params:{missingProperty: "classification"},message:"must have required property '"+"classification"+"'"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
if((data38.confidence === undefined) || (!(func0.call(data38, "confidence")))){
const err101 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/ClassificationDecisionData/required",keyword:"required",params:{missingProperty: "confidence"},message:"must have required property '"+"confidence"+"'"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if(data38.classification !== undefined && func0.call(data38, "classification")){
let data39 = data38.classification;
if(typeof data39 === "string"){
if(func63(data39) > 100){
const err102 = {instancePath:instancePath+"/event_data/classification",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/classification/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
if(func63(data39) < 1){
const err103 = {instancePath:instancePath+"/event_data/classification",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/classification/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
else {
const err104 = {instancePath:instancePath+"/event_data/classification",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/classification/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data38.confidence !== undefined && func0.call(data38, "confidence")){
let data40 = data38.confidence;
if(typeof data40 == "number"){
if(data40 > 1 || isNaN(data40)){
const err105 = {instancePath:instancePath+"/event_data/confidence",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/confidence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
if(data40 < 0 || isNaN(data40)){
const err106 = {instancePath:instancePath+"/event_data/confidence",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/confidence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
else {
const err107 = {instancePath:instancePath+"/event_data/confidence",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data38.source !== undefined && func0.call(data38, "source")){
let data41 = data38.source;
if(typeof data41 === "string"){
if(func63(data41) > 100){
const err108 = {instancePath:instancePath+"/event_data/source",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/source/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
else {
const err109 = {instancePath:instancePath+"/event_data/source",schemaPath:"#/components/schemas/ClassificationDecisionData/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
else {
const err110 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/ClassificationDecisionData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
}
var _valid7 = _errs105 === errors;
valid35 = _valid7;
if(valid35){
var props7 = {};
props7.event_data = true;
props7.event_type = true;
}
}
if(!valid35){
const err111 = {instancePath,schemaPath:"#/allOf/7/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(props0 !== true && props7 !== undefined){
if(props7 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props7);
}
}
const _errs116 = errors;
let valid40 = true;
const _errs117 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing8;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing8 = "event_type")){
const err112 = {};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("signalprocessing.enrichment.completed" !== data.event_type){
const err113 = {};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
}
var _valid8 = _errs117 === errors;
errors = _errs116;
if(vErrors !== null){
if(_errs116){
vErrors.length = _errs116;
}
else {
vErrors = null;
}
}
if(_valid8){
const _errs119 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data43 = data.event_data;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
if((data43.signal_name === undefined) || (!(func0.call(data43, "signal_name")))){
const err114 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/EnrichmentCompletedData/required",keyword:"required",params:{missingProperty: "signal_name"},message:"must have required property '"+"signal_name"+"'"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if((data43.enrichment_duration_ms === undefined) || (!(func0.call(data43, "enrichment_duration_ms")))){
const err115 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/EnrichmentCompletedData/required",keyword:"required",params:{missingProperty: "enrichment_duration_ms"},message:"must have required property '"+"enrichment_duration_ms"+"'"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
if(data43.signal_name !== undefined && func0.call(data43, "signal_name")){
let data44 = data43.signal_name;
if(typeof data44 === "string"){
if(func63(data44) > 255){
const err116 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/signal_name/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
if(func63(data44) < 1){
const err117 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/signal_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
else {
const err118 = {instancePath:instancePath+"/event_data/signal_name",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/signal_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data43.enrichment_duration_ms !== undefined && func0.call(data43, "enrichment_duration_ms")){
let data45 = data43.enrichment_duration_ms;
if(!((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45)))){
const err119 = {instancePath:instancePath+"/event_data/enrichment_duration_ms",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/enrichment_duration_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
if(typeof data45 == "number"){
if(data45 < 0 || isNaN(data45)){
const err120 = {instancePath:instancePath+"/event_data/enrichment_duration_ms",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/enrichment_duration_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
}
if(data43.owner_chain_length !== undefined && func0.call(data43, "owner_chain_length")){
let data46 = data43.owner_chain_length;
if(!((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46)))){
const err121 = {instancePath:instancePath+"/event_data/owner_chain_length",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/owner_chain_length/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if(typeof data46 == "number"){
if(data46 < 0 || isNaN(data46)){
const err122 = {instancePath:instancePath+"/event_data/owner_chain_length",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/owner_chain_length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
}
if(data43.degraded !== undefined && func0.call(data43, "degraded")){
if(typeof data43.degraded !== "boolean"){
const err123 = {instancePath:instancePath+"/event_data/degraded",schemaPath:"#/components/schemas/EnrichmentCompletedData/properties/degraded/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
else {
const err124 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/EnrichmentCompletedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
}
var _valid8 = _errs119 === errors;
valid40 = _valid8;
if(valid40){
var props8 = {};
props8.event_data = true;
props8.event_type = true;
}
}
if(!valid40){
const err125 = {instancePath,schemaPath:"#/allOf/8/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
if(props0 !== true && props8 !== undefined){
if(props8 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props8);
}
}
const _errs132 = errors;
let valid45 = true;
const _errs133 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing9;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing9 = "event_type")){
const err126 = {};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("aianalysis.analysis.completed" !== data.event_type){
const err127 = {};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
}
}
var _valid9 = _errs133 === errors;
errors = _errs132;
if(vErrors !== null){
if(_errs132){
vErrors.length = _errs132;
}
else {
vErrors = null;
}
}
if(_valid9){
const _errs135 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data49 = data.event_data;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if((data49.analysis_name === undefined) || (!(func0.call(data49, "analysis_name")))){
const err128 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AnalysisCompletedData/required",keyword:"required",params:{missingProperty: "analysis_name"},message:"must have required property '"+"analysis_name"+"'"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if((data49.root_cause === undefined) || (!(func0.call(data49, "root_cause")))){
const err129 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AnalysisCompletedData/required",keyword:"required",params:{missingProperty: "root_cause"},message:"must have required property '"+"root_cause"+"'"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if(data49.analysis_name !== undefined && func0.call(data49, "analysis_name")){
let data50 = data49.analysis_name;
if(typeof data50 === "string"){
if(func63(data50) > 253){
const err130 = {instancePath:instancePath+"/event_data/analysis_name",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/analysis_name/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
if(func63(data50) < 1){
const err131 = {instancePath:instancePath+"/event_data/analysis_name",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/analysis_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
else {
const err132 = {instancePath:instancePath+"/event_data/analysis_name",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/analysis_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data49.root_cause !== undefined && func0.call(data49, "root_cause")){
let data51 = data49.root_cause;
if(typeof data51 === "string"){
if(func63(data51) > 4096){
const err133 = {instancePath:instancePath+"/event_data/root_cause",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/root_cause/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
if(func63(data51) < 1){
const err134 = {instancePath:instancePath+"/event_data/root_cause",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/root_cause/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
else {
const err135 = {instancePath:instancePath+"/event_data/root_cause",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/root_cause/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data49.confidence !== undefined && func0.call(data49, "confidence")){
let data52 = data49.confidence;
if(typeof data52 == "number"){
if(data52 > 1 || isNaN(data52)){
const err136 = {instancePath:instancePath+"/event_data/confidence",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/confidence/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
if(data52 < 0 || isNaN(data52)){
const err137 = {instancePath:instancePath+"/event_data/confidence",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/confidence/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
else {
const err138 = {instancePath:instancePath+"/event_data/confidence",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data49.selected_workflow !== undefined && func0.call(data49, "selected_workflow")){
let data53 = data49.selected_workflow;
if(typeof data53 === "string"){
if(func63(data53) > 255){
const err139 = {instancePath:instancePath+"/event_data/selected_workflow",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/selected_workflow/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
else {
const err140 = {instancePath:instancePath+"/event_data/selected_workflow",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/selected_workflow/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
if(data49.approval_required !== undefined && func0.call(data49, "approval_required")){
if(typeof data49.approval_required !== "boolean"){
const err141 = {instancePath:instancePath+"/event_data/approval_required",schemaPath:"#/components/schemas/AnalysisCompletedData/properties/approval_required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
}
else {
const err142 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AnalysisCompletedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
}
var _valid9 = _errs135 === errors;
valid45 = _valid9;
if(valid45){
var props9 = {};
props9.event_data = true;
props9.event_type = true;
}
}
if(!valid45){
const err143 = {instancePath,schemaPath:"#/allOf/9/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
if(props0 !== true && props9 !== undefined){
if(props9 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props9);
}
}
const _errs150 = errors;
let valid50 = true;
const _errs151 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing10;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing10 = "event_type")){
const err144 = {};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("aianalysis.analysis.failed" !== data.event_type){
const err145 = {};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
}
}
var _valid10 = _errs151 === errors;
errors = _errs150;
if(vErrors !== null){
if(_errs150){
vErrors.length = _errs150;
}
else {
vErrors = null;
}
}
if(_valid10){
const _errs153 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data56 = data.event_data;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if((data56.analysis_name === undefined) || (!(func0.call(data56, "analysis_name")))){
const err146 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AnalysisFailedData/required",keyword:"required",params:{missingProperty: "analysis_name"},message:"must have required property '"+"analysis_name"+"'"};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
if((data56.failure_reason === undefined) || (!(func0.call(data56, "failure_reason")))){
const err147 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AnalysisFailedData/required",keyword:"required",params:{missingProperty: "failure_reason"},message:"must have required property '"+"failure_reason"+"'"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
if(data56.analysis_name !== undefined && func0.call(data56, "analysis_name")){
let data57 = data56.analysis_name;
if(typeof data57 === "string"){
if(func63(data57) > 253){
const err148 = {instancePath:instancePath+"/event_data/analysis_name",schemaPath:"#/components/schemas/AnalysisFailedData/properties/analysis_name/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if(func63(data57) < 1){
const err149 = {instancePath:instancePath+"/event_data/analysis_name",schemaPath:"#/components/schemas/AnalysisFailedData/properties/analysis_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
else {
const err150 = {instancePath:instancePath+"/event_data/analysis_name",schemaPath:"#/components/schemas/AnalysisFailedData/properties/analysis_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data56.failure_reason !== undefined && func0.call(data56, "failure_reason")){
let data58 = data56.failure_reason;
if(typeof data58 === "string"){
if(func63(data58) > 4096){
const err151 = {instancePath:instancePath+"/event_data/failure_reason",schemaPath:"#/components/schemas/AnalysisFailedData/properties/failure_reason/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
if(func63(data58) < 1){
const err152 = {instancePath:instancePath+"/event_data/failure_reason",schemaPath:"#/components/schemas/AnalysisFailedData/properties/failure_reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
else {
const err153 = {instancePath:instancePath+"/event_data/failure_reason",schemaPath:"#/components/schemas/AnalysisFailedData/properties/failure_reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
}
else {
const err154 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AnalysisFailedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
}
var _valid10 = _errs153 === errors;
valid50 = _valid10;
if(valid50){
var props10 = {};
props10.event_data = true;
props10.event_type = true;
}
}
if(!valid50){
const err155 = {instancePath,schemaPath:"#/allOf/10/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
if(props0 !== true && props10 !== undefined){
if(props10 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props10);
}
}
const _errs162 = errors;
let valid55 = true;
const _errs163 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing11;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing11 = "event_type")){
const err156 = {};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("workflowexecution.workflow.started" !== data.event_type){
const err157 = {};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
}
}
var _valid11 = _errs163 === errors;
errors = _errs162;
if(vErrors !== null){
if(_errs162){
vErrors.length = _errs162;
}
else {
vErrors = null;
}
}
if(_valid11){
const _errs165 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data60 = data.event_data;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if((data60.workflow_id === undefined) || (!(func0.call(data60, "workflow_id")))){
const err158 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/WorkflowStartedData/required",keyword:"required",params:{missingProperty: "workflow_id"},message:"must have required property '"+"workflow_id"+"'"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
if((data60.workflow_execution === undefined) || (!(func0.call(data60, "workflow_execution")))){
const err159 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/WorkflowStartedData/required",keyword:"required",params:{missingProperty: "workflow_execution"},message:"must have required property '"+"workflow_execution"+"'"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
if(data60.workflow_id !== undefined && func0.call(data60, "workflow_id")){
let data61 = data60.workflow_id;
if(typeof data61 === "string"){
if(func63(data61) > 255){
const err160 = {instancePath:instancePath+"/event_data/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
if(func63(data61) < 1){
const err161 = {instancePath:instancePath+"/event_data/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
else {
const err162 = {instancePath:instancePath+"/event_data/workflow_id",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data60.workflow_execution !== undefined && func0.call(data60, "workflow_execution")){
let data62 = data60.workflow_execution;
if(typeof data62 === "string"){
if(func63(data62) > 253){
const err163 = {instancePath:instancePath+"/event_data/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
if(func63(data62) < 1){
const err164 = {instancePath:instancePath+"/event_data/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
else {
const err165 = {instancePath:instancePath+"/event_data/workflow_execution",schemaPath:"#/components/schemas/WorkflowStartedData/properties/workflow_execution/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
if(data60.target_resource !== undefined && func0.call(data60, "target_resource")){
let data63 = data60.target_resource;
if(typeof data63 === "string"){
if(func63(data63) > 512){
const err166 = {instancePath:instancePath+"/event_data/target_resource",schemaPath:"#/components/schemas/WorkflowStartedData/properties/target_resource/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
else {
const err167 = {instancePath:instancePath+"/event_data/target_resource",schemaPath:"#/components/schemas/WorkflowStartedData/properties/target_resource/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
}
else {
const err168 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/WorkflowStartedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
}
var _valid11 = _errs165 === errors;
valid55 = _valid11;
if(valid55){
var props11 = {};
props11.event_data = true;
props11.event_type = true;
}
}
if(!valid55){
const err169 = {instancePath,schemaPath:"#/allOf/11/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
if(props0 !== true && props11 !== undefined){
if(props11 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props11);
}
}
const _errs176 = errors;
let valid60 = true;
const _errs177 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing12;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing12 = "event_type")){
const err170 = {};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("workflowexecution.workflow.completed" !== data.event_type){
const err171 = {};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
}
}
var _valid12 = _errs177 === errors;
errors = _errs176;
if(vErrors !== null){
if(_errs176){
vErrors.length = _errs176;
}
else {
vErrors = null;
}
}
if(_valid12){
const _errs179 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate28(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
}
var _valid12 = _errs179 === errors;
valid60 = _valid12;
if(valid60){
var props12 = {};
props12.event_data = true;
props12.event_type = true;
}
}
if(!valid60){
const err172 = {instancePath,schemaPath:"#/allOf/12/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
if(props0 !== true && props12 !== undefined){
if(props12 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props12);
}
}
const _errs182 = errors;
let valid63 = true;
const _errs183 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing13;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing13 = "event_type")){
const err173 = {};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("workflowexecution.workflow.failed" !== data.event_type){
const err174 = {};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
}
}
var _valid13 = _errs183 === errors;
errors = _errs182;
if(vErrors !== null){
if(_errs182){
vErrors.length = _errs182;
}
else {
vErrors = null;
}
}
if(_valid13){
const _errs185 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate30(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
}
var _valid13 = _errs185 === errors;
valid63 = _valid13;
if(valid63){
var props13 = {};
props13.event_data = true;
props13.event_type = true;
}
}
if(!valid63){
const err175 = {instancePath,schemaPath:"#/allOf/13/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
if(props0 !== true && props13 !== undefined){
if(props13 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props13);
}
}
const _errs188 = errors;
let valid66 = true;
const _errs189 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing14;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing14 = "event_type")){
const err176 = {};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("notification.message.sent" !== data.event_type){
const err177 = {};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
}
}
var _valid14 = _errs189 === errors;
errors = _errs188;
if(vErrors !== null){
if(_errs188){
vErrors.length = _errs188;
}
else {
vErrors = null;
}
}
if(_valid14){
const _errs191 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data69 = data.event_data;
if(data69 && typeof data69 == "object" && !Array.isArray(data69)){
if((data69.notification_id === undefined) || (!(func0.call(data69, "notification_id")))){
const err178 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/NotificationSentData/required",keyword:"required",params:{missingProperty: "notification_id"},message:"must have required property '"+"notification_id"+"'"};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
if((data69.channel === undefined) || (!(func0.call(data69, "channel")))){
const err179 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/NotificationSentData/required",keyword:"required",params:{missingProperty: "channel"},message:"must have required property '"+"channel"+"'"};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
if(data69.notification_id !== undefined && func0.call(data69, "notification_id")){
let data70 = data69.notification_id;
if(typeof data70 === "string"){
if(func63(data70) > 255){
const err180 = {instancePath:instancePath+"/event_data/notification_id",schemaPath:"#/components/schemas/NotificationSentData/properties/notification_id/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
if(func63(data70) < 1){
const err181 = {instancePath:instancePath+"/event_data/notification_id",schemaPath:"#/components/schemas/NotificationSentData/properties/notification_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
else {
const err182 = {instancePath:instancePath+"/event_data/notification_id",schemaPath:"#/components/schemas/NotificationSentData/properties/notification_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
if(data69.channel !== undefined && func0.call(data69, "channel")){
let data71 = data69.channel;
if(typeof data71 !== "string"){
const err183 = {instancePath:instancePath+"/event_data/channel",schemaPath:"#/components/schemas/NotificationSentData/properties/channel/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
if(!((((((data71 === "slack") || (data71 === "email")) || (data71 === "pagerduty")) || (data71 === "teams")) || (data71 === "webhook")) || (data71 === "console"))){
const err184 = {instancePath:instancePath+"/event_data/channel",schemaPath:"#/components/schemas/NotificationSentData/properties/channel/enum",keyword:"enum",params:{allowedValues: schema58.properties.channel.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
if(data69.recipient !== undefined && func0.call(data69, "recipient")){
let data72 = data69.recipient;
if(typeof data72 === "string"){
if(func63(data72) > 512){
const err185 = {instancePath:instancePath+"/event_data/recipient",schemaPath:"#/components/schemas/NotificationSentData/properties/recipient/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
else {
const err186 = {instancePath:instancePath+"/event_data/recipient",schemaPath:"#/components/schemas/NotificationSentData/properties/recipient/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
}
else {
const err187 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/NotificationSentData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
}
var _valid14 = _errs191 === errors;
valid66 = _valid14;
if(valid66){
var props14 = {};
props14.event_data = true;
props14.event_type = true;
}
}
if(!valid66){
const err188 = {instancePath,schemaPath:"#/allOf/14/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
if(props0 !== true && props14 !== undefined){
if(props14 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props14);
}
}
const _errs202 = errors;
let valid71 = true;
const _errs203 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing15;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing15 = "event_type")){
const err189 = {};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("notification.message.failed" !== data.event_type){
const err190 = {};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
}
}
var _valid15 = _errs203 === errors;
errors = _errs202;
if(vErrors !== null){
if(_errs202){
vErrors.length = _errs202;
}
else {
vErrors = null;
}
}
if(_valid15){
const _errs205 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate32(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
var _valid15 = _errs205 === errors;
valid71 = _valid15;
if(valid71){
var props15 = {};
props15.event_data = true;
props15.event_type = true;
}
}
if(!valid71){
const err191 = {instancePath,schemaPath:"#/allOf/15/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
if(props0 !== true && props15 !== undefined){
if(props15 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props15);
}
}
const _errs208 = errors;
let valid74 = true;
const _errs209 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing16;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing16 = "event_type")){
const err192 = {};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.auth.failed" !== data.event_type){
const err193 = {};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
}
}
var _valid16 = _errs209 === errors;
errors = _errs208;
if(vErrors !== null){
if(_errs208){
vErrors.length = _errs208;
}
else {
vErrors = null;
}
}
if(_valid16){
const _errs211 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate34(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
var _valid16 = _errs211 === errors;
valid74 = _valid16;
if(valid74){
var props16 = {};
props16.event_data = true;
props16.event_type = true;
}
}
if(!valid74){
const err194 = {instancePath,schemaPath:"#/allOf/16/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if(props0 !== true && props16 !== undefined){
if(props16 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props16);
}
}
const _errs214 = errors;
let valid77 = true;
const _errs215 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing17;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing17 = "event_type")){
const err195 = {};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.auth.denied" !== data.event_type){
const err196 = {};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
}
}
var _valid17 = _errs215 === errors;
errors = _errs214;
if(vErrors !== null){
if(_errs214){
vErrors.length = _errs214;
}
else {
vErrors = null;
}
}
if(_valid17){
const _errs217 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate36(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
}
var _valid17 = _errs217 === errors;
valid77 = _valid17;
if(valid77){
var props17 = {};
props17.event_data = true;
props17.event_type = true;
}
}
if(!valid77){
const err197 = {instancePath,schemaPath:"#/allOf/17/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
if(props0 !== true && props17 !== undefined){
if(props17 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props17);
}
}
const _errs220 = errors;
let valid80 = true;
const _errs221 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing18;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing18 = "event_type")){
const err198 = {};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.ratelimit.denied" !== data.event_type){
const err199 = {};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
}
}
var _valid18 = _errs221 === errors;
errors = _errs220;
if(vErrors !== null){
if(_errs220){
vErrors.length = _errs220;
}
else {
vErrors = null;
}
}
if(_valid18){
const _errs223 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
if(!(validate38(data.event_data, {instancePath:instancePath+"/event_data",parentData:data,parentDataProperty:"event_data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
errors = vErrors.length;
}
}
}
var _valid18 = _errs223 === errors;
valid80 = _valid18;
if(valid80){
var props18 = {};
props18.event_data = true;
props18.event_type = true;
}
}
if(!valid80){
const err200 = {instancePath,schemaPath:"#/allOf/18/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(props0 !== true && props18 !== undefined){
if(props18 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props18);
}
}
const _errs226 = errors;
let valid83 = true;
const _errs227 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing19;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing19 = "event_type")){
const err201 = {};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.tokens.reloaded" !== data.event_type){
const err202 = {};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
}
}
var _valid19 = _errs227 === errors;
errors = _errs226;
if(vErrors !== null){
if(_errs226){
vErrors.length = _errs226;
}
else {
vErrors = null;
}
}
if(_valid19){
const _errs229 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data82 = data.event_data;
if(data82 && typeof data82 == "object" && !Array.isArray(data82)){
if((data82.file === undefined) || (!(func0.call(data82, "file")))){
const err203 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'"};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
if((data82.trigger === undefined) || (!(func0.call(data82, "trigger")))){
const err204 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/required",keyword:"required",params:{missingProperty: "trigger"},message:"must have required property '"+"trigger"+"'"};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
if((data82.tokens === undefined) || (!(func0.call(data82, "tokens")))){
const err205 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/required",keyword:"required",params:{missingProperty: "tokens"},message:"must have required property '"+"tokens"+"'"};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
if((data82.added === undefined) || (!(func0.call(data82, "added")))){
const err206 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/required",keyword:"required",params:{missingProperty: "added"},message:"must have required property '"+"added"+"'"};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
if((data82.removed === undefined) || (!(func0.call(data82, "removed")))){
const err207 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/required",keyword:"required",params:{missingProperty: "removed"},message:"must have required property '"+"removed"+"'"};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
if((data82.changed === undefined) || (!(func0.call(data82, "changed")))){
const err208 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/required",keyword:"required",params:{missingProperty: "changed"},message:"must have required property '"+"changed"+"'"};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
if(data82.file !== undefined && func0.call(data82, "file")){
let data83 = data82.file;
if(typeof data83 === "string"){
if(func63(data83) > 4096){
const err209 = {instancePath:instancePath+"/event_data/file",schemaPath:"#/components/schemas/TokensReloadedData/properties/file/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
else {
const err210 = {instancePath:instancePath+"/event_data/file",schemaPath:"#/components/schemas/TokensReloadedData/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
if(data82.trigger !== undefined && func0.call(data82, "trigger")){
let data84 = data82.trigger;
if(typeof data84 !== "string"){
const err211 = {instancePath:instancePath+"/event_data/trigger",schemaPath:"#/components/schemas/TokensReloadedData/properties/trigger/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
if(!(((data84 === "startup") || (data84 === "file_change")) || (data84 === "sighup"))){
const err212 = {instancePath:instancePath+"/event_data/trigger",schemaPath:"#/components/schemas/TokensReloadedData/properties/trigger/enum",keyword:"enum",params:{allowedValues: schema67.properties.trigger.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
if(data82.tokens !== undefined && func0.call(data82, "tokens")){
let data85 = data82.tokens;
if(!((typeof data85 == "number") && (!(data85 % 1) && !isNaN(data85)))){
const err213 = {instancePath:instancePath+"/event_data/tokens",schemaPath:"#/components/schemas/TokensReloadedData/properties/tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
if(typeof data85 == "number"){
if(data85 < 0 || isNaN(data85)){
const err214 = {instancePath:instancePath+"/event_data/tokens",schemaPath:"#/components/schemas/TokensReloadedData/properties/tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
}
if(data82.added !== undefined && func0.call(data82, "added")){
let data86 = data82.added;
if(Array.isArray(data86)){
const len0 = data86.length;
for(let i0=0; i0<len0; i0++){
if(typeof data86[i0] !== "string"){
const err215 = {instancePath:instancePath+"/event_data/added/" + i0,schemaPath:"#/components/schemas/TokensReloadedData/properties/added/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
}
else {
const err216 = {instancePath:instancePath+"/event_data/added",schemaPath:"#/components/schemas/TokensReloadedData/properties/added/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
if(data82.removed !== undefined && func0.call(data82, "removed")){
let data88 = data82.removed;
if(Array.isArray(data88)){
const len1 = data88.length;
for(let i1=0; i1<len1; i1++){
if(typeof data88[i1] !== "string"){
const err217 = {instancePath:instancePath+"/event_data/removed/" + i1,schemaPath:"#/components/schemas/TokensReloadedData/properties/removed/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
}
}
else {
const err218 = {instancePath:instancePath+"/event_data/removed",schemaPath:"#/components/schemas/TokensReloadedData/properties/removed/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
if(data82.changed !== undefined && func0.call(data82, "changed")){
let data90 = data82.changed;
if(Array.isArray(data90)){
const len2 = data90.length;
for(let i2=0; i2<len2; i2++){
if(typeof data90[i2] !== "string"){
const err219 = {instancePath:instancePath+"/event_data/changed/" + i2,schemaPath:"#/components/schemas/TokensReloadedData/properties/changed/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
}
else {
const err220 = {instancePath:instancePath+"/event_data/changed",schemaPath:"#/components/schemas/TokensReloadedData/properties/changed/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
}
}
else {
const err221 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensReloadedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
}
var _valid19 = _errs229 === errors;
valid83 = _valid19;
if(valid83){
var props19 = {};
props19.event_data = true;
props19.event_type = true;
}
}
if(!valid83){
const err222 = {instancePath,schemaPath:"#/allOf/19/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if(props0 !== true && props19 !== undefined){
if(props19 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props19);
}
}
const _errs252 = errors;
let valid94 = true;
const _errs253 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing20;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing20 = "event_type")){
const err223 = {};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.tokens.rejected" !== data.event_type){
const err224 = {};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
}
}
var _valid20 = _errs253 === errors;
errors = _errs252;
if(vErrors !== null){
if(_errs252){
vErrors.length = _errs252;
}
else {
vErrors = null;
}
}
if(_valid20){
const _errs255 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data93 = data.event_data;
if(data93 && typeof data93 == "object" && !Array.isArray(data93)){
if((data93.file === undefined) || (!(func0.call(data93, "file")))){
const err225 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensRejectedData/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'"};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
if((data93.trigger === undefined) || (!(func0.call(data93, "trigger")))){
const err226 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensRejectedData/required",keyword:"required",params:{missingProperty: "trigger"},message:"must have required property '"+"trigger"+"'"};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
if((data93.reason === undefined) || (!(func0.call(data93, "reason")))){
const err227 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensRejectedData/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
if(data93.file !== undefined && func0.call(data93, "file")){
let data94 = data93.file;
if(typeof data94 === "string"){
if(func63(data94) > 4096){
const err228 = {instancePath:instancePath+"/event_data/file",schemaPath:"#/components/schemas/TokensRejectedData/properties/file/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
else {
const err229 = {instancePath:instancePath+"/event_data/file",schemaPath:"#/components/schemas/TokensRejectedData/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
if(data93.trigger !== undefined && func0.call(data93, "trigger")){
let data95 = data93.trigger;
if(typeof data95 !== "string"){
const err230 = {instancePath:instancePath+"/event_data/trigger",schemaPath:"#/components/schemas/TokensRejectedData/properties/trigger/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
if(!(((data95 === "startup") || (data95 === "file_change")) || (data95 === "sighup"))){
const err231 = {instancePath:instancePath+"/event_data/trigger",schemaPath:"#/components/schemas/TokensRejectedData/properties/trigger/enum",keyword:"enum",params:{allowedValues: schema68.properties.trigger.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
if(data93.reason !== undefined && func0.call(data93, "reason")){
let data96 = data93.reason;
if(typeof data96 === "string"){
if(func63(data96) > 4096){
const err232 = {instancePath:instancePath+"/event_data/reason",schemaPath:"#/components/schemas/TokensRejectedData/properties/reason/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
else {
const err233 = {instancePath:instancePath+"/event_data/reason",schemaPath:"#/components/schemas/TokensRejectedData/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
}
else {
const err234 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/TokensRejectedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
}
var _valid20 = _errs255 === errors;
valid94 = _valid20;
if(valid94){
var props20 = {};
props20.event_data = true;
props20.event_type = true;
}
}
if(!valid94){
const err235 = {instancePath,schemaPath:"#/allOf/20/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
if(props0 !== true && props20 !== undefined){
if(props20 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props20);
}
}
const _errs266 = errors;
let valid99 = true;
const _errs267 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing21;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing21 = "event_type")){
const err236 = {};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.audit.read" !== data.event_type){
const err237 = {};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
}
}
var _valid21 = _errs267 === errors;
errors = _errs266;
if(vErrors !== null){
if(_errs266){
vErrors.length = _errs266;
}
else {
vErrors = null;
}
}
if(_valid21){
const _errs269 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data98 = data.event_data;
if(data98 && typeof data98 == "object" && !Array.isArray(data98)){
if((data98.principal === undefined) || (!(func0.call(data98, "principal")))){
const err238 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AuditReadData/required",keyword:"required",params:{missingProperty: "principal"},message:"must have required property '"+"principal"+"'"};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
if((data98.operation === undefined) || (!(func0.call(data98, "operation")))){
const err239 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AuditReadData/required",keyword:"required",params:{missingProperty: "operation"},message:"must have required property '"+"operation"+"'"};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
if((data98.rows === undefined) || (!(func0.call(data98, "rows")))){
const err240 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AuditReadData/required",keyword:"required",params:{missingProperty: "rows"},message:"must have required property '"+"rows"+"'"};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
if((data98.status === undefined) || (!(func0.call(data98, "status")))){
const err241 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AuditReadData/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
if(data98.principal !== undefined && func0.call(data98, "principal")){
let data99 = data98.principal;
if(typeof data99 === "string"){
if(func63(data99) > 255){
const err242 = {instancePath:instancePath+"/event_data/principal",schemaPath:"#/components/schemas/AuditReadData/properties/principal/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
else {
const err243 = {instancePath:instancePath+"/event_data/principal",schemaPath:"#/components/schemas/AuditReadData/properties/principal/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
if(data98.operation !== undefined && func0.call(data98, "operation")){
let data100 = data98.operation;
if(typeof data100 !== "string"){
const err244 = {instancePath:instancePath+"/event_data/operation",schemaPath:"#/components/schemas/AuditReadData/properties/operation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
if(!(((data100 === "query") || (data100 === "get")) || (data100 === "dlq_messages"))){
const err245 = {instancePath:instancePath+"/event_data/operation",schemaPath:"#/components/schemas/AuditReadData/properties/operation/enum",keyword:"enum",params:{allowedValues: schema69.properties.operation.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
}
if(data98.filters !== undefined && func0.call(data98, "filters")){
let data101 = data98.filters;
if(data101 && typeof data101 == "object" && !Array.isArray(data101)){
for(const key1 of Object.keys(data101)){
if(typeof data101[key1] !== "string"){
const err246 = {instancePath:instancePath+"/event_data/filters/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/components/schemas/AuditReadData/properties/filters/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
}
else {
const err247 = {instancePath:instancePath+"/event_data/filters",schemaPath:"#/components/schemas/AuditReadData/properties/filters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
if(data98.event_id !== undefined && func0.call(data98, "event_id")){
if(typeof data98.event_id !== "string"){
const err248 = {instancePath:instancePath+"/event_data/event_id",schemaPath:"#/components/schemas/AuditReadData/properties/event_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
}
if(data98.rows !== undefined && func0.call(data98, "rows")){
let data104 = data98.rows;
if(!((typeof data104 == "number") && (!(data104 % 1) && !isNaN(data104)))){
const err249 = {instancePath:instancePath+"/event_data/rows",schemaPath:"#/components/schemas/AuditReadData/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
if(typeof data104 == "number"){
if(data104 < 0 || isNaN(data104)){
const err250 = {instancePath:instancePath+"/event_data/rows",schemaPath:"#/components/schemas/AuditReadData/properties/rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
}
if(data98.status !== undefined && func0.call(data98, "status")){
let data105 = data98.status;
if(!((typeof data105 == "number") && (!(data105 % 1) && !isNaN(data105)))){
const err251 = {instancePath:instancePath+"/event_data/status",schemaPath:"#/components/schemas/AuditReadData/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
}
else {
const err252 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/AuditReadData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
}
var _valid21 = _errs269 === errors;
valid99 = _valid21;
if(valid99){
var props21 = {};
props21.event_data = true;
props21.event_type = true;
}
}
if(!valid99){
const err253 = {instancePath,schemaPath:"#/allOf/21/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
if(props0 !== true && props21 !== undefined){
if(props21 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props21);
}
}
const _errs289 = errors;
let valid105 = true;
const _errs290 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing22;
if(((data.event_type === undefined) || (!(func0.call(data, "event_type")))) && (missing22 = "event_type")){
const err254 = {};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
else {
if(data.event_type !== undefined && func0.call(data, "event_type")){
if("datastorage.dlq.replayed" !== data.event_type){
const err255 = {};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
}
}
var _valid22 = _errs290 === errors;
errors = _errs289;
if(vErrors !== null){
if(_errs289){
vErrors.length = _errs289;
}
else {
vErrors = null;
}
}
if(_valid22){
const _errs292 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_data !== undefined && func0.call(data, "event_data")){
let data107 = data.event_data;
if(data107 && typeof data107 == "object" && !Array.isArray(data107)){
if((data107.trigger === undefined) || (!(func0.call(data107, "trigger")))){
const err256 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/DlqReplayedData/required",keyword:"required",params:{missingProperty: "trigger"},message:"must have required property '"+"trigger"+"'"};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
if((data107.stream === undefined) || (!(func0.call(data107, "stream")))){
const err257 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/DlqReplayedData/required",keyword:"required",params:{missingProperty: "stream"},message:"must have required property '"+"stream"+"'"};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
if((data107.done === undefined) || (!(func0.call(data107, "done")))){
const err258 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/DlqReplayedData/required",keyword:"required",params:{missingProperty: "done"},message:"must have required property '"+"done"+"'"};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
if((data107.created === undefined) || (!(func0.call(data107, "created")))){
const err259 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/DlqReplayedData/required",keyword:"required",params:{missingProperty: "created"},message:"must have required property '"+"created"+"'"};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
if((data107.poisoned === undefined) || (!(func0.call(data107, "poisoned")))){
const err260 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/DlqReplayedData/required",keyword:"required",params:{missingProperty: "poisoned"},message:"must have required property '"+"poisoned"+"'"};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
if(data107.trigger !== undefined && func0.call(data107, "trigger")){
let data108 = data107.trigger;
if(typeof data108 !== "string"){
const err261 = {instancePath:instancePath+"/event_data/trigger",schemaPath:"#/components/schemas/DlqReplayedData/properties/trigger/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
if(!(data108 === "cli")){
const err262 = {instancePath:instancePath+"/event_data/trigger",schemaPath:"#/components/schemas/DlqReplayedData/properties/trigger/enum",keyword:"enum",params:{allowedValues: schema70.properties.trigger.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
}
if(data107.operator !== undefined && func0.call(data107, "operator")){
let data109 = data107.operator;
if(typeof data109 === "string"){
if(func63(data109) > 255){
const err263 = {instancePath:instancePath+"/event_data/operator",schemaPath:"#/components/schemas/DlqReplayedData/properties/operator/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
else {
const err264 = {instancePath:instancePath+"/event_data/operator",schemaPath:"#/components/schemas/DlqReplayedData/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
}
if(data107.stream !== undefined && func0.call(data107, "stream")){
let data110 = data107.stream;
if(typeof data110 === "string"){
if(func63(data110) > 255){
const err265 = {instancePath:instancePath+"/event_data/stream",schemaPath:"#/components/schemas/DlqReplayedData/properties/stream/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
}
else {
const err266 = {instancePath:instancePath+"/event_data/stream",schemaPath:"#/components/schemas/DlqReplayedData/properties/stream/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
if(data107.done !== undefined && func0.call(data107, "done")){
let data111 = data107.done;
if(!((typeof data111 == "number") && (!(data111 % 1) && !isNaN(data111)))){
const err267 = {instancePath:instancePath+"/event_data/done",schemaPath:"#/components/schemas/DlqReplayedData/properties/done/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
if(typeof data111 == "number"){
if(data111 < 0 || isNaN(data111)){
const err268 = {instancePath:instancePath+"/event_data/done",schemaPath:"#/components/schemas/DlqReplayedData/properties/done/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
}
if(data107.created !== undefined && func0.call(data107, "created")){
let data112 = data107.created;
if(!((typeof data112 == "number") && (!(data112 % 1) && !isNaN(data112)))){
const err269 = {instancePath:instancePath+"/event_data/created",schemaPath:"#/components/schemas/DlqReplayedData/properties/created/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
if(typeof data112 == "number"){
if(data112 < 0 || isNaN(data112)){
const err270 = {instancePath:instancePath+"/event_data/created",schemaPath:"#/components/schemas/DlqReplayedData/properties/created/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
}
}
if(data107.poisoned !== undefined && func0.call(data107, "poisoned")){
let data113 = data107.poisoned;
if(!((typeof data113 == "number") && (!(data113 % 1) && !isNaN(data113)))){
const err271 = {instancePath:instancePath+"/event_data/poisoned",schemaPath:"#/components/schemas/DlqReplayedData/properties/poisoned/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
if(typeof data113 == "number"){
if(data113 < 0 || isNaN(data113)){
const err272 = {instancePath:instancePath+"/event_data/poisoned",schemaPath:"#/components/schemas/DlqReplayedData/properties/poisoned/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
}
}
if(data107.waiting !== undefined && func0.call(data107, "waiting")){
let data114 = data107.waiting;
if(!((typeof data114 == "number") && (!(data114 % 1) && !isNaN(data114)))){
const err273 = {instancePath:instancePath+"/event_data/waiting",schemaPath:"#/components/schemas/DlqReplayedData/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
if(typeof data114 == "number"){
if(data114 < 0 || isNaN(data114)){
const err274 = {instancePath:instancePath+"/event_data/waiting",schemaPath:"#/components/schemas/DlqReplayedData/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
}
}
else {
const err275 = {instancePath:instancePath+"/event_data",schemaPath:"#/components/schemas/DlqReplayedData/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
}
}
var _valid22 = _errs292 === errors;
valid105 = _valid22;
if(valid105){
var props22 = {};
props22.event_data = true;
props22.event_type = true;
}
}
if(!valid105){
const err276 = {instancePath,schemaPath:"#/allOf/22/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
if(props0 !== true && props22 !== undefined){
if(props22 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props22);
}
}
validate25.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate25.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate23(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
if(!(validate25(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
else {
var props0 = validate25.evaluated.props;
}
if(props0 !== true){
props0 = props0 || {};
props0.version = true;
props0.event_id = true;
props0.event_type = true;
props0.event_timestamp = true;
props0.event_category = true;
props0.event_action = true;
props0.event_outcome = true;
props0.correlation_id = true;
props0.event_data = true;
props0.actor_type = true;
props0.actor_id = true;
props0.actor_ip = true;
props0.resource_type = true;
props0.resource_id = true;
props0.resource_name = true;
props0.parent_event_id = true;
props0.parent_event_date = true;
props0.namespace = true;
props0.cluster_id = true;
props0.severity = true;
props0.duration_ms = true;
props0.error_code = true;
props0.error_message = true;
props0.trace_id = true;
props0.span_id = true;
props0.retention_days = true;
props0.is_sensitive = true;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if((data.version === undefined) || (!(func0.call(data, "version")))){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if((data.event_type === undefined) || (!(func0.call(data, "event_type")))){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_type"},message:"must have required property '"+"event_type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((data.event_timestamp === undefined) || (!(func0.call(data, "event_timestamp")))){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_timestamp"},message:"must have required property '"+"event_timestamp"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((data.event_category === undefined) || (!(func0.call(data, "event_category")))){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_category"},message:"must have required property '"+"event_category"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((data.event_action === undefined) || (!(func0.call(data, "event_action")))){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_action"},message:"must have required property '"+"event_action"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((data.event_outcome === undefined) || (!(func0.call(data, "event_outcome")))){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_outcome"},message:"must have required property '"+"event_outcome"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((data.correlation_id === undefined) || (!(func0.call(data, "correlation_id")))){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "correlation_id"},message:"must have required property '"+"correlation_id"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((data.event_data === undefined) || (!(func0.call(data, "event_data")))){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_data"},message:"must have required property '"+"event_data"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(props0 !== true){
for(const key0 of Object.keys(data)){
if(!props0 || !Object.hasOwn(props0, key0)){
const err8 = {instancePath,schemaPath:"#/unevaluatedProperties",keyword:"unevaluatedProperties",params:{unevaluatedProperty: key0},message:"must NOT have unevaluated properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
