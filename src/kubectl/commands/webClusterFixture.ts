// Tests' starting point for commands that act on a running app: a Deployment `web` of two
// nginx pods behind a ClusterIP Service `web`, both pods Running and ready.
import { createCluster } from '../../engine';

export function webCluster() {
  const c = createCluster({ seed: 1 });
  c.exec('kubectl create deployment web --image=nginx --replicas=2');
  c.exec('kubectl expose deployment web --port=80');
  c.advance(20_000);
  return c;
}
