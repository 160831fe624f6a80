// The built-in ingress controller's control loop (ingress-nginx v1.12): it records a `Sync`
// event for every change to an Ingress of its class and publishes the address of its
// LoadBalancer Service into the Ingresses' status (--publish-service), which is what
// `kubectl get ingress` shows under ADDRESS.
// Sources (kubernetes/ingress-nginx): internal/ingress/controller/store/store.go (the Ingress
// informer's Add/Update handlers: `recorder.Eventf(ing, Normal, "Sync", "Scheduled for sync")`,
// the status write itself being one more update, hence the usual "(x2)"),
// internal/ingress/status/status.go (statusSync: runs at start-up and then every 60 s
// (updateInterval); statusAddressFromService takes the Service's load-balancer ingress
// entries and externalIPs, sorted; an Ingress whose status already matches is not written).
// Everything here needs a running controller pod: with none ready nothing is recorded or written.

import type { EngineContext } from '../context';
import { KeyQueue } from '../core/queue';
import { keyOf, type WatchEvent } from '../core/store';
import type { Pod, Service } from '../core/types';
import {
  INGRESS_NGINX_COMPONENT,
  INGRESS_NGINX_NAMESPACE,
  INGRESS_NGINX_SELECTOR,
  INGRESS_NGINX_SERVICE,
  isServedByIngressNginx,
  servedIngresses,
} from '../network/ingressNginx';
import type { Ingress } from '../network/types';
import type { Controller } from './runtime';

/** status.go updateInterval. */
export const STATUS_SYNC_INTERVAL_MS = 60_000;

export type IngressAddress = { ip?: string; hostname?: string };

/** statusAddressFromService for a LoadBalancer Service: its ingress IPs/hostnames and externalIPs, sorted. */
export function publishedAddresses(svc: Service | undefined): IngressAddress[] | undefined {
  if (!svc) return undefined;
  const out: IngressAddress[] = [];
  for (const i of svc.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) out.push({ ip: i.ip });
    else if (i.hostname) out.push({ hostname: i.hostname });
  }
  for (const ip of svc.spec.externalIPs ?? []) out.push({ ip });
  const text = (a: IngressAddress) => a.ip ?? a.hostname ?? '';
  return out.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

export interface StatusChange {
  namespace: string;
  name: string;
  ingress: IngressAddress[];
}

/** Pure reconcile: which served Ingresses need their status.loadBalancer rewritten. */
export function ingressStatusChanges(ingresses: readonly Ingress[], addresses: readonly IngressAddress[]): StatusChange[] {
  const want = JSON.stringify(addresses);
  const changes: StatusChange[] = [];
  for (const ing of ingresses) {
    const have = JSON.stringify((ing.status?.loadBalancer?.ingress ?? []).map((a) => (a.ip ? { ip: a.ip } : { hostname: a.hostname })));
    if (have !== want) changes.push({ namespace: ing.metadata.namespace ?? 'default', name: ing.metadata.name ?? '', ingress: addresses.map((a) => ({ ...a })) });
  }
  return changes;
}

const STATUS_KEY = '#status';
const PODS_KEY = '#pods';
const ALL_KEY = '#all';

class IngressNginxController implements Controller {
  readonly name = 'ingress-nginx';
  readonly kinds = ['Ingress', 'IngressClass', 'Service', 'Pod'];
  readonly queue = new KeyQueue();
  /** When a controller pod became ready (the status loop ticks from here), or undefined while none is. */
  private readySince: number | undefined;
  /** Ingresses changed since their last Sync event. */
  private readonly changed = new Set<string>();
  private tickScheduled = false;

  constructor(private readonly ctx: EngineContext) {}

  handle(event: WatchEvent): void {
    switch (event.kind) {
      case 'Ingress':
        if (event.type !== 'DELETED') {
          this.changed.add(keyOf(event.object));
          this.queue.add(keyOf(event.object));
        }
        return;
      case 'IngressClass':
        this.queue.add(ALL_KEY);
        return;
      case 'Service':
        if (event.object.metadata.namespace === INGRESS_NGINX_NAMESPACE && event.object.metadata.name === INGRESS_NGINX_SERVICE) this.queue.add(STATUS_KEY);
        return;
      case 'Pod':
        if (event.object.metadata.namespace === INGRESS_NGINX_NAMESPACE) this.queue.add(PODS_KEY);
        return;
    }
  }

  sync(key: string): void {
    if (key === PODS_KEY) return this.syncPods();
    if (key === STATUS_KEY) return this.scheduleStatusSync();
    if (key === '#tick') return this.syncStatus();
    if (this.readySince === undefined) return;
    if (key === ALL_KEY) return this.scheduleStatusSync();
    const [ns, name] = key.split('/');
    const ing = this.ctx.store.get<Ingress>('Ingress', ns, name);
    if (!ing || !this.changed.delete(key) || !isServedByIngressNginx(this.ctx.store, ing)) return;
    this.ctx.events.record(ing, 'Normal', 'Sync', 'Scheduled for sync', { component: INGRESS_NGINX_COMPONENT });
    this.scheduleStatusSync();
  }

  private controllerReady(): boolean {
    return this.ctx.store.podIndex.matchMap(INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_SELECTOR).some(isReadyPod);
  }

  private syncPods(): void {
    const ready = this.controllerReady();
    if (!ready) {
      this.readySince = undefined;
      return;
    }
    if (this.readySince !== undefined) return;
    // A controller pod starts: its informers list every Ingress (one Add each), then the first status sync runs.
    this.readySince = this.ctx.clock.now();
    this.changed.clear();
    for (const ing of servedIngresses(this.ctx.store)) {
      this.ctx.events.record(ing, 'Normal', 'Sync', 'Scheduled for sync', { component: INGRESS_NGINX_COMPONENT });
    }
    this.syncStatus();
  }

  /** The status loop runs every 60 s from start-up; only wake it when there may be something to write. */
  private scheduleStatusSync(): void {
    if (this.readySince === undefined || this.tickScheduled) return;
    const elapsed = this.ctx.clock.now() - this.readySince;
    const next = this.readySince + (Math.floor(elapsed / STATUS_SYNC_INTERVAL_MS) + 1) * STATUS_SYNC_INTERVAL_MS;
    this.tickScheduled = true;
    this.ctx.timers.schedule(next, 'ingress-nginx status sync', () => {
      this.tickScheduled = false;
      this.queue.add('#tick');
    });
  }

  private syncStatus(): void {
    if (this.readySince === undefined) return;
    const svc = this.ctx.store.get<Service>('Service', INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_SERVICE);
    const addresses = publishedAddresses(svc);
    if (!addresses) return; // "error getting Service": the status is left as it is
    for (const change of ingressStatusChanges(servedIngresses(this.ctx.store), addresses)) {
      this.ctx.api.updateStatus<Ingress>('Ingress', change.namespace, change.name, (ing) => {
        ing.status = { ...(ing.status ?? {}), loadBalancer: change.ingress.length ? { ingress: change.ingress } : {} };
      });
    }
  }
}

function isReadyPod(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && !!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function createIngressController(ctx: EngineContext): Controller {
  return new IngressNginxController(ctx);
}
