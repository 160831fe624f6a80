// Built-in scenarios and examples as data, shared by the app, tests and docs.
import { ALLOW_FRONTEND, DEFAULT_DENY, INGRESS_APPS, INGRESS_TWO_PATHS, POLICY_APPS } from './networking';
import { EXTERNAL_NAME, HEADLESS_STATEFULSET, LOADBALANCER_LOCAL, SESSION_AFFINITY } from './serviceTypes';
import { READINESS_PROBE, SELECTOR_TYPO, TARGET_PORT_MISTAKE } from './troubleshooting';
import { fromBusybox, fromDnsutils, type TryCommand } from './tryThis';
import { WELCOME_MANIFEST } from './welcome';

export { changesCluster, resolveTryCommand, type ResolvedTryCommand, type TryCommand } from './tryThis';

/** The built-in ingress controller's LoadBalancer Service (ingress-nginx's own name), whose external IP reaches every Ingress. */
const INGRESS_CONTROLLER = { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' };

export interface Scenario {
  id: string;
  title: string;
  /** One sentence: what it teaches. */
  summary: string;
  files: Record<string, string>;
  /** Command lines run after the files are written (usually `kubectl apply -f …`). */
  commands: string[];
  /**
   * Command lines worth typing next, in order: the first shows the point of the
   * example. Each works in the simulated cluster (tryThis.test.ts runs them). A line
   * that needs a LoadBalancer's external IP names its Service (`externalIPOf`): shown
   * and run, it is resolveTryCommand(command, snapshot).
   */
  tryThis?: TryCommand[];
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'welcome',
    title: 'Deployment behind a NodePort Service',
    summary: 'Three nginx pods selected by app=web, reachable on every node at a nodePort.',
    files: { 'web.yaml': WELCOME_MANIFEST },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: [
      { line: 'kubectl get endpoints web' },
      { line: 'kubectl get svc web' },
      { line: 'kubectl get pods -l app=web -o wide' },
      { line: fromBusybox('wget -qO- http://web') },
    ],
  },
  {
    id: 'selector-typo',
    title: 'Selector typo: no endpoints',
    summary: 'The pods are labelled app=wbe, so the Service selecting app=web has no endpoints and every request fails.',
    files: { 'web.yaml': SELECTOR_TYPO },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: [
      { line: 'kubectl get endpoints web' },
      { line: 'kubectl get pods --show-labels' },
      { line: 'kubectl describe svc web' },
      { line: fromBusybox('wget -qO- -T 2 http://web'), expectFailure: 'Connection refused' },
    ],
  },
  {
    id: 'target-port',
    title: 'targetPort mistake: connection refused',
    summary: 'The Service forwards to targetPort 8080 but nginx listens on 80, so the pod refuses the connection.',
    files: { 'web.yaml': TARGET_PORT_MISTAKE },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: [
      { line: fromBusybox('wget -qO- -T 2 http://web'), expectFailure: 'Connection refused' },
      { line: 'kubectl get endpoints web' },
      { line: `kubectl patch svc web -p '{"spec":{"ports":[{"port":80,"targetPort":80}]}}'` },
      { line: fromBusybox('wget -qO- -T 2 http://web') },
    ],
  },
  {
    id: 'readiness-probe',
    title: 'Readiness probe holds a pod out',
    summary: 'A canary pod matches the selector but fails its readiness probe, so it never becomes an endpoint.',
    files: { 'web.yaml': READINESS_PROBE },
    commands: ['kubectl apply -f web.yaml'],
    tryThis: [
      { line: 'kubectl get pods -l app=web' },
      { line: 'kubectl get endpoints web' },
      { line: 'kubectl describe pods -l track=canary' },
    ],
  },
  {
    id: 'headless-statefulset',
    title: 'Headless Service and StatefulSet',
    summary: 'With clusterIP: None, DNS answers with every pod and each StatefulSet pod gets its own stable name.',
    files: { 'db.yaml': HEADLESS_STATEFULSET },
    commands: ['kubectl apply -f db.yaml'],
    tryThis: [
      { line: fromDnsutils('nslookup db') },
      { line: fromDnsutils('nslookup db-1.db') },
      { line: 'kubectl get svc db' },
      { line: 'kubectl get pods -l app=db -o wide' },
    ],
  },
  {
    id: 'external-name',
    title: 'ExternalName: a DNS alias',
    summary: 'An ExternalName Service has no endpoints and no ClusterIP; DNS answers with a CNAME to an outside name.',
    files: { 'payments.yaml': EXTERNAL_NAME },
    commands: ['kubectl apply -f payments.yaml'],
    tryThis: [
      { line: fromDnsutils('nslookup payments') },
      { line: 'kubectl get svc payments' },
      { line: 'kubectl get endpointslices -l kubernetes.io/service-name=payments' },
    ],
  },
  {
    id: 'loadbalancer-local',
    title: 'LoadBalancer with externalTrafficPolicy: Local',
    summary: 'The cloud load balancer only sends traffic to nodes that run a pod, which keeps the client IP visible.',
    files: { 'shop.yaml': LOADBALANCER_LOCAL },
    commands: ['kubectl apply -f shop.yaml'],
    tryThis: [
      { line: 'curl -v http://<external-ip>', externalIPOf: { name: 'shop' } },
      { line: 'kubectl get pods -l app=shop -o wide' },
      { line: 'kubectl describe svc shop' },
    ],
  },
  {
    id: 'session-affinity',
    title: 'ClusterIP with sessionAffinity',
    summary: 'sessionAffinity: ClientIP pins each client to one pod until the affinity timeout runs out.',
    files: { 'cart.yaml': SESSION_AFFINITY },
    commands: ['kubectl apply -f cart.yaml'],
    tryThis: [
      { line: fromBusybox('sh -c "wget -qO- http://cart; wget -qO- http://cart; wget -qO- http://cart"') },
      { line: 'kubectl describe svc cart' },
      { line: `kubectl patch svc cart -p '{"spec":{"sessionAffinity":"None"}}'` },
    ],
  },
  {
    id: 'ingress-two-paths',
    title: 'Ingress with two paths',
    summary: 'One Ingress routes /api to the api Service and everything else to web, through the ingress controller.',
    files: { 'apps.yaml': INGRESS_APPS, 'ingress.yaml': INGRESS_TWO_PATHS },
    commands: ['kubectl apply -f apps.yaml', 'kubectl apply -f ingress.yaml'],
    tryThis: [
      { line: 'curl -s --resolve shop.example.com:80:<external-ip> http://shop.example.com/', externalIPOf: INGRESS_CONTROLLER },
      { line: 'curl -v --resolve shop.example.com:80:<external-ip> http://shop.example.com/api', externalIPOf: INGRESS_CONTROLLER },
      { line: 'kubectl describe ingress shop' },
    ],
  },
  {
    id: 'network-policy',
    title: 'Default-deny NetworkPolicy, then an allow',
    summary: 'A default-deny policy drops all traffic to the pods; apply allow.yaml to let only role=frontend pods in.',
    files: { 'apps.yaml': POLICY_APPS, 'deny.yaml': DEFAULT_DENY, 'allow.yaml': ALLOW_FRONTEND },
    commands: ['kubectl apply -f apps.yaml', 'kubectl apply -f deny.yaml'],
    tryThis: [
      { line: 'kubectl exec client -- wget -qO- -T 2 http://web', expectFailure: 'download timed out' },
      { line: 'kubectl apply -f allow.yaml' },
      { line: 'kubectl exec client -- wget -qO- -T 2 http://web' },
      { line: 'kubectl describe networkpolicy allow-frontend-to-web' },
    ],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
