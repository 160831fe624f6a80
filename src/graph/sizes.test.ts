import { describe, expect, it } from 'vitest';
import { POD_H, POD_NAME_LINE_H, podCardHeight, podNameLines } from './sizes';

// Pod names as kubectl get pods prints them: a Deployment's are <deployment>-<pod-template-hash>-<5>
// (kubernetes pkg/controller/deployment/sync.go names the ReplicaSet <deployment>-<hash>, and
// pkg/controller/controller_utils.go generates the pod name from the ReplicaSet's name plus '-'
// and 5 random characters); a StatefulSet's are <statefulset>-<ordinal>.
describe('podNameLines', () => {
  it.each([
    ['web-0', 1],
    ['db-1', 1],
    ['web-bc8f6d5d7-9wqbw', 2],
    ['frontend-7d9f8b6c5d-abcde', 3],
  ])('%s takes %i line(s) on a pod card', (name, lines) => {
    expect(podNameLines(name)).toBe(lines);
  });

  it('never counts more than three lines (past them the card cuts the name; its title and the inspector show it)', () => {
    expect(podNameLines('a-very-long-deployment-name-for-the-checkout-service-7d9f8b6c5d-abcde')).toBe(3);
    expect(podNameLines('x'.repeat(60))).toBe(3);
  });
});

describe('podCardHeight', () => {
  it('is one line of name taller when the longest name takes two, for every card of the picture', () => {
    expect(podCardHeight(['web-0', 'web-1'])).toBe(POD_H);
    expect(podCardHeight(['web-0', 'web-bc8f6d5d7-9wqbw'])).toBe(POD_H + POD_NAME_LINE_H);
    expect(podCardHeight([])).toBe(POD_H);
  });
});
