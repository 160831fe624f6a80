// Pieces every graph node uses. Each node subscribes to the store through
// selectors that return a boolean or a short string, so a snapshot (several per
// second while time runs) re-renders only the nodes whose emphasis changed.
import { Handle, Position } from '@xyflow/react';
import { memo, type MouseEvent } from 'react';
import { matchesHighlight } from '../../../graph/highlight';
import type { GraphRef, NodeData } from '../../../graph/types';
import { setHighlight } from '../../store/actions';
import { useStore } from '../../store/state';
import { useGraphActions } from '../graphActions';
import { HANDLE, useLayoutOrientation } from '../layoutOrientation';
import { GIcon } from '../icons';

/** 'lit' when the highlighted label/selector matches, 'dim' when something else is highlighted. */
export function useEmphasis(data: NodeData): '' | 'lit' | 'dim' {
  return useStore((s) => (s.highlight ? (matchesHighlight(s.highlight, data) ? 'lit' : 'dim') : ''));
}

export function useIsSelected(ref?: GraphRef): boolean {
  return useStore((s) => !!ref && !!s.selection && s.selection.kind === ref.kind && s.selection.name === ref.name && (s.selection.namespace ?? '') === (ref.namespace ?? ''));
}

export const useReadOnly = () => useStore((s) => s.embed.readOnly);

export function nodeClass(base: string, emphasis: string, selected: boolean, extra = ''): string {
  return ['gnode', base, emphasis && `is-${emphasis}`, selected && 'is-selected', extra].filter(Boolean).join(' ');
}

/**
 * Where edges attach. An edge without a handle id takes the first of its type: left and right
 * in columns, top and bottom in rows; Service -> EndpointSlice edges name the side handles.
 */
export const Handles = memo(function Handles() {
  const rows = useLayoutOrientation() === 'rows';
  return (
    <>
      {rows && <Handle id={HANDLE.top} type="target" position={Position.Top} isConnectable={false} className="ghandle" />}
      <Handle id={HANDLE.left} type="target" position={Position.Left} isConnectable={false} className="ghandle" />
      {rows && <Handle id={HANDLE.bottom} type="source" position={Position.Bottom} isConnectable={false} className="ghandle" />}
      <Handle id={HANDLE.right} type="source" position={Position.Right} isConnectable={false} className="ghandle" />
    </>
  );
});

function isLit(s: ReturnType<typeof useStore.getState>, k: string, v: string) {
  return s.highlight?.kind === 'label' && s.highlight.key === k && s.highlight.value === v;
}

/** A label as a button: clicking it lights every object that carries or selects key=value. */
export const LabelChip = memo(function LabelChip({ k, v, selector }: { k: string; v: string; selector?: boolean }) {
  const lit = useStore((s) => isLit(s, k, v));
  const onClick = (e: MouseEvent) => {
    e.stopPropagation();
    setHighlight(lit ? null : { kind: 'label', key: k, value: v });
  };
  return (
    <button
      type="button"
      className={`chip nodrag ${selector ? 'chip-selector' : ''} ${lit ? 'chip-lit' : ''}`}
      aria-pressed={lit}
      aria-label={`${selector ? 'Selector' : 'Label'} ${k}=${v}: highlight matching objects`}
      title={`${k}=${v}`}
      onClick={onClick}
    >
      {k}={v}
    </button>
  );
});

/** The keyboard- and touch-friendly way into a node's context menu. */
export function MenuButton({ data, name }: { data: NodeData; name: string }) {
  const { openMenu } = useGraphActions();
  const readOnly = useReadOnly();
  if (readOnly) return null;
  return (
    <button
      type="button"
      className="node-menu-btn nodrag"
      aria-label={`Actions for ${name}`}
      aria-haspopup="menu"
      onClick={(e) => {
        e.stopPropagation();
        const r = e.currentTarget.getBoundingClientRect();
        openMenu(data, { x: r.left, y: r.bottom + 2 });
      }}
    >
      <GIcon name="more" size={16} />
    </button>
  );
}
