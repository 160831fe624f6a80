// Who controls what: an index of objects by their controller's uid (so a
// controller finds its pods without scanning a namespace), and the
// ControllerRefManager's claim rules (adopt matching orphans, release what no
// longer matches). Source: pkg/controller/controller_ref_manager.go (ClaimObject).

import { matchesSelector, type Selector } from '../../core/labels';
import type { WatchEvent } from '../../core/store';
import type { KubeObject } from '../../core/types';
import { controllerOf } from './pods';

/**
 * Objects of one kind by controller uid, plus (when asked for) the controller-less
 * ones by namespace: only ReplicaSets need their orphans listed (a Deployment adopts
 * them); orphan pods are found through the label index instead.
 */
export class ControllerIndex {
  private byController = new Map<string, Set<string>>();
  private orphansByNamespace: Map<string, Set<string>> | undefined;

  constructor(
    readonly kind: string,
    opts: { orphans?: boolean } = {},
  ) {
    if (opts.orphans) this.orphansByNamespace = new Map();
  }

  /** Feed every watch event; other kinds are ignored. */
  observe(event: WatchEvent): void {
    if (event.kind !== this.kind) return;
    // Same owner references (structural sharing keeps them the same array): same bucket, same name.
    if (event.type === 'MODIFIED' && event.old && event.old.metadata.ownerReferences === event.object.metadata.ownerReferences) return;
    if (event.old) this.remove(event.old);
    if (event.type !== 'DELETED') this.add(event.object);
  }

  /** Names (in the owner's namespace) of objects whose controller has `uid`. */
  controlledBy(uid: string | undefined): readonly string[] {
    const set = uid ? this.byController.get(uid) : undefined;
    return set ? [...set] : [];
  }

  orphansIn(namespace: string): readonly string[] {
    if (!this.orphansByNamespace) throw new Error(`ControllerIndex(${this.kind}) does not track orphans`);
    const set = this.orphansByNamespace.get(namespace);
    return set ? [...set] : [];
  }

  private add(obj: KubeObject): void {
    const ref = controllerOf(obj);
    const map = ref ? this.byController : this.orphansByNamespace;
    if (!map) return;
    const k = ref ? ref.uid : obj.metadata.namespace ?? '';
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    set.add(obj.metadata.name!);
  }

  private remove(obj: KubeObject): void {
    const ref = controllerOf(obj);
    const map = ref ? this.byController : this.orphansByNamespace;
    if (!map) return;
    const k = ref ? ref.uid : obj.metadata.namespace ?? '';
    const set = map.get(k);
    if (!set) return;
    set.delete(obj.metadata.name!);
    if (set.size === 0) map.delete(k);
  }
}

export interface ClaimResult<T extends KubeObject> {
  /** Objects the owner controls after the claim (kept and adopted), in input order. */
  claimed: T[];
  /** Orphans that match the selector: the owner becomes their controller. */
  adopt: T[];
  /** Objects the owner controls that no longer match: its reference is removed. */
  release: T[];
}

/**
 * ControllerRefManager.ClaimObject over `candidates` (each at most once):
 * ours and matching -> keep; ours and not matching -> release; orphan, matching,
 * not being deleted -> adopt (only while the owner itself is not being deleted);
 * controlled by someone else -> ignore.
 */
export function claimObjects<T extends KubeObject>(owner: KubeObject, selector: Selector, candidates: Iterable<T>): ClaimResult<T> {
  const result: ClaimResult<T> = { claimed: [], adopt: [], release: [] };
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    const matches = matchesSelector(obj.metadata.labels, selector);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches) result.claimed.push(obj);
      else if (!ownerDeleting && !obj.metadata.deletionTimestamp) result.release.push(obj);
      continue;
    }
    if (!matches || ownerDeleting || obj.metadata.deletionTimestamp) continue;
    result.adopt.push(obj);
    result.claimed.push(obj);
  }
  return result;
}
