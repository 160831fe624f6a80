// The allocation phase of Service create and update (BeginCreate/BeginUpdate):
// IP families, ClusterIPs, nodePorts and the healthCheckNodePort, as one
// transaction that the API server commits or reverts.
// Source: pkg/registry/core/service/storage/alloc.go (allocateCreate,
// allocateUpdate, allocClusterIPs, initNodePorts, updateNodePorts,
// allocHealthCheckNodePort, updateHealthCheckNodePort, releaseAllocatedResources).

import { apiErrors, field, type FieldError } from '../../../core/errors';
import type { SeededRandom } from '../../../core/random';
import type { Service } from '../../../core/types';
import type { AllocationTransaction } from '../../registry';
import { AllocationError, type ClusterIPAllocator } from './clusterIPAllocator';
import { initIPFamilyFields, isMatchingPreferDualStack } from './ipFamilies';
import { type NodePortAllocator, PortAllocationOperation } from './nodePortAllocator';
import {
  CLUSTER_IP_NONE, collectNodePorts, goStrings, isHeadless, needsHealthCheck, needsNodePort, shouldAllocateNodePorts,
  TYPE_CLUSTER_IP, TYPE_EXTERNAL_NAME,
} from './serviceUtil';

/** Field errors that the allocation phase reports alone (HTTP 422). */
class InvalidAllocation extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid');
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What the API server commits or reverts: ClusterIPs and nodePorts are taken at once (and
 * given back on revert); IPs an update gives up are released only on commit.
 */
class ServiceAllocationTransaction implements AllocationTransaction {
  readonly ipsTaken: string[] = [];
  readonly ipsToRelease: string[] = [];

  constructor(
    private readonly ips: ClusterIPAllocator,
    private readonly op: PortAllocationOperation,
  ) {}

  commit(): void {
    for (const ip of this.ipsToRelease) this.ips.release(ip);
    this.op.commit();
  }

  revert(): void {
    for (const ip of this.ipsTaken) this.ips.release(ip);
    this.op.revert();
  }
}

export class ServiceAllocator {
  constructor(
    readonly ips: ClusterIPAllocator,
    readonly ports: NodePortAllocator,
    private readonly rng: SeededRandom,
    /** Families the cluster serves, primary first: ['IPv4'] on the reference cluster. */
    readonly families: readonly string[] = ['IPv4'],
  ) {}

  /** allocateCreate: returns field errors (nothing kept) or a transaction. Internal errors throw. */
  allocateCreate(svc: Service): FieldError[] | AllocationTransaction {
    const errs = initIPFamilyFields(svc, undefined, this.families);
    if (errs.length) return errs;
    const op = new PortAllocationOperation(this.ports, this.rng);
    const tx = new ServiceAllocationTransaction(this.ips, op);
    try {
      tx.ipsTaken.push(...this.allocClusterIPs(svc));
      if (needsNodePort(svc)) this.initNodePorts(svc, op);
      if (needsHealthCheck(svc)) this.allocHealthCheckNodePort(svc, op);
    } catch (e) {
      tx.revert();
      if (e instanceof InvalidAllocation) return e.errors;
      throw e;
    }
    return tx;
  }

  /** allocateUpdate: allocations take effect now, releases only on commit. */
  allocateUpdate(svc: Service, old: Service): FieldError[] | AllocationTransaction {
    const errs = initIPFamilyFields(svc, old, this.families);
    if (errs.length) return errs;
    const op = new PortAllocationOperation(this.ports, this.rng);
    const tx = new ServiceAllocationTransaction(this.ips, op);
    const { ipsTaken, ipsToRelease } = tx;
    try {
      if (!isMatchingPreferDualStack(svc, old)) {
        if (old.spec.type === TYPE_EXTERNAL_NAME && svc.spec.type !== TYPE_EXTERNAL_NAME) {
          ipsTaken.push(...this.allocClusterIPs(svc));
        } else if (!isHeadless(old) && old.spec.type !== TYPE_EXTERNAL_NAME && svc.spec.type === TYPE_EXTERNAL_NAME) {
          ipsToRelease.push(...(old.spec.clusterIPs ?? []).filter((ip) => ip && ip !== CLUSTER_IP_NONE));
        }
        // Dual-stack upgrade/downgrade cannot happen on a single-stack cluster.
      }
      if (needsNodePort(old) && (svc.spec.type === TYPE_EXTERNAL_NAME || svc.spec.type === TYPE_CLUSTER_IP)) {
        for (const p of collectNodePorts(old)) op.releaseLater(p);
      }
      if (needsNodePort(svc)) this.updateNodePorts(svc, old, op);
      this.updateHealthCheckNodePort(svc, old, op);
    } catch (e) {
      tx.revert();
      if (e instanceof InvalidAllocation) return e.errors;
      throw e;
    }
    return tx;
  }

  /** releaseAllocatedResources: after a delete. */
  releaseAll(svc: Service): void {
    if (svc.spec.type !== TYPE_EXTERNAL_NAME && !isHeadless(svc)) {
      for (const ip of svc.spec.clusterIPs ?? []) this.ips.release(ip);
    }
    for (const p of collectNodePorts(svc)) this.ports.release(p);
    if (needsHealthCheck(svc) && svc.spec.healthCheckNodePort) this.ports.release(svc.spec.healthCheckNodePort);
  }

