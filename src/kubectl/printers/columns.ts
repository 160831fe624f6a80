// What each kind's table handler provides: its column definitions (names as in
// printers.go AddHandlers; `wide` = Priority 1) and a row function.

import type { EngineContext } from '../../engine/context';
import type { KubeObject } from '../../engine/core/types';

export interface Column {
  /** As defined upstream (`Cluster-IP`); headers print it upper-cased. */
  name: string;
  /** Priority 1: only with `-o wide`. */
  wide?: boolean;
  /** Format "name": the cell that `kind/` prefixes with several kinds. */
  isName?: boolean;
}

export interface RowEnv {
  ctx: EngineContext;
  nowMs: number;
  wide: boolean;
}

export interface KindTable {
  columns: Column[];
  /** Cells of the shown columns: the wide ones only when env.wide. */
  row(obj: KubeObject, env: RowEnv): string[];
}

export const NAME: Column = { name: 'Name', isName: true };
export const AGE: Column = { name: 'Age' };
