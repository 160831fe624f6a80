// Built-in scenarios and examples as data, shared by the app, tests and docs.
import { WELCOME_MANIFEST } from './welcome';

export interface Scenario {
  id: string;
  title: string;
  /** One sentence: what it teaches. */
  summary: string;
  files: Record<string, string>;
  /** Command lines run after the files are written (usually `kubectl apply -f …`). */
  commands: string[];
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'welcome',
    title: 'Deployment behind a NodePort Service',
    summary: 'Three nginx pods selected by app=web, reachable on every node at a nodePort.',
    files: { 'web.yaml': WELCOME_MANIFEST },
    commands: ['kubectl apply -f web.yaml'],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
