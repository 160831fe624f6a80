// The saved session: what survives a reload, its validation, and the replay log
// of the cluster. Pure (no storage, no DOM) so it is tested in Node.
//
// The cluster is deterministic (same seed + same inputs = same state), so instead
// of serialising its objects we record its inputs in order and replay them.

import type { TraceRequest } from '../../engine';
import type { ClusterInput } from './actions';
import { reconcileOrder } from './fileOrder';
import type { PaneSizes } from './state';

/**
 * The format written now. 2 added `logLost` (why a session has no log); a session
 * written as 1 reads the same, except that its null log's reason is unknown.
 */
export const SESSION_VERSION = 2;
/** Format versions this page reads. */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
/** Past this many log entries the log is dropped: files are kept and the cluster starts fresh after a reload. */
export const MAX_LOG_ENTRIES = 2000;

/**
 * A log entry: an input, with repeated identical requests folded into one entry with a count,
 * and each running command numbered (`id`, in the order they started) in place of its token.
 */
export type LogEntry =
  | Exclude<ClusterInput, { t: 'trace' | 'start' | 'stop' | 'close' }>
  | { t: 'trace'; request: TraceRequest; n: number }
  | { t: 'start'; line: string; id: number }
  | { t: 'stop'; id: number }
  | { t: 'close'; id: number; text: string };

export interface ReplayLog {
  seed: number;
  nodes: number;
  entries: LogEntry[];
}

/** Why a saved session has no log (its files are kept; the cluster starts fresh). */
export type LogLoss =
  /** The log outgrew MAX_LOG_ENTRIES. */
  | 'too-long'
  /** Browser storage was full (QuotaExceededError): the session was saved without its log. */
  | 'storage-full';

export interface SavedSession {
  v: typeof SESSION_VERSION;
  /** The example the session started from (for the "replace your work?" question). */
  scenario?: string;
  files: Record<string, string>;
  /**
   * The tabs' order. Sessions saved before it existed lack it: their tabs take the
   * order of `files`, which is how those pages showed them.
   */
  order?: string[];
  activeFile: string;
  theme?: 'light' | 'dark';
  collapsed?: { editor: boolean; terminal: boolean; inspector: boolean };
  sizes?: PaneSizes;
  presenter?: boolean;
  typed: string[];
  /**
   * The text each file had when last applied (the editor's clean/dirty tabs).
   * Only meaningful with the log: a cluster started fresh has applied nothing.
   */
  applied?: Record<string, string>;
  applyAsYouType?: boolean;
  /** How the example's lesson strip was left (the example is `scenario`). */
  lesson?: { collapsed: boolean; dismissed: boolean };
  /** null when it could not be kept (`logLost` says why): the files are kept, the cluster starts fresh. */
  log: ReplayLog | null;
  /** Why `log` is null. Absent in sessions written as version 1, whose null log may have either reason. */
  logLost?: LogLoss;
}

/**
 * Records inputs into a compact log:
 * - file writes only matter to the next command (`kubectl apply -f` reads them), so
 *   writes wait until a command runs and only the last text per file is kept;
 * - consecutive time advances are added up;
 * - identical requests one after another (a traffic generator) fold into one entry,
 *   even across a time advance between them. That one is an approximation: the
 *   folded requests replay at the first one's instant, and since endpoint choices
 *   draw from the cluster's one random generator, names drawn after a long run of
 *   generated traffic may differ after a reload. Without it, a generator would fill
 *   the log in minutes; commands, files and time replay exactly.
 */
export class LogRecorder {
  private entries: LogEntry[];
  private pending = new Map<string, LogEntry>();
  /** The running commands' numbers, by the token their start and stop carry. */
  private startIds = new WeakMap<object, number>();
  private nextStartId: number;
  overflowed = false;

  constructor(
    readonly seed: number,
    readonly nodes: number,
    entries: LogEntry[] = [],
  ) {
    this.entries = [...entries];
    this.nextStartId = entries.reduce((n, e) => (e.t === 'start' ? Math.max(n, e.id + 1) : n), 0);
  }

