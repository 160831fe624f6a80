// The embed's postMessage API: how a blog post drives the playground in its
// <iframe> ("click to send a request") and hears what happened. This module is
// the pure part (validation, dispatch, the events' shapes, where to post them),
// tested in Node (messageApi.test.ts); src/app/embedApi.ts binds it to the
// window, src/app/embedActions.ts hands it the store's actions, and main.tsx
// loads the API's chunk only for `?embed=1` pages.
//
// Every message, both ways, is a plain object
//     { source: 'services-playground', v: 1, type, id?, ... }
// Anything else (other scripts on the page post messages too) is ignored
// silently. A message with our `source` but a wrong version, type or field gets
// an `error` reply that says what is wrong. Messages are untrusted input: only
// own properties are read, every field's type and length is checked, and nothing
// a message carries is ever evaluated, used as a property name, or run other
// than as the one command line of a `run`.
//
// Requests (from window.parent; `id`, a string of ≤ 100 characters or a
// number, is echoed in the reply so the page can match replies to requests):
//   run      { command }            one command line through the app's command path
//                                   (runCommand, as if typed; it shows in the terminal)
//                                   → result { stdout, stderr, exitCode }
//                                   A read-only embed (`readonly=1`) refuses commands that
//                                   change the cluster (scenarios/tryThis.ts changesCluster,
//                                   the rule its lesson buttons follow) → error
//   send     { url, from?, host? }  a request as the Send request dialog sends it (the same
//                                   curl / kubectl exec line, so the packet animates);
//                                   from: 'workstation' (default), 'POD' or 'NAMESPACE/POD'
//                                   (a running pod whose image has curl or wget)
//                                   → result { command, stdout, stderr, exitCode }
//   scenario { scenario }           opens a built-in example (src/scenarios) → ok; the
//                                   field is `scenario` since `id` is the request's
//                                   (allowed read-only: it replaces the cluster with a
//                                   pristine example, which the reader cannot edit)
//   theme    { theme }              'light' or 'dark' → ok
//   ping     {}                     → ok (also tells the embed the page's origin, below)
//
// Events (to window.parent):
//   ready    { readOnly }           the example has started: requests work from now on
//                                   (earlier ones, up to 100, were kept and are answered
//                                   in order right after it: earlyMessages.ts)
//   trace    { url, from, outcome, status?, pod?, hops, reason, dropped? }
//                                   a request's trace is complete (a packet starts to
//                                   travel): outcome is 'response' | 'refused' | 'timeout' |
//                                   'nxdomain' | 'invalid'; pod { namespace, name } served it;
//                                   at most TRACE_EVENTS_PER_SECOND are posted (the traffic
//                                   generator sends hundreds): `dropped` counts those skipped.
//
// Where messages go (targetOrigin). Replies go to the origin of the request
// they answer (event.origin), synchronously, to the window that sent it. Events
// go to the parent's origin when it is known: the `origin=` page parameter
// (then requests from any other origin are ignored), else the origin of the
// last request the parent sent, else document.referrer's origin. `ready`
// carries no data about the cluster, so it goes to '*' when the origin is not
// known; `trace` events carry the reader's URLs and pod names, so they are not
// posted until the origin is known (send `ping` after `ready` to make it known).

import type { ExecResult, Trace } from '../engine';

type TraceOutcome = Trace['outcome'];

export const API_SOURCE = 'services-playground';
export const API_VERSION = 1;
export const MAX_ID_LENGTH = 100;
export const MAX_COMMAND_LENGTH = 1000;
export const MAX_URL_LENGTH = 2000;
export const TRACE_EVENTS_PER_SECOND = 10;

export type MessageId = string | number;
export type Theme = 'light' | 'dark';

export type ApiRequest =
  | { type: 'run'; id?: MessageId; command: string }
  | { type: 'send'; id?: MessageId; url: string; from?: SendFrom; host?: string }
  | { type: 'scenario'; id?: MessageId; scenario: string }
  | { type: 'theme'; id?: MessageId; theme: Theme }
  | { type: 'ping'; id?: MessageId };

