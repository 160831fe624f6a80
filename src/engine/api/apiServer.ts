// The simulated kube-apiserver: the generic registry store's create, update and
// delete flows (apiserver/pkg/registry/generic/registry/store.go), with each
// kind's strategy plugged in. It is the only writer of the object store.

import type { SimClock } from '../core/clock';
import { apiErrors, field, type FieldError, StatusError } from '../core/errors';
import { SeededRandom } from '../core/random';
import { flat, holdsUndefined, type ObjectStore } from '../core/store';
import type { KubeObject, Namespace, Pod } from '../core/types';
import { type AllocationTransaction, type KindInfo, qualifiedResource, type Registry } from './registry';
import { decodeRequestBody, type FieldValidation, repaired } from './requestDecoding';
import { jsonEqual, shareForWrite } from './structuralSharing';
import { clone, writable } from './writable';

// Callers across the engine and kubectl copy and compare JSON through the API server's module.
export { clone, jsonEqual };

export interface DeleteOptions {
  /** Overrides the object's grace period (pods); 0 with `force` removes at once. */
  gracePeriodSeconds?: number;
  force?: boolean;
}

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * create/update only: the caller gives up `input`, a fresh object it built for this write
   * (the endpoint controllers' Endpoints and EndpointSlices), instead of the API server
   * copying it first. The server may then change the input's own (unfrozen) objects as it
   * would change its copy, and the store freezes them; the caller must not use them again.
   * Frozen parts (taken from stored objects) are kept as they are, never changed: they must
   * need no defaulting, which holds for parts of stored objects of the written kind.
   * Inputs the copy would not reproduce exactly fall back to copying (writable.ts).
   */
  handOver?: boolean;
  /** The request's fieldValidation (requestDecoding.ts); the server's default is Warn. */
  fieldValidation?: FieldValidation;
  /** Receives the response's warnings (Warn validation's unknown fields), as kubectl prints them. */
  warnings?: string[];
}

/** Metadata the API server sets itself on create, whatever the request said. */
const SERVER_OWNED_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

/**
 * Kinds whose uids (and generated names) come from the auxiliary stream: the objects the
 * ServiceAccount and ConfigMap kinds added to every namespace. Drawing them from the main
 * stream would shift every name, uid and IP the cluster handed out before they existed —
 * the ones saved sessions, scenarios and tests rely on.
 */
const AUXILIARY_STREAM_KINDS = new Set(['ServiceAccount', 'ConfigMap']);

