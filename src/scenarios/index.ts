// Built-in scenarios and examples as data, shared by the app, tests and docs.
import { ALLOW_FRONTEND, DEFAULT_DENY, INGRESS_APPS, INGRESS_TWO_PATHS, POLICY_APPS } from './networking';
import { EXTERNAL_NAME, HEADLESS_STATEFULSET, LOADBALANCER_LOCAL, SESSION_AFFINITY } from './serviceTypes';
import { READINESS_PROBE, SELECTOR_TYPO, TARGET_PORT_MISTAKE } from './troubleshooting';
import { WELCOME_MANIFEST } from './welcome';

export interface Scenario {
  id: string;
  title: string;
  /** One sentence: what it teaches. */
  summary: string;
  files: Record<string, string>;
  /** Command lines run after the files are written (usually `kubectl apply -f …`). */
  commands: string[];
  /** Command lines worth typing next, to see the point of the example. */
  tryThis?: string[];
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'welcome',
    title: 'Deployment behind a NodePort Service',
    summary: 'Three nginx pods selected by app=web, reachable on every node at a nodePort.',
    files: { 'web.yaml': WELCOME_MANIFEST },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: ['kubectl get endpointslices', 'kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600', 'kubectl exec client -- wget -qO- http://web'],
  },
  {
    id: 'selector-typo',
    title: 'Selector typo: no endpoints',
    summary: 'The pods are labelled app=wbe, so the Service selecting app=web has no endpoints and every request fails.',
    files: { 'web.yaml': SELECTOR_TYPO },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: ['kubectl get endpoints web', 'kubectl get pods --show-labels'],
  },
  {
    id: 'target-port',
    title: 'targetPort mistake: connection refused',
    summary: 'The Service forwards to targetPort 8080 but nginx listens on 80, so the pod refuses the connection.',
    files: { 'web.yaml': TARGET_PORT_MISTAKE },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: ['kubectl describe svc web', 'kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600', 'kubectl exec client -- wget -qO- -T 2 http://web'],
  },
  {
    id: 'readiness-probe',
    title: 'Readiness probe holds a pod out',
    summary: 'A canary pod matches the selector but fails its readiness probe, so it never becomes an endpoint.',
    files: { 'web.yaml': READINESS_PROBE },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: ['kubectl get pods -l app=web', 'kubectl describe endpointslices -l kubernetes.io/service-name=web'],
  },
  {
    id: 'headless-statefulset',
    title: 'Headless Service and StatefulSet',
    summary: 'With clusterIP: None, DNS answers with every pod and each StatefulSet pod gets its own stable name.',
    files: { 'db.yaml': HEADLESS_STATEFULSET },
    commands: ['kubectl apply -f db.yaml'],
    tryThis: ['kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600', 'kubectl exec client -- nslookup db', 'kubectl exec client -- nslookup db-1.db.default.svc.cluster.local'],
  },
  {
    id: 'external-name',
    title: 'ExternalName: a DNS alias',
    summary: 'An ExternalName Service has no endpoints and no ClusterIP; DNS answers with a CNAME to an outside name.',
    files: { 'payments.yaml': EXTERNAL_NAME },
    commands: ['kubectl apply -f payments.yaml'],
    tryThis: ['kubectl get svc payments', 'kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600', 'kubectl exec client -- nslookup payments'],
  },
  {
    id: 'loadbalancer-local',
    title: 'LoadBalancer with externalTrafficPolicy: Local',
    summary: 'The cloud load balancer only sends traffic to nodes that run a pod, which keeps the client IP visible.',
    files: { 'shop.yaml': LOADBALANCER_LOCAL },
    commands: ['kubectl apply -f shop.yaml'],
    tryThis: ['kubectl get pods -o wide', 'curl http://203.0.113.2'],
  },
  {
    id: 'session-affinity',
    title: 'ClusterIP with sessionAffinity',
    summary: 'sessionAffinity: ClientIP pins each client to one pod until the affinity timeout runs out.',
    files: { 'cart.yaml': SESSION_AFFINITY },
    commands: ['kubectl apply -f cart.yaml'],
    tryThis: ['kubectl describe svc cart', 'kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600', 'kubectl exec client -- wget -qO- http://cart'],
  },
  {
    id: 'ingress-two-paths',
    title: 'Ingress with two paths',
    summary: 'One Ingress routes /api to the api Service and everything else to web, through the ingress controller.',
    files: { 'apps.yaml': INGRESS_APPS, 'ingress.yaml': INGRESS_TWO_PATHS },
    commands: ['kubectl apply -f apps.yaml', 'kubectl apply -f ingress.yaml'],
    tryThis: ['kubectl describe ingress shop', 'curl --resolve shop.example.com:80:203.0.113.1 http://shop.example.com/'],
  },
  {
    id: 'network-policy',
    title: 'Default-deny NetworkPolicy, then an allow',
    summary: 'A default-deny policy drops all traffic to the pods; apply allow.yaml to let only role=frontend pods in.',
    files: { 'apps.yaml': POLICY_APPS, 'deny.yaml': DEFAULT_DENY, 'allow.yaml': ALLOW_FRONTEND },
    commands: ['kubectl apply -f apps.yaml', 'kubectl apply -f deny.yaml'],
    tryThis: ['kubectl exec client -- wget -qO- -T 2 http://web', 'kubectl apply -f allow.yaml'],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