/** Who sends a `send` request: your machine, or a pod. */
export type SendFrom = { kind: 'workstation' } | { kind: 'pod'; namespace: string; name: string };

const REQUEST_TYPES = ['run', 'send', 'scenario', 'theme', 'ping'] as const;

/** What a message turned out to be. */
export type Parsed =
  | { kind: 'ignore' }
  | { kind: 'error'; id?: MessageId; message: string }
  | { kind: 'request'; request: ApiRequest };

/** Outgoing messages, without the envelope (`source`, `v`: see envelope()). */
export type Reply =
  | { type: 'result'; id?: MessageId; command?: string; stdout: string; stderr: string; exitCode: number }
  | { type: 'ok'; id?: MessageId }
  | { type: 'error'; id?: MessageId; message: string };

export interface TraceEvent {
  type: 'trace';
  url: string;
  from: string;
  outcome: TraceOutcome['kind'];
  status?: number;
  pod?: { namespace: string; name: string };
  hops: number;
  reason: string;
  dropped?: number;
}

export type ApiEvent = { type: 'ready'; readOnly: boolean } | TraceEvent;

export type Outgoing = (Reply | ApiEvent) & { source: typeof API_SOURCE; v: typeof API_VERSION };

export function envelope<T extends Reply | ApiEvent>(message: T): T & { source: typeof API_SOURCE; v: typeof API_VERSION } {
  return { source: API_SOURCE, v: API_VERSION, ...message };
}

/** A property the object itself has (never one from its prototype chain). */
function own(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(x: unknown): x is object {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Shows an untrusted value in an error message: short, one line. */
function show(x: unknown): string {
  const text =
    typeof x === 'string'
      ? JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)
      : typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined
        ? String(x)
        : Array.isArray(x) ? 'an array' : typeof x;
  return text.replace(CONTROL_ALL, '?');
}

// Control characters (a newline would make two commands of one) and the Unicode line separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const HOST_HEADER = /^[A-Za-z0-9]([-A-Za-z0-9.]{0,251}[A-Za-z0-9])?(:\d{1,5})?$/;

type Field<T> = { ok: true; value: T } | { ok: false; message: string };

function stringField(o: object, key: string, max: number, what: string): Field<string> {
  const value = own(o, key);
  if (value === undefined) return { ok: false, message: `${what} is missing` };
  if (typeof value !== 'string') return { ok: false, message: `${what} must be a string, not ${show(value)}` };
  if (value.trim() === '') return { ok: false, message: `${what} is empty` };
  if (value.length > max) return { ok: false, message: `${what} is longer than ${max} characters` };
  if (CONTROL.test(value)) return { ok: false, message: `${what} must be one line, without control characters` };
  return { ok: true, value };
}

function parseFrom(value: unknown): Field<SendFrom | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string' || value.length > 320) return { ok: false, message: `"from" must be "workstation", "POD" or "NAMESPACE/POD", not ${show(value)}` };
  if (value === 'workstation') return { ok: true, value: { kind: 'workstation' } };
  const parts = value.split('/');
  const [namespace, name] = parts.length === 2 ? parts : ['default', parts[0]];
  if (parts.length > 2 || !DNS_LABEL.test(namespace) || !DNS_SUBDOMAIN.test(name)) {
    return { ok: false, message: `"from" must be "workstation", "POD" or "NAMESPACE/POD", not ${show(value)}` };
  }
  return { ok: true, value: { kind: 'pod', namespace, name } };
}

/**
 * Reads one `message` event's data. Not ours (no `source: 'services-playground'`,
 * not a plain object): ignore. Ours but wrong: an error to reply with. Never
 * throws (a message event's data is a structured clone, but callers need not rely on it).
 */
export function parseMessage(data: unknown): Parsed {
  try {
    return parseData(data);
  } catch {
    return { kind: 'ignore' };
  }
}