  record(input: ClusterInput): void {
    if (this.overflowed) return;
    switch (input.t) {
      case 'write':
      case 'delete':
        this.pending.delete(input.path); // keep insertion order of the latest change
        this.pending.set(input.path, input);
        return;
      case 'cmd':
        this.flushPending();
        this.entries.push(input);
        break;
      case 'start': {
        this.flushPending();
        const id = this.nextStartId++;
        this.startIds.set(input.token, id);
        this.entries.push({ t: 'start', line: input.line, id });
        break;
      }
      case 'stop': {
        const id = this.startIds.get(input.token);
        if (id === undefined) return; // started before the log was cut (overflow) or in another log
        this.flushPending();
        this.entries.push({ t: 'stop', id });
        break;
      }
      case 'close': {
        const id = this.startIds.get(input.token);
        if (id === undefined) return;
        // The entry carries the file's text; kubectl removes the file once the edit ends, so a
        // write of it still waiting here would bring it back after a reload.
        this.pending.delete(input.path);
        this.flushPending();
        this.entries.push({ t: 'close', id, text: input.text });
        break;
      }
      case 'advance': {
        if (!(input.ms > 0) || !Number.isFinite(input.ms)) return;
        const last = this.entries.at(-1);
        if (last?.t === 'advance') this.entries[this.entries.length - 1] = { t: 'advance', ms: last.ms + input.ms };
        else this.entries.push({ t: 'advance', ms: input.ms });
        break;
      }
      case 'trace': {
        const key = JSON.stringify(input.request);
        const last = this.entries.at(-1);
        // Look past one advance: a generator sends, time moves, it sends again.
        const candidate = last?.t === 'advance' ? this.entries.at(-2) : last;
        if (candidate?.t === 'trace' && JSON.stringify(candidate.request) === key) candidate.n += 1;
        else this.entries.push({ t: 'trace', request: input.request, n: 1 });
        break;
      }
    }
    if (this.entries.length + this.pending.size > MAX_LOG_ENTRIES) {
      this.overflowed = true;
      this.entries = [];
      this.pending.clear();
    }
  }

  /** Number of commands recorded (not counting file writes and time). */
  commandCount(): number {
    return this.entries.filter((e) => e.t === 'cmd' || e.t === 'start').length;
  }

  /** The log to save, or null once it overflowed. */
  toLog(): ReplayLog | null {
    if (this.overflowed) return null;
    return { seed: this.seed, nodes: this.nodes, entries: [...this.entries, ...this.pending.values()].map((e) => ({ ...e })) };
  }

  private flushPending(): void {
    for (const e of this.pending.values()) this.entries.push(e);
    this.pending.clear();
  }
}

// ---- validation: whatever is in localStorage may be corrupt or hostile ----

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isEntryId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_LOG_ENTRIES;
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10_000;
/** File names as a person would type them after `kubectl apply -f`. */
const FILE_NAME = /^[\w.\-/ ]{1,200}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function validFiles(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(v)) {
    if (!FILE_NAME.test(name) || name.split('/').includes('..') || name.startsWith('/') || FORBIDDEN_KEYS.has(name) || !isString(text)) return undefined;
    files[name] = text;
  }
  return files;
}

const isStringRecord = (v: unknown): v is Record<string, string> => isObject(v) && Object.entries(v).every(([k, x]) => !FORBIDDEN_KEYS.has(k) && isString(x));

/** A request as the engine takes it (a field of another type would make the replay throw, not fail the request). */
function validRequest(r: unknown): TraceRequest | undefined {
  if (!isObject(r) || !isString(r.url) || !isObject(r.from)) return undefined;
  const f = r.from;
  let from: TraceRequest['from'];
  if (f.kind === 'workstation') from = { kind: 'workstation' };
  else if (f.kind === 'node' && isString(f.name)) from = { kind: 'node', name: f.name };
  else if (f.kind === 'pod' && isString(f.namespace) && isString(f.name) && (f.container === undefined || isString(f.container)))
    from = { kind: 'pod', namespace: f.namespace, name: f.name, ...(f.container === undefined ? {} : { container: f.container }) };
  else return undefined;
  const request: TraceRequest = { from, url: r.url };
  for (const key of ['method', 'body', 'userAgent'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (!isString(v)) return undefined;
    request[key] = v;
  }
  for (const key of ['headers', 'resolve'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (!isStringRecord(v)) return undefined;
    request[key] = { ...v };
  }
  return request;
}

function validEntry(e: unknown): LogEntry | undefined {
  if (!isObject(e)) return undefined;
  switch (e.t) {
    case 'cmd':
      if (!isString(e.line) || (e.stdin !== undefined && !isString(e.stdin))) return undefined;
      return e.stdin === undefined ? { t: 'cmd', line: e.line } : { t: 'cmd', line: e.line, stdin: e.stdin };
    case 'write':
      return isString(e.path) && isString(e.text) ? { t: 'write', path: e.path, text: e.text } : undefined;
    case 'delete':
      return isString(e.path) ? { t: 'delete', path: e.path } : undefined;
    case 'advance':
      return typeof e.ms === 'number' && Number.isFinite(e.ms) && e.ms >= 0 ? { t: 'advance', ms: e.ms } : undefined;
    case 'start':
      return isString(e.line) && isEntryId(e.id) ? { t: 'start', line: e.line, id: e.id } : undefined;
    case 'stop':
      return isEntryId(e.id) ? { t: 'stop', id: e.id } : undefined;
    case 'close':
      return isEntryId(e.id) && isString(e.text) ? { t: 'close', id: e.id, text: e.text } : undefined;
    case 'trace': {
      const request = validRequest(e.request);
      const n = typeof e.n === 'number' && Number.isInteger(e.n) && e.n >= 1 && e.n <= 100_000 ? e.n : undefined;
      return request && n ? { t: 'trace', request, n } : undefined;
    }
    default:
      return undefined;
  }
}

function validLog(v: unknown): ReplayLog | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || !Array.isArray(v.entries) || v.entries.length > MAX_LOG_ENTRIES) return undefined;
  const { seed, nodes } = v;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || typeof nodes !== 'number' || !Number.isInteger(nodes) || nodes < 1 || nodes > 10) return undefined;
  const entries: LogEntry[] = [];
  for (const raw of v.entries) {
    const e = validEntry(raw);
    if (!e) return undefined;
    entries.push(e);
  }
  return { seed, nodes, entries };
}

