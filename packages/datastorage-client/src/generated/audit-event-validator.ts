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
const schema40 = {};
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
for(const key0 of Object.keys(data)){
if(((((((((((((((((((((((((((key0 !== "version") && (key0 !== "event_id")) && (key0 !== "event_type")) && (key0 !== "event_timestamp")) && (key0 !== "event_category")) && (key0 !== "event_action")) && (key0 !== "event_outcome")) && (key0 !== "correlation_id")) && (key0 !== "event_data")) && (key0 !== "actor_type")) && (key0 !== "actor_id")) && (key0 !== "actor_ip")) && (key0 !== "resource_type")) && (key0 !== "resource_id")) && (key0 !== "resource_name")) && (key0 !== "parent_event_id")) && (key0 !== "parent_event_date")) && (key0 !== "namespace")) && (key0 !== "cluster_id")) && (key0 !== "severity")) && (key0 !== "duration_ms")) && (key0 !== "error_code")) && (key0 !== "error_message")) && (key0 !== "trace_id")) && (key0 !== "span_id")) && (key0 !== "retention_days")) && (key0 !== "is_sensitive")){
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