function parseData(data: unknown): Parsed {
  if (!isPlainObject(data) || own(data, 'source') !== API_SOURCE) return { kind: 'ignore' };
  const rawId = own(data, 'id');
  let id: MessageId | undefined;
  if (rawId !== undefined) {
    const okString = typeof rawId === 'string' && rawId.length <= MAX_ID_LENGTH && !CONTROL.test(rawId);
    const okNumber = typeof rawId === 'number' && Number.isFinite(rawId);
    if (!okString && !okNumber) return { kind: 'error', message: `"id" must be a string of at most ${MAX_ID_LENGTH} characters or a finite number` };
    id = rawId;
  }
  const fail = (message: string): Parsed => ({ kind: 'error', id, message });
  const v = own(data, 'v');
  if (v !== API_VERSION) return fail(`unsupported version ${show(v)}: this playground speaks "v": ${API_VERSION}`);
  const type = own(data, 'type');
  if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type)) {
    return fail(`unknown "type" ${show(type)}: expected one of ${REQUEST_TYPES.join(', ')}`);
  }
  const withId = <T extends object>(r: T) => (id === undefined ? r : { ...r, id });
  switch (type as (typeof REQUEST_TYPES)[number]) {
    case 'run': {
      const command = stringField(data, 'command', MAX_COMMAND_LENGTH, '"command"');
      return command.ok ? { kind: 'request', request: withId({ type: 'run' as const, command: command.value.trim() }) } : fail(command.message);
    }
    case 'send': {
      const url = stringField(data, 'url', MAX_URL_LENGTH, '"url"');
      if (!url.ok) return fail(url.message);
      if (!/^https?:\/\/[^\s/]/i.test(url.value) || /\s/.test(url.value)) return fail(`"url" must be an http:// or https:// URL without spaces, not ${show(url.value)}`);
      const from = parseFrom(own(data, 'from'));
      if (!from.ok) return fail(from.message);
      const host = own(data, 'host');
      if (host !== undefined && (typeof host !== 'string' || !HOST_HEADER.test(host))) return fail(`"host" must be a host name (and port), not ${show(host)}`);
      const request: ApiRequest = { type: 'send', url: url.value };
      if (from.value) request.from = from.value;
      if (typeof host === 'string') request.host = host;
      return { kind: 'request', request: withId(request) };
    }
    case 'scenario': {
      // The example's id is `scenario`: `id` is the request's, echoed in the reply.
      const scenario = stringField(data, 'scenario', MAX_ID_LENGTH, '"scenario"');
      return scenario.ok ? { kind: 'request', request: withId({ type: 'scenario' as const, scenario: scenario.value }) } : fail(scenario.message);
    }
    case 'theme': {
      const theme = own(data, 'theme');
      if (theme !== 'light' && theme !== 'dark') return fail(`"theme" must be "light" or "dark", not ${show(theme)}`);
      return { kind: 'request', request: withId({ type: 'theme' as const, theme }) };
    }
    case 'ping':
      return { kind: 'request', request: withId({ type: 'ping' as const }) };
  }
}

/** What the API may do to the playground: the binding passes the store's actions. */
export interface ApiActions {
  readOnly(): boolean;
  /** Whether the cluster can run commands (false when the command line's code failed to load). */
  running(): boolean;
  /** Whether a command line changes the cluster (scenarios/tryThis.ts). */
  changesCluster(line: string): boolean;
  runCommand(line: string): ExecResult;
  /** The command line for a `send`, or why there is none (no such pod, no curl in it). */
  sendCommand(url: string, from: SendFrom, host?: string): { ok: true; command: string } | { ok: false; message: string };
  /** Opens a built-in example; false when there is none with this id. */
  loadScenario(id: string): boolean;
  setTheme(theme: Theme): void;
}

const withId = <T extends Reply>(reply: T, id: MessageId | undefined): T => (id === undefined ? reply : { ...reply, id });

