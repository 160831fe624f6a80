// The rest of each type's fields: the ones the playground does not simulate, listed so that
// the API server's strict decoding (api/decoding/bodyCheck.ts) knows every field a real
// v1.32 API server knows. A field missing here would make a valid manifest fail with
// `strict decoding error: unknown field …`, which is worse than accepting a typo, so each
// type listed in `EXTRA_FIELDS` is, together with its own file's fields, the complete
// field list of the Go struct. Field names and types from staging/src/k8s.io/api/core/v1/types.go,
// apps/v1/types.go, discovery/v1/types.go, networking/v1/types.go and
// apimachinery/pkg/apis/meta/v1/types.go (cross-checked against the generated apply
// configurations in client-go/applyconfigurations, which list each struct's JSON names).
// Fields of a few newer releases (hostnameOverride, restartPolicyRules …) are included:
// accepting them costs nothing, refusing a manifest written for a newer cluster would.
//
// Types whose contents the playground does not model (Volume, Affinity …) have no schema of
// their own: the decoder knows the field but does not look inside it. Descriptions are the
// first sentence of upstream's field comment.
import { bool, int, int64, list, quantities, str, stringMap, strings, time } from './common';
import type { FieldSchema, TypeSchema } from './types';

/** A field whose value the playground does not model: known, its contents unchecked. */
const opaque = (type: string, description: string): FieldSchema => ({ type, description });

export const ManagedFieldsEntry: TypeSchema = {
  name: 'ManagedFieldsEntry',
  description: 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.',
  fields: {
    apiVersion: str('APIVersion defines the version of this resource that this field set applies to.'),
    fieldsType: str('FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1"'),
    fieldsV1: opaque('FieldsV1', 'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.'),
    manager: str('Manager is an identifier of the workflow managing these fields.'),
    operation: str("Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'."),
    subresource: str('Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource.'),
    time: time("Time is the timestamp of when the ManagedFields entry was added."),
  },
};

export const PortStatus: TypeSchema = {
  name: 'PortStatus',
  description: 'PortStatus represents the error condition of a service port',
  fields: {
    error: str('Error is to record the problem with the service port.'),
    port: int('Port is the port number of the service port of which status is recorded here', { required: true }),
    protocol: str('Protocol is the protocol of the service port of which status is recorded here. The supported values are: "TCP", "UDP", "SCTP"', { required: true }),
  },
};

export const HTTPHeader: TypeSchema = {
  name: 'HTTPHeader',
  description: 'HTTPHeader describes a custom header to be used in HTTP probes',
  fields: {
    name: str('The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.', { required: true }),
    value: str('The header field value', { required: true }),
  },
};

const statusConditions = (type: string) => opaque(`[]${type}`, 'Represents the latest available observations of its current state.');
const observedGeneration = int64('The generation observed by the controller.');