/** The auxiliary stream's seed: the main generator's starting state, scrambled (any fixed bijection will do). */
const auxiliarySeed = (state: number) => Math.imul(state ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
/** The daemon stream's seed: another fixed scramble of the same state. */
const daemonSeed = (state: number) => Math.imul(state ^ 0x7f4a7c15, 0xc2b2ae35) >>> 0;
/** The control-plane stream's seed: a third scramble. */
const controlPlaneSeed = (state: number) => Math.imul(state ^ 0x27d4eb2f, 0x165667b1) >>> 0;

/**
 * Objects whose uids, generated names and token-volume suffixes come from the daemon stream:
 * every DaemonSet, the pods and ControllerRevisions a DaemonSet controls, and the kubeadm
 * addon objects that came with them (kube-proxy's ServiceAccount and ConfigMap, the coredns
 * ConfigMap). Drawing them from the main or the auxiliary stream would shift the names, uids
 * and token volumes of everything made after them, as AUXILIARY_STREAM_KINDS explains.
 */
const DAEMON_STREAM_OBJECTS = new Set(['ServiceAccount/kube-system/kube-proxy', 'ConfigMap/kube-system/kube-proxy', 'ConfigMap/kube-system/coredns']);

function drawsFromDaemonStream(kind: string, obj: KubeObject): boolean {
  if (kind === 'DaemonSet') return true;
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (const r of refs) if (r.controller === true && r.kind === 'DaemonSet') return true;
  // Checked on every create: the key is built only for the namespace the addons live in.
  return obj.metadata?.namespace === 'kube-system' && DAEMON_STREAM_OBJECTS.has(`${kind}/kube-system/${obj.metadata.name}`);
}

/**
 * Objects whose uids come from the control-plane stream: the control plane's mirror pods
 * (owned by their Node) and the ConfigMaps `kubeadm init` uploads. They came after the
 * daemon stream's draws were fixed, so they draw from a stream of their own: nothing
 * drawn before them (DaemonSet pods included) moves.
 */
const CONTROL_PLANE_STREAM_OBJECTS = new Set(['ConfigMap/kube-system/kubeadm-config', 'ConfigMap/kube-system/kubelet-config', 'ConfigMap/kube-public/cluster-info']);

function drawsFromControlPlaneStream(kind: string, obj: KubeObject): boolean {
  if (kind === 'Pod') {
    const refs = obj.metadata?.ownerReferences;
    if (refs) for (const r of refs) if (r.controller === true && r.kind === 'Node') return true;
    return false;
  }
  return kind === 'ConfigMap' && CONTROL_PLANE_STREAM_OBJECTS.has(`ConfigMap/${obj.metadata?.namespace}/${obj.metadata?.name}`);
}

function isTransaction(r: unknown): r is AllocationTransaction {
  return !!r && typeof r === 'object' && 'revert' in (r as object);
}

export class ApiServer {
  /**
   * A second seeded stream, derived from the main one's starting state, for randomness
   * added after the main stream's draws were fixed: the uids of ServiceAccounts and
   * ConfigMaps and the suffix of each pod's kube-api-access volume. Dry runs leave it as
   * they found it.
   */
  readonly auxRng: SeededRandom;
  /** A third stream, for DaemonSets and what they bring (drawsFromDaemonStream). Dry runs leave it too. */
  readonly daemonRng: SeededRandom;
  /** A fourth, for the control plane's mirror pods and kubeadm's ConfigMaps (drawsFromControlPlaneStream). Dry runs leave it too. */
  readonly controlPlaneRng: SeededRandom;

  constructor(
    readonly store: ObjectStore,
    readonly registry: Registry,
    readonly clock: SimClock,
    readonly rng: SeededRandom,
  ) {
    this.auxRng = new SeededRandom(auxiliarySeed(rng.save()));
    this.daemonRng = new SeededRandom(daemonSeed(rng.save()));
    this.controlPlaneRng = new SeededRandom(controlPlaneSeed(rng.save()));
  }

  /** The stream an object's uid, generated name and (pods) token-volume suffix are drawn from. */
  randomStreamFor(kind: string, obj: KubeObject, fallback: SeededRandom = AUXILIARY_STREAM_KINDS.has(kind) ? this.auxRng : this.rng): SeededRandom {
    if (drawsFromDaemonStream(kind, obj)) return this.daemonRng;
    return drawsFromControlPlaneStream(kind, obj) ? this.controlPlaneRng : fallback;
  }

  private infoOrThrow(kind: string): KindInfo {
    const info = this.registry.info(kind);
    if (!info) throw apiErrors.notFound('kinds', kind);
    return info;
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const info = this.infoOrThrow(kind);
    const obj = this.store.get<T>(kind, info.namespaced ? namespace : undefined, name);
    if (!obj) throw apiErrors.notFound(qualifiedResource(info), name);
    return obj;
  }

  tryGet<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const info = this.registry.info(kind);
    if (!info) return undefined;
    return this.store.get<T>(kind, info.namespaced ? namespace : undefined, name);
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    return this.store.list<T>(kind, namespace);
  }

  /** POST: decoding → defaulting → BeginCreate (allocation) → PrepareForCreate → validation → admission → storage. */
  create<T extends KubeObject = KubeObject>(input: KubeObject, opts: WriteOptions = {}): T {
    const info = this.infoOrThrow(input.kind);
    const needsRepair = decodeRequestBody(info, input, opts.fieldValidation, opts.warnings);
    const strategy = this.registry.strategy(input.kind)!;
    const obj = needsRepair ? repaired(info, writable<T>(input, false)) : writable<T>(input, opts.handOver);
    obj.metadata = obj.metadata ?? {};
    if (!info.namespaced) delete obj.metadata.namespace;
    else obj.metadata.namespace = obj.metadata.namespace || 'default';
    strategy.defaults?.(obj);
    const rng = this.randomStreamFor(info.kind, obj);
    // A dry run leaves the auxiliary streams as it found them, admitted or refused (see auxRng).
    const auxState = this.auxRng.save();
    const daemonState = this.daemonRng.save();
    const controlPlaneState = this.controlPlaneRng.save();
    let tx: AllocationTransaction | undefined;
    try {
      strategy.admit?.(obj, { dryRun: !!opts.dryRun });
      const begun = strategy.beginCreate?.(obj);
      if (Array.isArray(begun) && begun.length) throw apiErrors.invalid(info.kind, obj.metadata.name ?? '', begun, info.group);
      tx = isTransaction(begun) ? begun : undefined;
      if (!obj.metadata.name && obj.metadata.generateName) {
        // Built flat: the name lives as long as the object (see flat()).
        obj.metadata.name = flat(`${obj.metadata.generateName}${rng.nameSuffix()}`);
      }
      // Fields the server owns are reset whatever the request said.
      for (const k of SERVER_OWNED_METADATA) delete obj.metadata[k];
      strategy.prepareForCreate?.(obj);
      const errors: FieldError[] = [];
      if (!obj.metadata.name) errors.push(field.required('metadata.name', 'name or generateName is required'));
      errors.push(...(strategy.validate?.(obj) ?? []));
      if (errors.length) throw apiErrors.invalid(info.kind, obj.metadata.name ?? '', errors, info.group);
      this.admitNamespace(info, obj);
      if (this.store.get(info.kind, obj.metadata.namespace, obj.metadata.name!)) {
        throw apiErrors.alreadyExists(qualifiedResource(info), obj.metadata.name!);
      }
      if (opts.dryRun) {
        tx?.revert();
        return obj;
      }
      obj.metadata.uid = rng.uuid();
      obj.metadata.resourceVersion = this.store.nextResourceVersion();
      obj.metadata.creationTimestamp = this.clock.timestamp();
      if (info.hasGeneration) obj.metadata.generation = 1;
      tx?.commit();
      return this.store.put(obj) as T;
    } catch (e) {
      tx?.revert();
      throw e;
    } finally {
      if (opts.dryRun) {
        this.auxRng.restore(auxState);
        this.daemonRng.restore(daemonState);
        this.controlPlaneRng.restore(controlPlaneState);
      }
    }
  }

  /** PUT: the whole object is replaced; status is kept by the strategy. */
  update<T extends KubeObject = KubeObject>(input: KubeObject, opts: WriteOptions = {}): T {
    const info = this.infoOrThrow(input.kind);
    const needsRepair = decodeRequestBody(info, input, opts.fieldValidation, opts.warnings);
    const strategy = this.registry.strategy(input.kind)!;
    const ns = info.namespaced ? input.metadata?.namespace || 'default' : undefined;
    const old = this.get<T>(info.kind, ns, input.metadata?.name ?? '');
    const obj = needsRepair ? repaired(info, writable<T>(input, false)) : writable<T>(input, opts.handOver);
    obj.metadata.namespace = ns;
    if (!info.namespaced) delete obj.metadata.namespace;
    strategy.defaults?.(obj);
    // Server-owned metadata carries over from the stored object.
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    // Kinds without a generation have none after an update either (no `generation: undefined`
    // key, which jsonpath's `{.metadata.*}` printed as <nil>).
    if (old.metadata.generation === undefined) delete obj.metadata.generation;
    else obj.metadata.generation = old.metadata.generation;
    strategy.prepareForUpdate?.(obj, old);
    if (info.hasGeneration && !sameSpec(obj, old)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;

    const begun = strategy.beginUpdate?.(obj, old);
    if (Array.isArray(begun) && begun.length) throw apiErrors.invalid(info.kind, obj.metadata.name!, begun, info.group);
    const tx = isTransaction(begun) ? begun : undefined;
    try {
      const errors = strategy.validateUpdate?.(obj, old) ?? strategy.validate?.(obj) ?? [];
      if (errors.length) throw apiErrors.invalid(info.kind, obj.metadata.name!, errors, info.group);
      if (opts.dryRun) {
        tx?.revert();
        return obj;
      }
      tx?.commit();
      const shared = shareForWrite(obj, old);
      if (shared === old) return old;
      withNewResourceVersion(shared, old, this.store.nextResourceVersion());
      return this.store.put(shared) as T;
    } catch (e) {
      tx?.revert();
      throw e;
    }
  }

  /**
   * Controllers' status writes (the /status subresource): only `status` changes.
   * `mutate` receives a private copy of the current object.
   */
  updateStatus<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, mutate: (obj: T) => void): T {
    const old = this.get<T>(kind, namespace, name);
    const obj = clone(old);
    mutate(obj);
    // Unchanged subtrees become the stored (frozen) ones, so the equality check and the
    // store's freeze only walk what the mutator changed.
    const shared = shareForWrite(obj, old);
    if (shared === old) return old;
    withNewResourceVersion(shared, old, this.store.nextResourceVersion());
    return this.store.put(shared) as T;
  }

  /**
   * A control-plane write that computes whole top-level fields from the stored object
   * instead of mutating a private copy: `build` gets the stored (frozen) object and
   * returns the top-level fields to replace, in the order a mutator would assign them.
   * The result is the same as updateStatus with a mutator assigning those fields, without
   * copying what is not replaced. Validation is bypassed as for updateStatus/systemUpdate.
   */
  replaceFields<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, build: (stored: T) => Partial<T>): T {
    const old = this.get<T>(kind, namespace, name);
    // A copy drops keys whose value is undefined; an object holding some takes the copying path.
    if (holdsUndefined(old)) {
      return this.updateStatus<T>(kind, namespace, name, (o) => {
        const fields = build(o);
        for (const k of Object.keys(fields) as (keyof T)[]) o[k] = fields[k] as T[keyof T];
      });
    }
    const fields = build(old);
    const obj = { ...old };
    // for-in over own keys: Object.keys order, without allocating the key array.
    for (const k in fields) if (Object.prototype.hasOwnProperty.call(fields, k)) obj[k] = fields[k] as T[typeof k];
    const shared = shareForWrite(obj, old);
    if (shared === old) return old;
    withNewResourceVersion(shared, old, this.store.nextResourceVersion());
    return this.store.put(shared) as T;
  }

  /**
   * Trusted writes by the control plane's own components that bypass strategy
   * validation (metadata such as ownerReferences, deletion bookkeeping, node
   * status). Kept separate so user input can never take this path.
   */
  systemUpdate<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, mutate: (obj: T) => void): T {
    return this.updateStatus<T>(kind, namespace, name, mutate);
  }

  /**
   * DELETE. Pods that are bound to a node and still running are deleted gracefully:
   * they get a deletionTimestamp and stay until the kubelet finishes (Terminating).
   * Namespaces enter phase Terminating and are emptied by the namespace controller.
   * Everything else goes at once; dependents are left to the garbage collector.
   */
  delete<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const info = this.infoOrThrow(kind);
    const ns = info.namespaced ? namespace || 'default' : undefined;
    const old = this.get<T>(kind, ns, name);
    if (kind === 'Pod') {
      const pod = old as unknown as Pod;
      const phase = pod.status?.phase;
      const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      const immediate = !pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed' || (grace === 0 && opts.force);
      if (!immediate) {
        if (old.metadata.deletionTimestamp) {
          // A second delete may only shorten the grace period.
          if (grace >= (old.metadata.deletionGracePeriodSeconds ?? Infinity)) return old;
        }
        const effective = Math.max(grace, 1); // the API server turns 0 without --force into 1s
        return this.systemUpdate<T>(kind, ns, name, (o) => {
          o.metadata.deletionTimestamp = this.clock.timestamp(this.clock.now() + effective * 1000);
          o.metadata.deletionGracePeriodSeconds = effective;
        });
      }
    }
    if (kind === 'Namespace') {
      if (['default', 'kube-system', 'kube-public'].includes(name)) {
        throw apiErrors.forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
      }
      if (old.metadata.deletionTimestamp) return old;
      return this.systemUpdate<T>(kind, ns, name, (o) => {
        o.metadata.deletionTimestamp = this.clock.timestamp();
        (o as unknown as Namespace).status = { phase: 'Terminating' };
      });
    }
    return this.removeNow(kind, ns, name) as T;
  }

  /** Removes an object from storage at once (end of graceful deletion, garbage collection). */
  removeNow(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const removed = this.store.remove(kind, namespace, name);
    if (removed) this.registry.strategy(kind)?.afterDelete?.(removed);
    return removed;
  }

  /** NamespaceLifecycle admission: content only in existing, non-terminating namespaces. */
  private admitNamespace(info: KindInfo, obj: KubeObject): void {
    if (!info.namespaced) return;
    const ns = this.store.get<Namespace>('Namespace', undefined, obj.metadata.namespace!);
    if (!ns) throw apiErrors.notFound('namespaces', obj.metadata.namespace!);
    if (ns.metadata.deletionTimestamp) {
      throw new StatusError({
        kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 403, reason: 'Forbidden',
        message: `${info.resource} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns.metadata.name} because it is being terminated`,
      });
    }
  }
}

/** Sets the resourceVersion of a changed object whose metadata may still be the stored (frozen) one. */
function withNewResourceVersion(obj: KubeObject, old: KubeObject, rv: string): void {
  // Shared metadata had exactly old's keys (no undefined ones), so a spread is an exact copy.
  if (obj.metadata === old.metadata) obj.metadata = { ...old.metadata };
  obj.metadata.resourceVersion = rv;
}

/**
 * Whether the two objects are the same JSON apart from metadata and status: their spec,
 * or for kinds without one (Endpoints, EndpointSlice) their top-level payload. jsonEqual
 * of the two objects without those keys, without copying them.
 */
function sameSpec(a: KubeObject, b: KubeObject): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    if (!Object.prototype.hasOwnProperty.call(ra, k) || k === 'metadata' || k === 'status') continue;
    const v = ra[k];
    if (v === undefined) continue;
    na++;
    if (!jsonEqual(v, rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) {
    if (Object.prototype.hasOwnProperty.call(rb, k) && k !== 'metadata' && k !== 'status' && rb[k] !== undefined) nb++;
  }
  return na === nb;
}
