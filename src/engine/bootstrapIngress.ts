// The built-in ingress controller, installed as ingress-nginx v1.12.0's cloud manifest
// installs it (kubernetes/ingress-nginx deploy/static/provider/cloud/deploy.yaml): its
// namespace, its two ServiceAccounts (the controller's pods run as `ingress-nginx`, which
// the ServiceAccount admission plugin requires to exist), the controller's ConfigMap, the
// controller Deployment, the LoadBalancer Service the controller publishes as the Ingresses'
// address, the admission webhook's ClusterIP Service and the `nginx` IngressClass — marked
// as the cluster's default class, so Ingresses without a class get it. RBAC objects, the
// certgen Jobs and the webhook configuration are left out (kinds the playground does not serve).

import type { EngineContext } from './context';
import type { KubeObject } from './core/types';
import {
  INGRESS_NGINX_CLASS,
  INGRESS_NGINX_CONTROLLER_CLASS,
  INGRESS_NGINX_DEPLOYMENT,
  INGRESS_NGINX_IMAGE,
  INGRESS_NGINX_NAMESPACE,
  INGRESS_NGINX_SELECTOR,
  INGRESS_NGINX_SERVICE,
} from './network/ingressNginx';
import { DEFAULT_INGRESS_CLASS_ANNOTATION } from './network/types';

const VERSION = '1.12.0';
const labels = { ...INGRESS_NGINX_SELECTOR, 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': VERSION };
const healthz = { httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 };

export function ingressNginxObjects(): KubeObject[] {
  const ns = INGRESS_NGINX_NAMESPACE;
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', automountServiceAccountToken: true, metadata: { name: 'ingress-nginx', namespace: ns, labels } } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      automountServiceAccountToken: true,
      metadata: { name: 'ingress-nginx-admission', namespace: ns, labels: { ...labels, 'app.kubernetes.io/component': 'admission-webhook' } },
    } as KubeObject,
    // `data: null` in deploy.yaml: a ConfigMap without data.
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: INGRESS_NGINX_DEPLOYMENT, namespace: ns, labels } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: INGRESS_NGINX_SERVICE, namespace: ns, labels },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        selector: INGRESS_NGINX_SELECTOR,
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${INGRESS_NGINX_SERVICE}-admission`, namespace: ns, labels },
      spec: {
        type: 'ClusterIP',
        selector: INGRESS_NGINX_SELECTOR,
        ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: INGRESS_NGINX_DEPLOYMENT, namespace: ns, labels },
      spec: {
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
        selector: { matchLabels: INGRESS_NGINX_SELECTOR },
        template: {
          metadata: { labels: { ...INGRESS_NGINX_SELECTOR, 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': VERSION } },
          spec: {
            containers: [
              {
                name: 'controller',
                image: INGRESS_NGINX_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '/nginx-ingress-controller',
                  '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller',
                  '--election-id=ingress-nginx-leader',
                  `--controller-class=${INGRESS_NGINX_CONTROLLER_CLASS}`,
                  `--ingress-class=${INGRESS_NGINX_CLASS}`,
                  '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                  '--validating-webhook=:8443',
                  '--validating-webhook-certificate=/usr/local/certificates/cert',
                  '--validating-webhook-key=/usr/local/certificates/key',
                ],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
                ],
                ports: [
                  { containerPort: 80, name: 'http', protocol: 'TCP' },
                  { containerPort: 443, name: 'https', protocol: 'TCP' },
                  { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
                ],
                livenessProbe: { ...healthz, failureThreshold: 5 },
                readinessProbe: { ...healthz, failureThreshold: 3 },
                resources: { requests: { cpu: '100m', memory: '90Mi' } },
              },
            ],
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'ingress-nginx',
            terminationGracePeriodSeconds: 300,
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: INGRESS_NGINX_CLASS, labels, annotations: { [DEFAULT_INGRESS_CLASS_ANNOTATION]: 'true' } },
      spec: { controller: INGRESS_NGINX_CONTROLLER_CLASS },
    },
  ];
}

export function bootstrapIngressNginx(ctx: EngineContext): void {
  for (const obj of ingressNginxObjects()) ctx.api.create(obj);
}