/** Carries out one valid request. Never throws: an action that throws becomes an error reply. */
export function handleRequest(request: ApiRequest, actions: ApiActions): Reply {
  const { id } = request;
  const error = (message: string) => withId<Reply>({ type: 'error', message }, id);
  try {
    if (request.type === 'ping') return withId<Reply>({ type: 'ok' }, id);
    if (request.type === 'theme') {
      actions.setTheme(request.theme);
      return withId<Reply>({ type: 'ok' }, id);
    }
    if (!actions.running()) return error('the playground could not start its command line; reload the page to try again');
    if (request.type === 'scenario') {
      return actions.loadScenario(request.scenario) ? withId<Reply>({ type: 'ok' }, id) : error(`there is no example ${show(request.scenario)}`);
    }
    if (request.type === 'run') {
      if (actions.readOnly() && actions.changesCluster(request.command)) {
        return error(`this embed is read-only: ${show(request.command)} would change the cluster, so it was not run`);
      }
      const result = actions.runCommand(request.command);
      return withId<Reply>({ type: 'result', stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }, id);
    }
    const line = actions.sendCommand(request.url, request.from ?? { kind: 'workstation' }, request.host);
    if (!line.ok) return error(line.message);
    // The dialog's lines only read (curl, kubectl exec); the check keeps the rule whoever builds them.
    if (actions.readOnly() && actions.changesCluster(line.command)) return error('this embed is read-only: the request would change the cluster');
    const result = actions.runCommand(line.command);
    return withId<Reply>({ type: 'result', command: line.command, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }, id);
  } catch (e) {
    return error(`the playground failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The part of an engine trace an article needs: where it went, what answered, in how many hops. */
export interface TraceLike {
  request: { url: string; from: { kind: string; namespace?: string; name?: string } };
  hops: readonly unknown[];
  outcome: TraceOutcome;
}

export function traceEvent(trace: TraceLike): TraceEvent {
  const { from } = trace.request;
  const event: TraceEvent = {
    type: 'trace',
    url: trace.request.url,
    from: from.kind === 'pod' ? `${from.namespace ?? 'default'}/${from.name ?? ''}` : from.kind,
    outcome: trace.outcome.kind,
    hops: trace.hops.length,
    reason: trace.outcome.reason,
  };
  if (trace.outcome.kind === 'response') {
    event.status = trace.outcome.status;
    const served = trace.outcome.servedBy;
    if (served) event.pod = { namespace: served.namespace, name: served.pod };
  }
  return event;
}

/** Allows at most `perSecond` events in any one-second window; counts the rest. */
export class EventBudget {
  private times: number[] = [];
  /** Events refused since the last one allowed. */
  dropped = 0;
  constructor(private readonly perSecond = TRACE_EVENTS_PER_SECOND) {}

  take(now: number): boolean {
    while (this.times.length && now - this.times[0] >= 1000) this.times.shift();
    if (this.times.length >= this.perSecond) {
      this.dropped++;
      return false;
    }
    this.times.push(now);
    return true;
  }
}

/** An http(s) origin from a URL (document.referrer), or undefined. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where events go: the `origin=` parameter, else the origin the parent last sent
 * a request from, else the referrer's; undefined when none is known.
 */
export function eventOrigin(known: { param?: string; lastRequest?: string; referrer?: string }): string | undefined {
  const usable = (o: string | undefined) => (o && o !== 'null' ? o : undefined);
  return usable(known.param) ?? usable(known.lastRequest) ?? usable(known.referrer);
}

/** Whether a request from `origin` is heard: any origin, unless the page named one with `origin=`. */
export function acceptsOrigin(origin: string, param: string | undefined): boolean {
  return param === undefined || origin === param;
}

/** targetOrigin for a reply to a request from `origin` ('null' for sandboxed or file:// parents cannot be named). */
export function replyTarget(origin: string): string {
  return origin && origin !== 'null' ? origin : '*';
}
