import { describe, expect, it } from 'vitest';
import { filesAppliedBy } from './appliedFiles';

describe('filesAppliedBy', () => {
  it('names the files an example\'s boot commands apply, with their text', () => {
    const files = { 'apps.yaml': 'a', 'deny.yaml': 'd', 'allow.yaml': 'x' };
    expect(filesAppliedBy(['kubectl apply -f apps.yaml', 'kubectl apply -f deny.yaml'], files)).toEqual({ 'apps.yaml': 'a', 'deny.yaml': 'd' });
  });

  it('ignores other commands, dry runs and files that do not exist', () => {
    expect(filesAppliedBy(['kubectl create ns x', 'kubectl apply --dry-run=client -f a.yaml', 'kubectl apply -f missing.yaml'], { 'a.yaml': 'a' })).toEqual({});
  });
});
