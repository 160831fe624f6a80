// Pod, Deployment, ReplicaSet, StatefulSet and the pod template types (shorter descriptions,
// from staging/src/k8s.io/api/{core,apps}/v1/types.go).
import { bool, int, int64, list, metadataField, obj, specDoc, str, stringMap, strings, time, topLevel } from './common';
import type { TypeSchema } from './types';

const workload = (name: string, description: string, spec: string): TypeSchema =>
  topLevel(name, description, {
    spec: obj(spec, specDoc(`Specification of the desired behavior of the ${name}.`)),
    status: obj(`${name}Status`, specDoc(`Most recently observed status of the ${name}. Populated by the system. Read-only.`)),
  });

export const Pod = workload('Pod', 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.', 'PodSpec');
export const Deployment = workload('Deployment', 'Deployment enables declarative updates for Pods and ReplicaSets.', 'DeploymentSpec');
export const ReplicaSet = workload('ReplicaSet', 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.', 'ReplicaSetSpec');
export const StatefulSet = workload('StatefulSet', 'StatefulSet represents a set of pods with consistent identities. Identities are defined as:\n  - Network: A single stable DNS and hostname.\n  - Storage: As many VolumeClaims as requested.\n\nThe StatefulSet guarantees that a given network identity will always map to the same storage identity.', 'StatefulSetSpec');

const selectorField = obj('LabelSelector', "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.", { required: true });
const templateField = obj('PodTemplateSpec', 'Template describes the pods that will be created.', { required: true });

export const DeploymentSpec: TypeSchema = {
  name: 'DeploymentSpec',
  description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
  fields: {
    minReadySeconds: int('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
    paused: bool('Indicates that the deployment is paused.'),
    progressDeadlineSeconds: int('The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s.'),
    replicas: int('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.'),
    revisionHistoryLimit: int('The number of old ReplicaSets to retain to allow rollback. Defaults to 10.'),
    selector: selectorField,
    strategy: obj('DeploymentStrategy', 'The deployment strategy to use to replace existing pods with new ones.'),
    template: { ...templateField, description: 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".' },
  },
};

export const DeploymentStrategy: TypeSchema = {
  name: 'DeploymentStrategy',
  description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
  fields: {
    rollingUpdate: obj('RollingUpdateDeployment', 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.'),
    type: str('Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.', { enum: ['Recreate', 'RollingUpdate'] }),
  },
};

export const RollingUpdateDeployment: TypeSchema = {
  name: 'RollingUpdateDeployment',
  description: 'Spec to control the desired behavior of rolling update.',
  fields: {
    maxSurge: { type: 'IntOrString', description: 'The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%.' },
    maxUnavailable: { type: 'IntOrString', description: 'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Defaults to 25%.' },
  },
};

export const ReplicaSetSpec: TypeSchema = {
  name: 'ReplicaSetSpec',
  description: 'ReplicaSetSpec is the specification of a ReplicaSet.',
  fields: {
    minReadySeconds: int('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0.'),
    replicas: int('Replicas is the number of desired pods. Defaults to 1.'),
    selector: { ...selectorField, description: 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels.' },
    template: { ...templateField, required: false, description: 'Template is the object that describes the pod that will be created if insufficient replicas are detected.' },
  },
};

export const StatefulSetSpec: TypeSchema = {
  name: 'StatefulSetSpec',
  description: 'A StatefulSetSpec is the specification of a StatefulSet.',
  fields: {
    persistentVolumeClaimRetentionPolicy: obj('StatefulSetPersistentVolumeClaimRetentionPolicy', 'persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted.'),
    podManagementPolicy: str('podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`.', { enum: ['OrderedReady', 'Parallel'] }),
    replicas: int('replicas is the desired number of replicas of the given Template. Defaults to 1.'),
    revisionHistoryLimit: int("revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10."),
    selector: { ...selectorField, description: "selector is a label query over pods that should match the replica count. It must match the pod template's labels." },
    serviceName: str('serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where "pod-specific-string" is managed by the StatefulSet controller.'),
    template: { ...templateField, description: 'template is the object that describes the pod that will be created if insufficient replicas are detected.' },
    updateStrategy: obj('StatefulSetUpdateStrategy', 'updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.'),
  },
};

export const PodTemplateSpec: TypeSchema = {
  name: 'PodTemplateSpec',
  description: 'PodTemplateSpec describes the data a pod should have when created from a template',
  fields: { metadata: metadataField, spec: obj('PodSpec', specDoc('Specification of the desired behavior of the pod.')) },
};

export const PodSpec: TypeSchema = {
  name: 'PodSpec',
  description: 'PodSpec is a description of a pod.',
  fields: {
    containers: list('Container', 'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.', { required: true }),
    dnsPolicy: str('Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are \'ClusterFirstWithHostNet\', \'ClusterFirst\', \'Default\' or \'None\'.', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
    enableServiceLinks: bool("EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true."),
    hostNetwork: bool("Host networking requested for this pod. Use the host's network namespace. Default to false."),
    hostname: str("Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value."),
    initContainers: list('Container', 'List of initialization containers belonging to the pod.'),
    nodeName: str('NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.'),
    nodeSelector: stringMap("NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
    priority: int('The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field.'),
    readinessGates: list('PodReadinessGate', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True"'),
    restartPolicy: str('Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always.', { enum: ['Always', 'Never', 'OnFailure'] }),
    schedulerName: str('If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.'),
    securityContext: obj('PodSecurityContext', 'SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field.'),
    serviceAccountName: str('ServiceAccountName is the name of the ServiceAccount to use to run this pod.'),
    subdomain: str('If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>". If not specified, the pod will not have a domainname at all.'),
    terminationGracePeriodSeconds: int64('Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds.'),
    tolerations: list('Toleration', "If specified, the pod's tolerations."),
  },
};

export const Container: TypeSchema = {
  name: 'Container',
  description: 'A single application container that you want to run within a pod.',
  fields: {
    args: strings('Arguments to the entrypoint. The container image\'s CMD is used if this is not provided.'),
    command: strings("Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided."),
    env: list('EnvVar', 'List of environment variables to set in the container. Cannot be updated.'),
    image: str('Container image name. More info: https://kubernetes.io/docs/concepts/containers/images'),
    imagePullPolicy: str('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
    livenessProbe: obj('Probe', 'Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
    name: str('Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.', { required: true }),
    ports: list('ContainerPort', 'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.'),
    resources: obj('ResourceRequirements', 'Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
    restartPolicy: str('RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is "Always".'),
    readinessProbe: obj('Probe', 'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
    startupProbe: obj('Probe', 'StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully.'),
    terminationMessagePath: str("Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Defaults to /dev/termination-log. Cannot be updated."),
    terminationMessagePolicy: str('Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. Defaults to File. Cannot be updated.', { enum: ['FallbackToLogsOnError', 'File'] }),
  },
};

export const EnvVar: TypeSchema = {
  name: 'EnvVar',
  description: 'EnvVar represents an environment variable present in a Container.',
  fields: { name: str('Name of the environment variable. Must be a C_IDENTIFIER.', { required: true }), value: str('Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. Defaults to "".') },
};

export const ContainerPort: TypeSchema = {
  name: 'ContainerPort',
  description: 'ContainerPort represents a network port in a single container.',
  fields: {
    containerPort: int("Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.", { required: true }),
    hostIP: str('What host IP to bind the external port to.'),
    hostPort: int('Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.'),
    name: str('If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.'),
    protocol: str('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".', { enum: ['SCTP', 'TCP', 'UDP'] }),
  },
};

export const Probe: TypeSchema = {
  name: 'Probe',
  description: 'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.',
  fields: {
    exec: obj('ExecAction', 'Exec specifies a command to execute in the container.'),
    grpc: obj('GRPCAction', 'GRPC specifies a GRPC HealthCheckRequest.'),
    failureThreshold: int('Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.'),
    httpGet: obj('HTTPGetAction', 'HTTPGet specifies an HTTP GET request to perform.'),
    initialDelaySeconds: int('Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
    periodSeconds: int('How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.'),
    successThreshold: int('Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.'),
    tcpSocket: obj('TCPSocketAction', 'TCPSocket specifies a connection to a TCP port.'),
    terminationGracePeriodSeconds: int64('Optional duration in seconds the pod needs to terminate gracefully upon probe failure. If this value is nil, the pod\'s terminationGracePeriodSeconds will be used.'),
    timeoutSeconds: int('Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
  },
};

export const ExecAction: TypeSchema = {
  name: 'ExecAction',
  description: 'ExecAction describes a "run in container" action.',
  fields: { command: strings("Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell, so traditional shell instructions ('|', etc) won't work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy.") },
};

export const HTTPGetAction: TypeSchema = {
  name: 'HTTPGetAction',
  description: 'HTTPGetAction describes an action based on HTTP Get requests.',
  fields: {
    host: str('Host name to connect to, defaults to the pod IP. You probably want to set "Host" in httpHeaders instead.'),
    path: str('Path to access on the HTTP server.'),
    port: { type: 'IntOrString', required: true, description: 'Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.' },
    scheme: str('Scheme to use for connecting to the host. Defaults to HTTP.', { enum: ['HTTP', 'HTTPS'] }),
  },
};

export const TCPSocketAction: TypeSchema = {
  name: 'TCPSocketAction',
  description: 'TCPSocketAction describes an action based on opening a socket',
  fields: {
    host: str('Optional: Host name to connect to, defaults to the pod IP.'),
    port: { type: 'IntOrString', required: true, description: 'Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.' },
  },
};

const statusOf = (name: string, description: string, fields: TypeSchema['fields']): TypeSchema => ({ name, description, fields });
export const PodStatus = statusOf('PodStatus', 'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.', {
  hostIP: str('hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet.'),
  phase: str('The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.', { enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] }),
  podIP: str('podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
  startTime: time('RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.'),
});
export const DeploymentStatus = statusOf('DeploymentStatus', 'DeploymentStatus is the most recently observed status of the Deployment.', {
  availableReplicas: int('Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
  readyReplicas: int('readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.'),
  replicas: int('Total number of non-terminated pods targeted by this deployment (their labels match the selector).'),
  updatedReplicas: int('Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
});
export const ReplicaSetStatus = statusOf('ReplicaSetStatus', 'ReplicaSetStatus represents the current status of a ReplicaSet.', {
  readyReplicas: int('readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
  replicas: int('Replicas is the most recently observed number of replicas.', { required: true }),
});
export const StatefulSetStatus = statusOf('StatefulSetStatus', 'StatefulSetStatus represents the current state of a StatefulSet.', {
  readyReplicas: int('readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.'),
  replicas: int('replicas is the number of Pods created by the StatefulSet controller.', { required: true }),
});
