// The Service kind's strategy: defaulting, allocation (before validation),
// validation, update rules and release on delete, wired the way
// pkg/registry/core/service/storage/storage.go (beginCreate, beginUpdate,
// afterDelete) and pkg/registry/core/service/strategy.go (PrepareForCreate,
// PrepareForUpdate) plug into the generic registry store.
//
// Allocation state is reachable for the rest of the engine (data plane,
// property tests) through `serviceAllocations(ctx)` or the `allocations`
// field of the strategy this module creates:
//   serviceAllocations(ctx)?.clusterIPs()      → allocated ClusterIPs, ascending
//   serviceAllocations(ctx)?.nodePorts()       → allocated nodePorts (incl. healthCheckNodePorts), ascending
//   serviceAllocations(ctx)?.isClusterIPAllocated('10.96.0.10')
//   serviceAllocations(ctx)?.isNodePortAllocated(30080)

import type { Service } from '../../../core/types';
import type { EngineContext } from '../../../context';
import { KINDS } from '../../kinds';
import type { KindStrategy } from '../../registry';
import { ServiceAllocator } from './allocation';
import { ClusterIPAllocator } from './clusterIPAllocator';
import { setServiceDefaults } from './defaults';
import { NodePortAllocator } from './nodePortAllocator';
import { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './updateRules';
import type { SpecValidation } from '../../../extensionRegistry';

/** Read-only view of what the Service allocators hold. */
export interface ServiceAllocations {
  clusterIPs(): string[];
  nodePorts(): number[];
  isClusterIPAllocated(ip: string): boolean;
  isNodePortAllocated(port: number): boolean;
  /** `10.96.0.0/12` */
  readonly serviceCIDR: string;
  /** `30000-32767` */
  readonly nodePortRange: string;
}

export interface ServiceStrategy extends KindStrategy<Service> {
  allocations: ServiceAllocations;
}

/** Without `v` (the browser's first picture, extensionRegistry.ts) Services are allocated but not validated. */
export function createServiceStrategy(ctx: EngineContext, v: SpecValidation | undefined): KindStrategy {
  const ips = new ClusterIPAllocator(ctx.config.serviceCIDR);
  const ports = new NodePortAllocator(ctx.config.nodePortBase, ctx.config.nodePortSize);
  const allocator = new ServiceAllocator(ips, ports, ctx.rng);

  const allocations: ServiceAllocations = {
    clusterIPs: () => ips.list(),
    nodePorts: () => ports.list(),
    isClusterIPAllocated: (ip) => ips.has(ip),
    isNodePortAllocated: (port) => ports.has(port),
    serviceCIDR: ips.rangeText,
    nodePortRange: ports.rangeText,
  };

  const strategy: ServiceStrategy = {
    info: KINDS.Service,
    allocations,

    defaults: (svc) => setServiceDefaults(svc),

    beginCreate(svc) {
      // ClusterIP and ClusterIPs are synced before anyone looks at them.
      normalizeClusterIPs(svc);
      return allocator.allocateCreate(svc);
    },

    prepareForCreate(svc) {
      svc.status = { loadBalancer: {} };
    },

    // The API server calls this before beginUpdate; upstream runs BeginUpdate
    // first, so only the status carry-over happens here and the rest of
    // PrepareForUpdate (dropTypeDependentFields) runs at the end of beginUpdate.
    prepareForUpdate(svc, old) {
      svc.status = old.status ?? { loadBalancer: {} };
    },

    beginUpdate(svc, old) {
      patchAllocatedValues(svc, old);
      normalizeClusterIPs(svc, old);
      const result = allocator.allocateUpdate(svc, old);
      if (Array.isArray(result)) return result;
      dropTypeDependentFields(svc, old);
      return result;
    },

    ...(v && {
      validate: (svc: Service) => v.validateService(svc),
      validateUpdate: (svc: Service, old: Service) => v.validateServiceUpdate(svc, old),
    }),

    afterDelete: (svc) => allocator.releaseAll(svc),
  };
  return strategy as unknown as KindStrategy;
}

/** The Service allocators' state of a cluster, or undefined before registration. */
export function serviceAllocations(ctx: EngineContext): ServiceAllocations | undefined {
  const s = ctx.registry.strategy(KINDS.Service.kind) as Partial<ServiceStrategy> | undefined;
  return s?.allocations;
}
