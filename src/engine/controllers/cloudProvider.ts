// The cloud controller manager's service controller
// (staging/src/k8s.io/cloud-provider/controllers/service/controller.go) with a
// simulated cloud: a LoadBalancer Service without a loadBalancerClass gets an
// external IP from 203.0.113.0/24 (TEST-NET-3) after config.loadBalancerDelayMs.
// With the provider off (`sim cloud off`, minikube without a tunnel) nothing
// answers and the Service stays <pending>; turning it on provisions them.

import { formatIPv4, parseIPv4 } from '../api/validation/common';
import type { EngineContext } from '../context';
import { KeyQueue } from '../core/queue';
import { keyOf, type WatchEvent } from '../core/store';
import type { Timer } from '../core/timers';
import type { Service } from '../core/types';
import type { Controller } from './runtime';

const POOL_BASE = parseIPv4('203.0.113.0')!;
const COMPONENT = { component: 'service-controller' };

/** Lowest free address of 203.0.113.1–254 (.0 is the network, .255 broadcast). */
export class LoadBalancerIPPool {
  private readonly used = new Map<string, string>(); // ip -> service key

  allocate(owner: string, requested?: string): string | undefined {
    const req = requested ? parseIPv4(requested) : undefined;
    if (req !== undefined && req > POOL_BASE && req < POOL_BASE + 255 && !this.used.has(requested!)) {
      this.used.set(requested!, owner);
      return requested;
    }
    for (let i = 1; i < 255; i++) {
      const ip = formatIPv4(POOL_BASE + i);
      if (!this.used.has(ip)) {
        this.used.set(ip, owner);
        return ip;
      }
    }
    return undefined;
  }

  release(ip: string): void {
    this.used.delete(ip);
  }
}

/** Whether the default service controller manages this Service's load balancer. */
export function wantsLoadBalancer(svc: Service | undefined): boolean {
  return !!svc && svc.spec.type === 'LoadBalancer' && !svc.spec.loadBalancerClass && !svc.metadata.deletionTimestamp;
}

class ServiceLoadBalancerController implements Controller {
  readonly name = 'service-lb';
  readonly kinds = ['Service'];
  readonly queue = new KeyQueue();
  private readonly pool = new LoadBalancerIPPool();
  /** Service key → the IP its load balancer holds. */
  private readonly provisioned = new Map<string, string>();
  /** Service key → when provisioning completes. */
  private readonly pending = new Map<string, Timer>();

  constructor(private readonly ctx: EngineContext) {}

  handle(event: WatchEvent): void {
    if (event.kind !== 'Service') return;
    const key = keyOf(event.object);
    if (wantsLoadBalancer(event.object as Service) || this.provisioned.has(key) || this.pending.has(key)) this.queue.add(key);
  }

  /** `sim cloud on`: pick up every LoadBalancer Service still waiting. */
  resync(): void {
    for (const svc of this.ctx.store.list<Service>('Service')) if (wantsLoadBalancer(svc)) this.queue.add(keyOf(svc));
  }

  sync(key: string): void {
    const { ctx } = this;
    const [ns, name] = key.split('/');
    const svc = ctx.store.get<Service>('Service', ns, name);
    const held = this.provisioned.get(key);
    if (!wantsLoadBalancer(svc)) {
      this.cancelPending(key);
      if (held === undefined) return;
      this.pool.release(held);
      this.provisioned.delete(key);
      if (!svc) return;
      // Type changed away from LoadBalancer: tear down and clear the status.
      ctx.events.record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', COMPONENT);
      ctx.api.updateStatus<Service>('Service', ns, name, (s) => { s.status = { ...(s.status ?? {}), loadBalancer: {} }; });
      ctx.events.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', COMPONENT);
      return;
    }
    if (held !== undefined) {
      // Already provisioned: make sure the status still says so (a re-apply may have reset it).
      this.writeIngress(svc!, held);
      return;
    }
    if (!ctx.sim.cloudProvider || this.pending.has(key)) return;
    ctx.events.record(svc!, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', COMPONENT);
    this.pending.set(key, ctx.timers.schedule(ctx.clock.now() + ctx.config.loadBalancerDelayMs, `service-lb ${key}`, () => this.finish(key)));
  }

  /** The cloud answered: the load balancer exists with its IP. */
  private finish(key: string): void {
    const { ctx } = this;
    this.pending.delete(key);
    const [ns, name] = key.split('/');
    const svc = ctx.store.get<Service>('Service', ns, name);
    // Switched off (or changed) while the request was in flight: the Service stays pending.
    if (!wantsLoadBalancer(svc) || !ctx.sim.cloudProvider) return;
    const ip = this.pool.allocate(key, svc!.spec.loadBalancerIP);
    if (!ip) {
      ctx.events.record(svc!, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no free address in 203.0.113.0/24', COMPONENT);
      return;
    }
    this.provisioned.set(key, ip);
    this.writeIngress(svc!, ip);
    ctx.events.record(svc!, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', COMPONENT);
  }

  private writeIngress(svc: Service, ip: string): void {
    const ingress = svc.status?.loadBalancer?.ingress;
    if (ingress?.length === 1 && ingress[0].ip === ip && ingress[0].ipMode === 'VIP') return;
    this.ctx.api.updateStatus<Service>('Service', svc.metadata.namespace, svc.metadata.name!, (s) => {
      s.status = { ...(s.status ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
    });
  }

  private cancelPending(key: string): void {
    const t = this.pending.get(key);
    if (t) t.cancelled = true;
    this.pending.delete(key);
  }
}

const controllers = new WeakMap<EngineContext, ServiceLoadBalancerController>();

/** `sim cloud on|off`. Off leaves existing load balancers in place and new ones pending. */
export function setCloudProvider(ctx: EngineContext, on: boolean): void {
  ctx.sim.cloudProvider = on;
  if (on) controllers.get(ctx)?.resync();
}

export function createServiceLoadBalancerController(ctx: EngineContext): Controller {
  const c = new ServiceLoadBalancerController(ctx);
  controllers.set(ctx, c);
  return c;
}