/** The saved tab order, made to list each file exactly once; the order of `files` when absent or unreadable. */
function validOrder(v: unknown, files: Record<string, string>): string[] {
  return reconcileOrder(Array.isArray(v) ? v.filter(isString) : [], files);
}

export interface ValidationResult {
  /** What could be kept (files first: nothing a person typed is lost), or null. */
  session: SavedSession | null;
  /** Human-readable reasons when something was dropped. */
  problems: string[];
}

/** Checks a parsed document section by section, keeping every part that is sound. */
export function validateSession(raw: unknown): ValidationResult {
  if (!isObject(raw)) return { session: null, problems: ['the saved session is not an object'] };
  if (!READABLE_VERSIONS.includes(raw.v)) return { session: null, problems: [`the saved session has an unknown version (${String(raw.v).slice(0, 20)})`] };
  const problems: string[] = [];
  const files = validFiles(raw.files);
  if (!files) return { session: null, problems: ['the saved files are unreadable'] };
  const session: SavedSession = { v: SESSION_VERSION, files, activeFile: '', typed: [], log: null };
  session.activeFile = isString(raw.activeFile) && raw.activeFile in files ? raw.activeFile : (Object.keys(files)[0] ?? '');
  session.order = validOrder(raw.order, files);
  if (isString(raw.scenario) && raw.scenario.length < 100) session.scenario = raw.scenario;
  if (raw.theme === 'light' || raw.theme === 'dark') session.theme = raw.theme;
  const c = raw.collapsed;
  if (isObject(c) && isBool(c.editor) && isBool(c.terminal) && isBool(c.inspector)) session.collapsed = { editor: c.editor, terminal: c.terminal, inspector: c.inspector };
  const s = raw.sizes;
  if (isObject(s) && isSize(s.editor) && isSize(s.inspector) && isSize(s.terminal)) session.sizes = { editor: s.editor, inspector: s.inspector, terminal: s.terminal };
  if (isBool(raw.presenter)) session.presenter = raw.presenter;
  if (isBool(raw.applyAsYouType)) session.applyAsYouType = raw.applyAsYouType;
  const l = raw.lesson;
  if (isObject(l) && isBool(l.collapsed) && isBool(l.dismissed)) session.lesson = { collapsed: l.collapsed, dismissed: l.dismissed };
  if (Array.isArray(raw.typed) && raw.typed.every(isString)) session.typed = raw.typed.slice(-200);
  else if (raw.typed !== undefined) problems.push('the terminal history was unreadable');
  const log = validLog(raw.log);
  if (log === undefined) problems.push('the cluster log was unreadable, so the cluster started fresh');
  else session.log = log;
  if (log === null && raw.v === 2 && (raw.logLost === 'too-long' || raw.logLost === 'storage-full')) session.logLost = raw.logLost;
  // What was applied went to the logged cluster: without it, nothing is applied (every tab is marked).
  const applied = raw.applied === undefined ? undefined : validFiles(raw.applied);
  if (applied && session.log) session.applied = applied;
  return { session, problems };
}

/** Parses and validates the stored text; never throws. */
export function readSession(text: string | null): ValidationResult {
  if (text === null) return { session: null, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { session: null, problems: ['the saved session is not valid JSON'] };
  }
  return validateSession(raw);
}
