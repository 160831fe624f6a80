// The command table. Widening kubectl = adding a module here.
import type { KubectlCommand } from '../command';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { getCommand } from './get';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { versionCommand } from './version';

export const COMMANDS: KubectlCommand[] = [
  applyCommand,
  createCommand,
  deleteCommand,
  describeCommand,
  getCommand,
  runCommand,
  scaleCommand,
  versionCommand,
];
