// The built-in ingress controller's identity (ingress-nginx v1.12.0 as its cloud
// deploy manifest installs it) and which Ingresses it serves.
// Source: kubernetes/ingress-nginx internal/ingress/controller/store/store.go (GetIngressClass):
// an Ingress is ours when its spec.ingressClassName names an IngressClass whose controller is
// `k8s.io/ingress-nginx`, or (deprecated) its `kubernetes.io/ingress.class` annotation is
// `nginx`; Ingresses without any class are ignored (--watch-ingress-without-class=false).

import type { ObjectStore } from '../core/store';
import { INGRESS_CLASS_ANNOTATION, type Ingress, type IngressClass } from './types';

export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const INGRESS_NGINX_SERVICE = 'ingress-nginx-controller';
export const INGRESS_NGINX_DEPLOYMENT = 'ingress-nginx-controller';
export const INGRESS_NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
export const INGRESS_NGINX_CLASS = 'nginx';
export const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.0';
/** The pods' labels the Service and Deployment select on. */
export const INGRESS_NGINX_SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};
/** The event source of the controller's recorder. */
export const INGRESS_NGINX_COMPONENT = 'nginx-ingress-controller';

/** What nginx's default server answers when no rule matches (the controller's default backend). */
export const NGINX_404_BODY =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export function isServedByIngressNginx(store: ObjectStore, ing: Ingress): boolean {
  const className = ing.spec?.ingressClassName;
  if (className) {
    const cls = store.get<IngressClass>('IngressClass', undefined, className);
    return cls?.spec?.controller === INGRESS_NGINX_CONTROLLER_CLASS;
  }
  return ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] === INGRESS_NGINX_CLASS;
}

/** The Ingresses the controller serves, in its store's order (oldest first). */
export function servedIngresses(store: ObjectStore): Ingress[] {
  return store.list<Ingress>('Ingress').filter((i) => !i.metadata.deletionTimestamp && isServedByIngressNginx(store, i));
}
