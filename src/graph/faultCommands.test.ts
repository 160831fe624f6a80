import { describe, expect, it } from 'vitest';
import { labelKeyError, labelValueError, nodeCommands, podCommands, scaleCommand } from './faultCommands';

describe('context-menu commands are the lines a person would type', () => {
  it.each([
    [podCommands.delete('web-1'), 'kubectl delete pod web-1 --wait=false'],
    [podCommands.delete('web-1', 'shop'), 'kubectl delete pod web-1 -n shop --wait=false'],
    [podCommands.failReadiness('web-1'), 'sim pod fail-readiness web-1'],
    [podCommands.passReadiness('web-1', 'shop'), 'sim pod pass-readiness web-1 -n shop'],
    [podCommands.crash('web-1'), 'sim pod crash web-1'],
    [podCommands.setLabel('web-1', 'app', 'web'), 'kubectl label pod web-1 app=web --overwrite'],
    [podCommands.removeLabel('web-1', 'tier'), 'kubectl label pod web-1 tier-'],
    [nodeCommands.stop('node-2'), 'sim node stop node-2'],
    [nodeCommands.start('node-2'), 'sim node start node-2'],
    [nodeCommands.cordon('node-2'), 'kubectl cordon node-2'],
    [nodeCommands.uncordon('node-2'), 'kubectl uncordon node-2'],
    [nodeCommands.drain('node-2'), 'kubectl drain node-2 --ignore-daemonsets --delete-emptydir-data'],
    [scaleCommand('Deployment', 'web', 5), 'kubectl scale deployment web --replicas=5'],
    [scaleCommand('StatefulSet', 'db', 0, 'data'), 'kubectl scale statefulset db --replicas=0 -n data'],
  ])('%s', (got, want) => expect(got).toBe(want));

  it('checks label syntax before running anything', () => {
    expect(labelKeyError('app')).toBeUndefined();
    expect(labelKeyError('app.kubernetes.io/name')).toBeUndefined();
    expect(labelKeyError('has space')).toBeDefined();
    expect(labelKeyError('a/b/c')).toBeDefined();
    expect(labelValueError('')).toBeUndefined();
    expect(labelValueError('web-1')).toBeUndefined();
    expect(labelValueError('-bad')).toBeDefined();
    expect(labelValueError('x; rm -rf')).toBeDefined();
  });
});
