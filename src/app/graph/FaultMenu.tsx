// What each object's context menu offers. Every fault is a command line run
// through runCommand(line, 'menu') — the same line the terminal would run.
import { nodeCommands, podCommands } from '../../graph/faultCommands';
import type { NodeData, WorkloadRef } from '../../graph/types';
import { openSendRequest } from '../packets/sendRequestOpener';
import { select, setHighlight } from '../store/actions';
import { ContextMenu, type MenuItem } from './ContextMenu';

export interface FaultHandlers {
  run(line: string): void;
  editLabels(namespace: string, name: string): void;
  scale(namespace: string, workload: WorkloadRef): void;
  toggleGroup(key: string): void;
}

const scaleItem = (ns: string, w: WorkloadRef | undefined, h: FaultHandlers): MenuItem[] =>
  w ? [{ label: `Scale ${w.kind.toLowerCase()} ${w.name}…`, onSelect: () => h.scale(ns, w) }] : [];

export function menuFor(d: NodeData, h: FaultHandlers): { title: string; items: MenuItem[] } | null {
  switch (d.kind) {
    case 'pod': {
      const { name, namespace: ns } = d;
      const readiness: MenuItem = d.readinessFailing
        ? { label: 'Restore readiness', onSelect: () => h.run(podCommands.passReadiness(name, ns)) }
        : {
            label: 'Fail readiness probe',
            onSelect: () => h.run(podCommands.failReadiness(name, ns)),
            disabled: !d.hasReadinessProbe,
            hint: d.hasReadinessProbe ? undefined : 'this pod has no readinessProbe',
          };
      return {
        title: `Pod ${name}`,
        items: [
          { label: 'Inspect', onSelect: () => select(d.ref) },
          readiness,
          { label: 'Crash container', onSelect: () => h.run(podCommands.crash(name, ns)), disabled: d.state === 'terminating' || d.state === 'pending' },
          { label: 'Edit labels…', onSelect: () => h.editLabels(ns, name) },
          ...scaleItem(ns, d.workload, h),
          { label: 'Delete pod', onSelect: () => h.run(podCommands.delete(name, ns)), danger: true, disabled: d.state === 'terminating' },
        ],
      };
    }
    case 'frame': {
      if (d.unscheduled) return null;
      const n = d.name;
      return {
        title: `Node ${n}`,
        items: [
          { label: 'Inspect', onSelect: () => select({ kind: 'Node', name: n }) },
          d.stopped ? { label: 'Start node', onSelect: () => h.run(nodeCommands.start(n)) } : { label: 'Stop node', onSelect: () => h.run(nodeCommands.stop(n)), danger: true },
          d.cordoned ? { label: 'Uncordon', onSelect: () => h.run(nodeCommands.uncordon(n)) } : { label: 'Cordon', onSelect: () => h.run(nodeCommands.cordon(n)) },
          { label: 'Drain', onSelect: () => h.run(nodeCommands.drain(n)), danger: true },
        ],
      };
    }
    case 'group':
      return {
        title: `${d.total} pods of ${d.ownerName}`,
        items: [
          { label: 'Show the pods', onSelect: () => h.toggleGroup(d.groupKey), disabled: d.tooLarge },
          { label: `Inspect ${d.ref.kind} ${d.ref.name}`, onSelect: () => select(d.ref) },
          ...scaleItem(d.namespace, d.workload, h),
        ],
      };
    case 'service':
      return {
        title: `Service ${d.name}`,
        items: [
          { label: 'Send a request…', onSelect: () => openSendRequest({ namespace: d.namespace, name: d.name }) },
          ...(d.selector.length ? [{ label: 'Highlight the pods it selects', onSelect: () => setHighlight({ kind: 'selector', namespace: d.namespace, selector: Object.fromEntries(d.selector) }) }] : []),
          { label: 'Inspect', onSelect: () => select(d.ref) },
        ],
      };
    case 'slice':
    case 'coredns':
    case 'ingress':
      return { title: `${d.ref.kind} ${d.ref.name}`, items: [{ label: 'Inspect', onSelect: () => select(d.ref) }] };
    default:
      return null;
  }
}

export function FaultMenu({ data, x, y, handlers, onClose }: { data: NodeData; x: number; y: number; handlers: FaultHandlers; onClose: () => void }) {
  const menu = menuFor(data, handlers);
  if (!menu) return null;
  return <ContextMenu title={menu.title} x={x} y={y} items={menu.items} onClose={onClose} />;
}
