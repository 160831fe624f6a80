// What the API server knows about each kind: its resource names (for kubectl's
// RESTMapper) and its strategy (defaulting, allocation, validation, update
// rules, clean-up). One place per kind; callers never special-case kinds.

import type { FieldError } from '../core/errors';
import type { KubeObject } from '../core/types';

export interface KindInfo {
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  /** Plural resource name, e.g. `services`. */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** Whether metadata.generation is maintained (spec-bearing kinds). */
  hasGeneration: boolean;
  /** Kinds kubectl lists under `kubectl get all`. */
  categories?: string[];
}

export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `services`, `deployments.apps`: how API errors name a resource. */
export function qualifiedResource(info: KindInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** Reverts an allocation made in `beginCreate`/`beginUpdate` when a later step fails. */
export interface AllocationTransaction {
  commit(): void;
  revert(): void;
}

export interface KindStrategy<T extends KubeObject = KubeObject> {
  info: KindInfo;
  /** v1 defaulting: runs on every request body before anything else (mutates `obj`). */
  defaults?(obj: T): void;
  /**
   * Mutating admission on create (the ServiceAccount plugin for Pods): runs after defaulting
   * and before BeginCreate, PrepareForCreate and validation, as the API server's create
   * handler calls mutating admission before the registry store. Throws a StatusError to refuse.
   */
  admit?(obj: T, opts: { dryRun: boolean }): void;
  /** Service-style BeginCreate: allocation before validation. Returns errors to report alone, or a transaction. */
  beginCreate?(obj: T): FieldError[] | AllocationTransaction | void;
  /** PrepareForCreate: reset status, set derived fields (mutates `obj`). */
  prepareForCreate?(obj: T): void;
  validate?(obj: T): FieldError[];
  /** PrepareForUpdate: keep status, drop type-dependent fields … (mutates `obj`). */
  prepareForUpdate?(obj: T, old: T): void;
  beginUpdate?(obj: T, old: T): FieldError[] | AllocationTransaction | void;
  /** Full update validation (the strategy runs create validation itself where Kubernetes does). */
  validateUpdate?(obj: T, old: T): FieldError[];
  /** After the object is gone from the store: release allocations. */
  afterDelete?(obj: T): void;
}

export class Registry {
  private byKind = new Map<string, KindStrategy>();
  private aliases = new Map<string, KindInfo>();

  register(strategy: KindStrategy): void {
    const info = strategy.info;
    this.byKind.set(info.kind, strategy);
    const names = [info.resource, info.singular, info.kind.toLowerCase(), ...info.shortNames];
    for (const n of names) {
      this.aliases.set(n, info);
      this.aliases.set(`${n}.${info.group || ''}`.replace(/\.$/, ''), info);
      if (info.group) this.aliases.set(`${n}.${info.version}.${info.group}`, info);
    }
  }

  strategy(kind: string): KindStrategy | undefined {
    return this.byKind.get(kind);
  }

  info(kind: string): KindInfo | undefined {
    return this.byKind.get(kind)?.info;
  }

  /** kubectl's RESTMapper: `svc`, `services`, `Service`, `deployments.apps` … → kind info. */
  resolve(resource: string): KindInfo | undefined {
    return this.aliases.get(resource) ?? this.aliases.get(resource.toLowerCase());
  }

  /** Finds a kind by apiVersion and kind, as a manifest names it. */
  byApiVersionKind(apiVersion: string, kind: string): KindInfo | undefined {
    const info = this.info(kind);
    return info && apiVersionOf(info) === apiVersion ? info : undefined;
  }

  all(): KindInfo[] {
    return [...this.byKind.values()].map((s) => s.info);
  }
}
