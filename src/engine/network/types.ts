// Plain-JSON shapes of the networking.k8s.io/v1 kinds: Ingress, IngressClass and
// NetworkPolicy. Source: staging/src/k8s.io/api/networking/v1/types.go.

import type { KubeObject, LabelSelector } from '../core/types';

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressServiceBackend {
  name: string;
  /** Exactly one of name or number. */
  port?: { name?: string; number?: number };
}

export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind?: string; name?: string };
}

export interface HTTPIngressPath {
  path?: string;
  pathType?: string;
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths?: HTTPIngressPath[] };
}

export interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: IngressRule[];
}

export interface Ingress extends KubeObject {
  spec: IngressSpec;
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface IngressClass extends KubeObject {
  spec: {
    controller?: string;
    parameters?: { apiGroup?: string; kind?: string; name?: string; scope?: string; namespace?: string };
  };
}

export interface IPBlock {
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicy extends KubeObject {
  spec: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: NetworkPolicyIngressRule[];
    egress?: NetworkPolicyEgressRule[];
  };
}

/** The annotation the DefaultIngressClass admission plugin looks for (networking/v1 AnnotationIsDefaultIngressClass). */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The deprecated class annotation (networking/v1beta1 AnnotationIngressClass). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
