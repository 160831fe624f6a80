// The command table. Widening kubectl = adding a module here.
import type { KubectlCommand } from '../command';
import { annotateCommand, labelCommand } from './label';
import { apiResourcesCommand } from './apiResources';
import { explainCommand } from './explain';
import { logsCommand } from './logs';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { cordonCommandSpec, drainCommand, uncordonCommandSpec } from './drain';
import { editCommand } from './edit';
import { execCommand } from './exec';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { patchCommand } from './patch';
import { portForwardCommand } from './portForward';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './setImage';
import { topCommand } from './top';
import { versionCommand } from './version';

export const COMMANDS: KubectlCommand[] = [
  annotateCommand,
  apiResourcesCommand,
  explainCommand,
  logsCommand,
  applyCommand,
  cordonCommandSpec,
  createCommand,
  deleteCommand,
  describeCommand,
  drainCommand,
  editCommand,
  execCommand,
  exposeCommand,
  getCommand,
  labelCommand,
  patchCommand,
  portForwardCommand,
  rolloutCommand,
  runCommand,
  scaleCommand,
  setCommand,
  topCommand,
  uncordonCommandSpec,
  versionCommand,
];
