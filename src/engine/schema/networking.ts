// Endpoints, EndpointSlice, Ingress, IngressClass, NetworkPolicy, Namespace and Node (shorter
// descriptions, from staging/src/k8s.io/api/{core,discovery,networking}/v1/types.go).
import { bool, int, list, obj, quantities, specDoc, str, strings, topLevel } from './common';
import type { TypeSchema } from './types';

export const Endpoints = topLevel('Endpoints', 'Endpoints is a collection of endpoints that implement the actual service.', {
  subsets: list('EndpointSubset', 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.'),
});
export const EndpointSubset: TypeSchema = {
  name: 'EndpointSubset',
  description: 'EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports.',
  fields: {
    addresses: list('EndpointAddress', 'IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize.'),
    notReadyAddresses: list('EndpointAddress', 'IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.'),
    ports: list('EndpointPort', 'Port numbers available on the related IP addresses.'),
  },
};
export const EndpointAddress: TypeSchema = {
  name: 'EndpointAddress',
  description: 'EndpointAddress is a tuple that describes single IP address.',
  fields: {
    hostname: str('The Hostname of this endpoint'),
    ip: str('The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).', { required: true }),
    nodeName: str('Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node.'),
    targetRef: obj('ObjectReference', 'Reference to object providing the endpoint.'),
  },
};
export const EndpointPort: TypeSchema = {
  name: 'EndpointPort',
  description: 'EndpointPort is a tuple that describes a single port.',
  fields: {
    name: str("The name of this port.  This must match the 'name' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined."),
    port: int('The port number of the endpoint.', { required: true }),
    protocol: str('The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
  },
};
export const ObjectReference: TypeSchema = {
  name: 'ObjectReference',
  description: 'ObjectReference contains enough information to let you inspect or modify the referred object.',
  fields: { kind: str('Kind of the referent.'), name: str('Name of the referent.'), namespace: str('Namespace of the referent.'), uid: str('UID of the referent.') },
};

export const EndpointSlice = topLevel('EndpointSlice', 'EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.', {
  addressType: str('addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.', { required: true, enum: ['FQDN', 'IPv4', 'IPv6'] }),
  endpoints: list('Endpoint', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.', { required: true }),
  ports: { type: '[]EndpointPort', ref: 'DiscoveryEndpointPort', description: 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.' },
});
export const Endpoint: TypeSchema = {
  name: 'Endpoint',
  description: 'Endpoint represents a single logical "backend" implementing a service.',
  fields: {
    addresses: strings('addresses of this endpoint. The contents of this field are interpreted according to the corresponding EndpointSlice addressType field. Consumers must handle different types of addresses in the context of their own capabilities. This must contain at least one address but no more than 100. These are all assumed to be fungible and clients may choose to only use the first element. Refer to: https://issue.k8s.io/106267'),
    conditions: obj('EndpointConditions', 'conditions contains information about the current status of the endpoint.'),
    hostname: str('hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other (e.g. in DNS names). Multiple endpoints which use the same hostname should be considered fungible (e.g. multiple A values in DNS). Must be lowercase and pass DNS Label (RFC 1123) validation.'),
    nodeName: str('nodeName represents the name of the Node hosting this endpoint. This can be used to determine endpoints local to a Node.'),
    targetRef: obj('ObjectReference', 'targetRef is a reference to a Kubernetes object that represents this endpoint.'),
    zone: str('zone is the name of the Zone this endpoint exists in.'),
  },
};
Endpoint.fields.addresses.required = true;
export const EndpointConditions: TypeSchema = {
  name: 'EndpointConditions',
  description: 'EndpointConditions represents the current condition of an endpoint.',
  fields: {
    ready: bool('ready indicates that this endpoint is ready to receive traffic, according to whatever system is managing the endpoint. A nil value should be interpreted as "true". In general, an endpoint should be marked ready if it is serving and not terminating, though this can be overridden in some cases, such as when the associated Service has set the publishNotReadyAddresses flag.'),
    serving: bool('serving indicates that this endpoint is able to receive traffic, according to whatever system is managing the endpoint. For endpoints backed by pods, the EndpointSlice controller will mark the endpoint as serving if the pod\'s Ready condition is True. A nil value should be interpreted as "true".'),
    terminating: bool('terminating indicates that this endpoint is terminating. A nil value should be interpreted as "false".'),
  },
};
export const DiscoveryEndpointPort: TypeSchema = {
  name: 'EndpointPort',
  description: 'EndpointPort represents a Port used by an EndpointSlice',
  fields: {
    appProtocol: str('The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand.'),
    name: str("name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name."),
    port: int('port represents the port number of the endpoint. If the EndpointSlice is derived from a Kubernetes service, this must be set to the service\'s target port. EndpointSlices used for other purposes may have a nil port.'),
    protocol: str('protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
  },
};

export const Ingress = topLevel('Ingress', 'Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.', {
  spec: obj('IngressSpec', specDoc('spec is the desired state of the Ingress.')),
  status: obj('IngressStatus', specDoc('status is the current state of the Ingress.')),
});
export const IngressSpec: TypeSchema = {
  name: 'IngressSpec',
  description: 'IngressSpec describes the Ingress the user wishes to exist.',
  fields: {
    defaultBackend: obj('IngressBackend', "defaultBackend is the backend that should handle requests that don't match any rule. If Rules are not specified, DefaultBackend must be specified. If DefaultBackend is not set, the handling of requests that do not match any of the rules will be up to the Ingress controller."),
    ingressClassName: str('ingressClassName is the name of an IngressClass cluster resource. Ingress controller implementations use this field to know whether they should be serving this Ingress resource, by a transitive connection (controller -> IngressClass -> Ingress resource).'),
    rules: list('IngressRule', 'rules is a list of host rules used to configure the Ingress. If unspecified, or no rule matches, all traffic is sent to the default backend.'),
    tls: list('IngressTLS', 'tls represents the TLS configuration. Currently the Ingress only supports a single TLS port, 443.'),
  },
};
export const IngressStatus: TypeSchema = { name: 'IngressStatus', description: 'IngressStatus describe the current state of the Ingress.', fields: { loadBalancer: obj('LoadBalancerStatus', 'loadBalancer contains the current status of the load-balancer.') } };
export const IngressRule: TypeSchema = {
  name: 'IngressRule',
  description: 'IngressRule represents the rules mapping the paths under a specified host to the related backend services. Incoming requests are first evaluated for a host match, then routed to the backend associated with the matching IngressRuleValue.',
  fields: {
    host: str('host is the fully qualified domain name of a network host, as defined by RFC 3986. Incoming requests are matched against the host before the IngressRuleValue. If the host is unspecified, the Ingress routes all traffic based on the specified IngressRuleValue.\n\nhost can be "precise" which is a domain name without the terminating dot of a network host (e.g. "foo.bar.com") or "wildcard", which is a domain name prefixed with a single wildcard label (e.g. "*.foo.com").'),
    http: obj('HTTPIngressRuleValue', ''),
  },
};
export const HTTPIngressRuleValue: TypeSchema = { name: 'HTTPIngressRuleValue', description: 'HTTPIngressRuleValue is a list of http selectors pointing to backends.', fields: { paths: list('HTTPIngressPath', 'paths is a collection of paths that map requests to backends.', { required: true }) } };
export const HTTPIngressPath: TypeSchema = {
  name: 'HTTPIngressPath',
  description: 'HTTPIngressPath associates a path with a backend. Incoming urls matching the path are forwarded to the backend.',
  fields: {
    backend: obj('IngressBackend', 'backend defines the referenced service endpoint to which the traffic will be forwarded to.', { required: true }),
    path: str('path is matched against the path of an incoming request. Currently it can contain characters disallowed from the conventional "path" part of a URL as defined by RFC 3986. Paths must begin with a \'/\' and must be present when using PathType with value "Exact" or "Prefix".'),
    pathType: str('pathType determines the interpretation of the path matching. PathType can be one of the following values: * Exact: Matches the URL path exactly. * Prefix: Matches based on a URL path prefix split by \'/\'. Matching is done on a path element by element basis. * ImplementationSpecific: Interpretation of the Path matching is up to the IngressClass.', { required: true, enum: ['Exact', 'ImplementationSpecific', 'Prefix'] }),
  },
};
export const IngressBackend: TypeSchema = {
  name: 'IngressBackend',
  description: 'IngressBackend describes all endpoints for a given service and port.',
  fields: {
    resource: obj('TypedLocalObjectReference', 'resource is an ObjectRef to another Kubernetes resource in the namespace of the Ingress object. If resource is specified, a service.Name and service.Port must not be specified.'),
    service: obj('IngressServiceBackend', 'service references a service as a backend. This is a mutually exclusive setting with "Resource".'),
  },
};
export const TypedLocalObjectReference: TypeSchema = {
  name: 'TypedLocalObjectReference',
  description: 'TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.',
  fields: { apiGroup: str('APIGroup is the group for the resource being referenced.'), kind: str('Kind is the type of resource being referenced', { required: true }), name: str('Name is the name of resource being referenced', { required: true }) },
};
export const IngressServiceBackend: TypeSchema = {
  name: 'IngressServiceBackend',
  description: 'IngressServiceBackend references a Kubernetes Service as a Backend.',
  fields: { name: str('name is the referenced service. The service must exist in the same namespace as the Ingress object.', { required: true }), port: obj('ServiceBackendPort', 'port of the referenced service. A port name or port number is required for a IngressServiceBackend.') },
};
export const ServiceBackendPort: TypeSchema = {
  name: 'ServiceBackendPort',
  description: 'ServiceBackendPort is the service port being referenced.',
  fields: { name: str('name is the name of the port on the Service. This is a mutually exclusive setting with "Number".'), number: int('number is the numerical port number (e.g. 80) on the Service. This is a mutually exclusive setting with "Name".') },
};
export const IngressTLS: TypeSchema = {
  name: 'IngressTLS',
  description: 'IngressTLS describes the transport layer security associated with an ingress.',
  fields: { hosts: strings('hosts is a list of hosts included in the TLS certificate. The values in this list must match the name/s used in the tlsSecret.'), secretName: str('secretName is the name of the secret used to terminate TLS traffic on port 443.') },
};
export const IngressClass = topLevel('IngressClass', 'IngressClass represents the class of the Ingress, referenced by the Ingress Spec. The `ingressclass.kubernetes.io/is-default-class` annotation can be used to indicate that an IngressClass should be considered default.', {
  spec: obj('IngressClassSpec', specDoc('spec is the desired state of the IngressClass.')),
});
export const IngressClassSpec: TypeSchema = {
  name: 'IngressClassSpec',
  description: 'IngressClassSpec provides information about the class of an Ingress.',
  fields: { controller: str('controller refers to the name of the controller that should handle this class. This allows for different "flavors" that are controlled by the same controller. For example, you may have different parameters for the same implementing controller. This should be specified as a domain-prefixed path no more than 250 characters in length, e.g. "acme.io/ingress-controller". This field is immutable.') },
};

export const NetworkPolicy = topLevel('NetworkPolicy', 'NetworkPolicy describes what network traffic is allowed for a set of Pods', {
  spec: obj('NetworkPolicySpec', 'spec represents the specification of the desired behavior for this NetworkPolicy.'),
});
export const NetworkPolicySpec: TypeSchema = {
  name: 'NetworkPolicySpec',
  description: 'NetworkPolicySpec provides the specification of a NetworkPolicy',
  fields: {
    egress: list('NetworkPolicyEgressRule', 'egress is a list of egress rules to be applied to the selected pods. Outgoing traffic is allowed if there are no NetworkPolicies selecting the pod (and cluster policy otherwise allows the traffic), OR if the traffic matches at least one egress rule across all of the NetworkPolicy objects whose podSelector matches the pod.'),
    ingress: list('NetworkPolicyIngressRule', "ingress is a list of ingress rules to be applied to the selected pods. Traffic is allowed to a pod if there are no NetworkPolicies selecting the pod (and cluster policy otherwise allows the traffic), OR if the traffic source is the pod's local node, OR if the traffic matches at least one ingress rule across all of the NetworkPolicy objects whose podSelector matches the pod."),
    podSelector: obj('LabelSelector', 'podSelector selects the pods to which this NetworkPolicy object applies. The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.', { required: true }),
    policyTypes: strings('policyTypes is a list of rule types that the NetworkPolicy relates to. Valid options are ["Ingress"], ["Egress"], or ["Ingress", "Egress"]. If this field is not specified, it will default based on the existence of ingress or egress rules; policies that contain an egress section are assumed to affect egress, and all policies (whether or not they contain an ingress section) are assumed to affect ingress.'),
  },
};
export const NetworkPolicyIngressRule: TypeSchema = {
  name: 'NetworkPolicyIngressRule',
  description: "NetworkPolicyIngressRule describes a particular set of traffic that is allowed to the pods matched by a NetworkPolicySpec's podSelector. The traffic must match both ports and from.",
  fields: {
    from: list('NetworkPolicyPeer', 'from is a list of sources which should be able to access the pods selected for this rule. Items in this list are combined using a logical OR operation. If this field is empty or missing, this rule matches all sources (traffic not restricted by source).'),
    ports: list('NetworkPolicyPort', 'ports is a list of ports which should be made accessible on the pods selected for this rule. Each item in this list is combined using a logical OR. If this field is empty or missing, this rule matches all ports (traffic not restricted by port).'),
  },
};
export const NetworkPolicyEgressRule: TypeSchema = {
  name: 'NetworkPolicyEgressRule',
  description: "NetworkPolicyEgressRule describes a particular set of traffic that is allowed out of pods matched by a NetworkPolicySpec's podSelector. The traffic must match both ports and to.",
  fields: {
    ports: list('NetworkPolicyPort', 'ports is a list of destination ports for outgoing traffic. Each item in this list is combined using a logical OR. If this field is empty or missing, this rule matches all ports (traffic not restricted by port).'),
    to: list('NetworkPolicyPeer', 'to is a list of destinations for outgoing traffic of pods selected for this rule. Items in this list are combined using a logical OR operation. If this field is empty or missing, this rule matches all destinations (traffic not restricted by destination).'),
  },
};
export const NetworkPolicyPeer: TypeSchema = {
  name: 'NetworkPolicyPeer',
  description: 'NetworkPolicyPeer describes a peer to allow traffic to/from. Only certain combinations of fields are allowed',
  fields: {
    ipBlock: obj('IPBlock', 'ipBlock defines policy on a particular IPBlock. If this field is set then neither of the other fields can be.'),
    namespaceSelector: obj('LabelSelector', 'namespaceSelector selects namespaces using cluster-scoped labels. This field follows standard label selector semantics; if present but empty, it selects all namespaces.'),
    podSelector: obj('LabelSelector', 'podSelector is a label selector which selects pods. This field follows standard label selector semantics; if present but empty, it selects all pods.'),
  },
};
export const NetworkPolicyPort: TypeSchema = {
  name: 'NetworkPolicyPort',
  description: 'NetworkPolicyPort describes a port to allow traffic on',
  fields: {
    endPort: int('endPort indicates that the range of ports from port to endPort if set, inclusive, should be allowed by the policy. This field cannot be defined if the port field is not defined or if the port field is defined as a named (string) port. The endPort must be equal or greater than port.'),
    port: { type: 'IntOrString', description: 'port represents the port on the given protocol. This can either be a numerical or named port on a pod. If this field is not provided, this matches all port names and numbers. If present, only traffic on the specified protocol AND port will be matched.' },
    protocol: str('protocol represents the protocol (TCP, UDP, or SCTP) which traffic must match. If not specified, this field defaults to TCP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
  },
};
export const IPBlock: TypeSchema = {
  name: 'IPBlock',
  description: "IPBlock describes a particular CIDR (Ex. \"192.168.1.0/24\",\"2001:db8::/64\") that is allowed to the pods matched by a NetworkPolicySpec's podSelector. The except entry describes CIDRs that should not be included within this rule.",
  fields: { cidr: str('cidr is a string representing the IPBlock Valid examples are "192.168.1.0/24" or "2001:db8::/64"', { required: true }), except: strings('except is a slice of CIDRs that should not be included within an IPBlock Valid examples are "192.168.1.0/24" or "2001:db8::/64" Except values will be rejected if they are outside the cidr range') },
};

export const Namespace = topLevel('Namespace', 'Namespace provides a scope for Names. Use of multiple namespaces is optional.', {
  spec: obj('NamespaceSpec', specDoc('Spec defines the behavior of the Namespace.')),
  status: obj('NamespaceStatus', specDoc('Status describes the current status of a Namespace.')),
});
export const NamespaceSpec: TypeSchema = { name: 'NamespaceSpec', description: 'NamespaceSpec describes the attributes on a Namespace.', fields: { finalizers: strings('Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/') } };
export const NamespaceStatus: TypeSchema = { name: 'NamespaceStatus', description: 'NamespaceStatus is information about the current status of a Namespace.', fields: { phase: str('Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/', { enum: ['Active', 'Terminating'] }) } };

export const Node = topLevel('Node', 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).', {
  spec: obj('NodeSpec', specDoc('Spec defines the behavior of a node.')),
  status: obj('NodeStatus', specDoc('Most recently observed status of the node. Populated by the system. Read-only.')),
});
export const NodeSpec: TypeSchema = {
  name: 'NodeSpec',
  description: 'NodeSpec describes the attributes that a node is created with.',
  fields: {
    podCIDR: str('PodCIDR represents the pod IP range assigned to the node.'),
    podCIDRs: strings('podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.'),
    taints: list('Taint', "If specified, the node's taints."),
    unschedulable: bool('Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration'),
  },
};
export const NodeStatus: TypeSchema = {
  name: 'NodeStatus',
  description: 'NodeStatus is information about the current status of a node.',
  fields: { capacity: quantities('Capacity represents the total resources of a node.'), phase: str('NodePhase is the recently observed lifecycle phase of the node. The field is never populated, and now is deprecated.') },
};