/** Fields added to the types of the other schema files, by type id. */
export const EXTRA_FIELDS: Readonly<Record<string, Record<string, FieldSchema>>> = {
  ObjectMeta: {
    managedFields: list('ManagedFieldsEntry', "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn't need to set or understand this field."),
    selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
  },
  Condition: { observedGeneration: int64('observedGeneration represents the .metadata.generation that the condition was set based upon.') },
  LoadBalancerIngress: { ports: list('PortStatus', 'Ports is a list of records of service ports If used, every port defined in the service should have an entry in it') },
  PodSpec: {
    activeDeadlineSeconds: int64('Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers.'),
    affinity: opaque('Affinity', "If specified, the pod's scheduling constraints"),
    automountServiceAccountToken: bool('AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.'),
    dnsConfig: opaque('PodDNSConfig', 'Specifies the DNS parameters of a pod.'),
    ephemeralContainers: opaque('[]EphemeralContainer', 'List of ephemeral containers run in this pod.'),
    hostAliases: opaque('[]HostAlias', "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified."),
    hostIPC: bool("Use the host's ipc namespace. Optional: Default to false."),
    hostPID: bool("Use the host's pid namespace. Optional: Default to false."),
    hostUsers: bool("Use the host's user namespace. Optional: Default to true."),
    hostnameOverride: str("HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod."),
    imagePullSecrets: opaque('[]LocalObjectReference', 'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.'),
    os: opaque('PodOS', 'Specifies the OS of the containers in the pod.'),
    overhead: quantities('Overhead represents the resource overhead associated with running a pod for a given RuntimeClass.'),
    preemptionPolicy: str('PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
    priorityClassName: str('If specified, indicates the pod\'s priority. "system-node-critical" and "system-cluster-critical" are two special keywords which indicate the highest priorities with the former being the highest priority.'),
    resourceClaims: opaque('[]PodResourceClaim', 'ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start.'),
    resources: { type: 'ResourceRequirements', ref: 'ResourceRequirements', description: 'Resources is the total amount of CPU and Memory resources required by all containers in the pod.' },
    runtimeClassName: str('RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.'),
    schedulingGates: opaque('[]PodSchedulingGate', 'SchedulingGates is an opaque list of values that if specified will block scheduling the pod.'),
    serviceAccount: str('DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead.'),
    setHostnameAsFQDN: bool("If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default)."),
    shareProcessNamespace: bool('Share a single process namespace between all of the containers in a pod.'),
    topologySpreadConstraints: opaque('[]TopologySpreadConstraint', 'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains.'),
    volumes: opaque('[]Volume', 'List of volumes that can be mounted by containers belonging to the pod.'),
  },
  Container: {
    envFrom: opaque('[]EnvFromSource', 'List of sources to populate environment variables in the container.'),
    lifecycle: opaque('Lifecycle', 'Actions that the management system should take in response to container lifecycle events. Cannot be updated.'),
    resizePolicy: opaque('[]ContainerResizePolicy', 'Resources resize policy for the container.'),
    restartPolicyRules: opaque('[]ContainerRestartRule', 'Represents a list of rules to be checked to determine if the container should be restarted on exit.'),
    securityContext: opaque('SecurityContext', 'SecurityContext defines the security options the container should be run with.'),
    stdin: bool('Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.'),
    stdinOnce: bool('Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions.'),
    tty: bool("Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false."),
    volumeDevices: opaque('[]VolumeDevice', 'volumeDevices is the list of block devices to be used by the container.'),
    volumeMounts: opaque('[]VolumeMount', "Pod volumes to mount into the container's filesystem. Cannot be updated."),
    workingDir: str("Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated."),
  },
  EnvVar: { valueFrom: opaque('EnvVarSource', "Source for the environment variable's value. Cannot be used if value is not empty.") },
  HTTPGetAction: { httpHeaders: list('HTTPHeader', 'Custom headers to set in the request. HTTP allows repeated headers.') },
  ResourceRequirements: { claims: opaque('[]ResourceClaim', 'Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.') },
  PodSecurityContext: {
    appArmorProfile: opaque('AppArmorProfile', 'appArmorProfile is the AppArmor options to use by the containers in this pod.'),
    fsGroup: int64('A special supplemental group that applies to all containers in a pod.'),
    fsGroupChangePolicy: str('fsGroupChangePolicy defines behavior of changing ownership and permission of the volume before being exposed inside Pod.'),
    seLinuxChangePolicy: str('seLinuxChangePolicy defines how the container\'s SELinux label is applied to all volumes used by the Pod.'),
    seLinuxOptions: opaque('SELinuxOptions', 'The SELinux context to be applied to all containers.'),
    seccompProfile: opaque('SeccompProfile', 'The seccomp options to use by the containers in this pod.'),
    supplementalGroups: opaque('[]integer', 'A list of groups applied to the first process run in each container, in addition to the container\'s primary GID and fsGroup (if specified).'),
    supplementalGroupsPolicy: str('Defines how supplemental groups of the first container processes are calculated.'),
    sysctls: opaque('[]Sysctl', 'Sysctls hold a list of namespaced sysctls used for the pod.'),
    windowsOptions: opaque('WindowsSecurityContextOptions', 'The Windows specific settings applied to all containers.'),
  },
  PodStatus: {
    conditions: statusConditions('PodCondition'),
    containerStatuses: opaque('[]ContainerStatus', 'Statuses of containers in this pod.'),
    ephemeralContainerStatuses: opaque('[]ContainerStatus', 'Statuses for any ephemeral containers that have run in this pod.'),
    extendedResourceClaimStatus: opaque('PodExtendedResourceClaimStatus', 'Status of extended resource claim backed by DRA.'),
    hostIPs: opaque('[]HostIP', 'hostIPs holds the IP addresses allocated to the host.'),
    initContainerStatuses: opaque('[]ContainerStatus', 'Statuses of init containers in this pod.'),
    message: str('A human readable message indicating details about why the pod is in this condition.'),
    nominatedNodeName: str('nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.'),
    observedGeneration: int64('If set, this represents the .metadata.generation that the pod status was set based upon.'),
    podIPs: opaque('[]PodIP', 'podIPs holds the IP addresses allocated to the pod.'),
    qosClass: str('The Quality of Service (QOS) classification assigned to the pod based on resource requirements.'),
    reason: str("A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'"),
    resize: str('Status of resources resize desired for pod\'s containers.'),
    resourceClaimStatuses: opaque('[]PodResourceClaimStatus', 'Status of resource claims.'),
  },
  DeploymentStatus: {
    collisionCount: int('Count of hash collisions for the Deployment.'),
    conditions: statusConditions('DeploymentCondition'),
    observedGeneration,
    terminatingReplicas: int('Total number of terminating pods targeted by this deployment.'),
    unavailableReplicas: int('Total number of unavailable pods targeted by this deployment.'),
  },
  ReplicaSetStatus: {
    availableReplicas: int('The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.'),
    conditions: statusConditions('ReplicaSetCondition'),
    fullyLabeledReplicas: int('The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.'),
    observedGeneration: int64('ObservedGeneration reflects the generation of the most recently observed ReplicaSet.'),
    terminatingReplicas: int('The number of terminating pods for this replica set.'),
  },
  StatefulSetSpec: {
    minReadySeconds: int('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available.'),
    ordinals: opaque('StatefulSetOrdinals', 'ordinals controls the numbering of replica indices in a StatefulSet.'),
    volumeClaimTemplates: opaque('[]PersistentVolumeClaim', 'volumeClaimTemplates is a list of claims that pods are allowed to reference.'),
  },
  StatefulSetStatus: {
    availableReplicas: int('Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.'),
    collisionCount: int('collisionCount is the count of hash collisions for the StatefulSet.'),
    conditions: statusConditions('StatefulSetCondition'),
    currentReplicas: int('currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.'),
    currentRevision: str('currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).'),
    observedGeneration: int64("observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server."),
    updateRevision: str('updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)'),
    updatedReplicas: int('updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.'),
  },
  EndpointPort: { appProtocol: str('The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand.') },
  ObjectReference: {
    apiVersion: str('API version of the referent.'),
    fieldPath: str('If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].'),
    resourceVersion: str('Specific resourceVersion to which this reference is made, if any.'),
  },
  Endpoint: {
    deprecatedTopology: stringMap('deprecatedTopology contains topology information part of the v1beta1 API. This field is deprecated, and will be removed when the v1beta1 API is removed (no sooner than kubernetes v1.24).'),
    hints: opaque('EndpointHints', 'hints contains information associated with how an endpoint should be consumed.'),
  },
  IngressClassSpec: { parameters: opaque('IngressClassParametersReference', 'parameters is a link to a custom resource containing additional configuration for the controller.') },
  NamespaceStatus: { conditions: statusConditions('NamespaceCondition') },
  NodeSpec: {
    configSource: opaque('NodeConfigSource', 'Deprecated: Previously used to specify the source of the node\'s configuration for the DynamicKubeletConfig feature. This feature is removed.'),
    externalID: str('Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966'),
    providerID: str('ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>'),
  },
  NodeStatus: {
    addresses: opaque('[]NodeAddress', 'List of addresses reachable to the node.'),
    allocatable: quantities('Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.'),
    conditions: statusConditions('NodeCondition'),
    config: opaque('NodeConfigStatus', 'Status of the config assigned to the node via the dynamic Kubelet config feature.'),
    daemonEndpoints: opaque('NodeDaemonEndpoints', 'Endpoints of daemons running on the Node.'),
    declaredFeatures: strings('DeclaredFeatures represents the features related to feature gates that are declared by the node.'),
    features: opaque('NodeFeatures', 'Features describes the set of features implemented by the CRI implementation.'),
    images: opaque('[]ContainerImage', 'List of container images on this node'),
    nodeInfo: opaque('NodeSystemInfo', 'Set of ids/uuids to uniquely identify the node.'),
    runtimeHandlers: opaque('[]NodeRuntimeHandler', 'The available runtime handlers.'),
    volumesAttached: opaque('[]AttachedVolume', 'List of volumes that are attached to the node.'),
    volumesInUse: strings('List of attachable volumes in use (mounted) by the node.'),
  },
};
