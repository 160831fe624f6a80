// The programs a command line can start, by name. The person's machine has the
// usual tools; a container has only what its image ships (see podTools.ts).
import type { Program } from './types';

const programs = new Map<string, Program>();

export function registerProgram(name: string, program: Program): void {
  programs.set(name, program);
}

export function findProgram(name: string): Program | undefined {
  return programs.get(name);
}

export function programNames(): string[] {
  return [...programs.keys()].sort();
}