  /** allocClusterIPs: one IP per ipFamily, requested or random. Returns what it took. */
  private allocClusterIPs(svc: Service): string[] {
    const spec = svc.spec;
    if (spec.type === TYPE_EXTERNAL_NAME || isHeadless(svc)) return [];
    const given = spec.clusterIPs ?? [];
    const families = spec.ipFamilies ?? [];
    // The requested IPs, padded with '' up to one per family. Sized exactly (no growth
    // slack), as the list is kept in the stored Service.
    const ips: string[] = new Array(Math.max(given.length, families.length));
    for (let i = 0; i < ips.length; i++) ips[i] = i < given.length ? given[i] : '';
    const taken: string[] = [];
    try {
      for (let i = 0; i < families.length; i++) {
        if (!ips[i]) ips[i] = this.allocateNextIP();
        else this.allocateRequestedIP(ips.slice(0, Math.max(given.length, i + 1)), ips[i]);
        taken.push(ips[i]);
      }
    } catch (e) {
      for (const ip of taken) this.ips.release(ip);
      throw e;
    }
    spec.clusterIPs = ips;
    if (ips.length > 0) spec.clusterIP = ips[0];
    return taken;
  }

  private allocateNextIP(): string {
    try {
      return this.ips.allocateNext(this.rng);
    } catch (e) {
      throw apiErrors.internal(`failed to allocate a serviceIP: ${messageOf(e)}`);
    }
  }

  /** `shown`: the list as far as the request was read, which a failure prints. */
  private allocateRequestedIP(shown: string[], requested: string): void {
    try {
      this.ips.allocate(requested);
    } catch (e) {
      if (!(e instanceof AllocationError)) throw e;
      throw new InvalidAllocation([field.invalidRaw('spec.clusterIPs', goStrings(shown), `failed to allocate IP ${requested}: ${e.message}`)]);
    }
  }

  /** initNodePorts: ports sharing a `port` number (53/TCP, 53/UDP) share one nodePort. */
  private initNodePorts(svc: Service, op: PortAllocationOperation): void {
    const ports = svc.spec.ports ?? [];
    const byServicePort = new Map<number, number>();
    const allocate = shouldAllocateNodePorts(svc);
    ports.forEach((sp, i) => {
      if (!sp.nodePort && !allocate) return; // keep explicit requests only
      const shared = byServicePort.get(sp.port) ?? 0;
      if (shared === 0) {
        // Any port with this number may carry the user's request.
        const requested = ports.find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
        if (requested) {
          this.reserve(op, requested, i);
          sp.nodePort = requested;
        } else {
          sp.nodePort = this.next(op);
        }
        byServicePort.set(sp.port, sp.nodePort);
      } else if (sp.nodePort !== shared) {
        if (!sp.nodePort) sp.nodePort = shared;
        else this.reserve(op, sp.nodePort, i);
      }
    });
  }

  /** updateNodePorts: keep the old numbers, reserve new requests, allocate the rest. */
  private updateNodePorts(svc: Service, old: Service, op: PortAllocationOperation): void {
    const oldNumbers = new Set(collectNodePorts(old));
    const reserved = new Set<number>();
    const seen = new Set<string>();
    const allocate = shouldAllocateNodePorts(svc);
    (svc.spec.ports ?? []).forEach((sp, i) => {
      if (!sp.nodePort && !allocate) return;
      if (sp.nodePort) {
        if (!oldNumbers.has(sp.nodePort) && !reserved.has(sp.nodePort)) {
          this.reserve(op, sp.nodePort, i);
          reserved.add(sp.nodePort);
        }
      } else {
        // Unlike create, the update path does not share one nodePort between TCP and UDP.
        sp.nodePort = this.next(op);
      }
      const key = `${sp.protocol}/${sp.nodePort}`;
      if (seen.has(key)) throw apiErrors.internal(`duplicate nodePort: {${sp.protocol} ${sp.nodePort}}`);
      seen.add(key);
    });
    const newNumbers = new Set(collectNodePorts(svc));
    for (const p of oldNumbers) if (!newNumbers.has(p)) op.releaseLater(p);
  }

  private allocHealthCheckNodePort(svc: Service, op: PortAllocationOperation): void {
    const hc = svc.spec.healthCheckNodePort ?? 0;
    if (hc) {
      try {
        op.allocate(hc);
      } catch (e) {
        throw apiErrors.internal(`failed to allocate requested HealthCheck NodePort ${hc}: ${messageOf(e)}`);
      }
    } else {
      try {
        svc.spec.healthCheckNodePort = op.allocateNext();
      } catch (e) {
        throw apiErrors.internal(`failed to allocate a HealthCheck NodePort 0: ${messageOf(e)}`);
      }
    }
  }

  private updateHealthCheckNodePort(svc: Service, old: Service, op: PortAllocationOperation): void {
    const needed = needsHealthCheck(old);
    const needs = needsHealthCheck(svc);
    if (!needed && needs) this.allocHealthCheckNodePort(svc, op);
    else if (needed && !needs && old.spec.healthCheckNodePort) op.releaseLater(old.spec.healthCheckNodePort);
  }

  private reserve(op: PortAllocationOperation, port: number, index: number): void {
    try {
      op.allocate(port);
    } catch (e) {
      if (!(e instanceof AllocationError)) throw e;
      throw new InvalidAllocation([field.invalid(`spec.ports[${index}].nodePort`, port, e.message)]);
    }
  }

  private next(op: PortAllocationOperation): number {
    try {
      return op.allocateNext();
    } catch (e) {
      throw apiErrors.internal(`failed to allocate a nodePort: ${messageOf(e)}`);
    }
  }
}
