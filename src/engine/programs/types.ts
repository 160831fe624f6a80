// Programs a person runs: on their own machine outside the cluster (curl,
// nslookup, dig …) or inside a pod's container through `kubectl exec`.

import type { EngineContext } from '../context';
import type { ExecResult } from '../exec';
import type { Workspace } from '../workspace';

/** Where a program runs. */
export type Origin =
  | { kind: 'workstation' }
  | { kind: 'pod'; namespace: string; name: string; container: string };

export interface ProgramEnv {
  ctx: EngineContext;
  workspace: Workspace;
  origin: Origin;
  stdin?: string;
}

/** argv[0] is the program name as typed. */
export type Program = (env: ProgramEnv, argv: string[]) => ExecResult;

/** The address of the person's machine on the nodes' network (minikube's host side). */
export const WORKSTATION_IP = '192.168.49.1';
