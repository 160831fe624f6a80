// Containers as `kubectl describe` shows them in pods and pod templates.
// Source: describe.go (describeContainers, describeContainerBasicInfo, describeContainerPorts,
// describeContainerState, describeStatus, DescribeProbe, describeContainerEnvVars,
// describeContainerVolumes, describeResources, describeVolumes, DescribePodTemplate).

import type { Container, ContainerState, ContainerStatus, Pod, PodSpec, PodTemplateSpec, Probe } from '../../engine/core/types';
import { formatRFC1123Z } from '../printers/age';
import { type DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline } from './writer';

type Loose = Record<string, unknown>;
interface EnvVar { name: string; value?: string; valueFrom?: { fieldRef?: { apiVersion?: string; fieldPath: string }; resourceFieldRef?: { resource: string }; secretKeyRef?: { key: string; name: string; optional?: boolean }; configMapKeyRef?: { key: string; name: string; optional?: boolean } } }
interface VolumeMount { name: string; mountPath: string; readOnly?: boolean; subPath?: string }

/** DescribeProbe, with v1 defaults for fields a hand-built object may lack. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const host = g.host ?? '';
    const port = String(g.port);
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${(g.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${g.path ?? '/'} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  const term = state?.terminated as (ContainerState['terminated'] & { message?: string; signal?: number }) | undefined;
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (term) {
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (term.reason) w.write(LEVEL_3, `Reason:\t${term.reason}\n`);
    if (term.message) w.write(LEVEL_3, `Message:\t${term.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${term.exitCode}\n`);
    if (term.signal && term.signal > 0) w.write(LEVEL_3, `Signal:\t${term.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(term.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(term.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeResources(w: DescribeWriter, resources: Loose | undefined, level: number): void {
  for (const section of ['limits', 'requests'] as const) {
    const list = (resources?.[section] ?? {}) as Record<string, string | number>;
    const names = Object.keys(list).sort();
    if (names.length > 0) w.write(level, `${section === 'limits' ? 'Limits' : 'Requests'}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${list[n]}\n`);
  }
}

/** EnvValueRetriever for the downward-API fields a student is likely to use. */
function resolveFieldRef(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return '';
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return fields[fieldPath] ?? '';
}

function describeEnv(w: DescribeWriter, container: Container, pod: Pod | undefined): void {
  const env = (container.env ?? []) as EnvVar[];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (from.fieldRef) {
      const value = pod ? resolveFieldRef(pod, from.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      w.write(LEVEL_3, `${e.name}:\t (${from.resourceFieldRef.resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${!!from.secretKeyRef.optional}\n`);
    } else if (from.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${!!from.configMapKeyRef.optional}\n`);
    }
  }
}

function describeMounts(w: DescribeWriter, container: Container): void {
  const mounts = [...(((container as unknown as Loose).volumeMounts ?? []) as VolumeMount[])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

export function describeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, pod: Pod | undefined, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = c.ports ?? [];
    const portText = ports.map((p) => `${p.containerPort}/${p.protocol ?? ''}${p.name ? ` (${p.name})` : ''}`).join(', ');
    const hostText = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}${p.name ? ` (${p.name})` : ''}`).join(', ');
    w.write(LEVEL_2, portText.includes(',') ? `Ports:\t${portText}\n` : `Port:\t${portText || '<none>'}\n`);
    w.write(LEVEL_2, hostText.includes(',') ? `Host Ports:\t${hostText}\n` : `Host Port:\t${hostText || '<none>'}\n`);
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, 'Command:\n');
      for (const s of c.command!) for (const line of s.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, 'Args:\n');
      for (const s of c.args!) for (const line of s.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c.resources, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}

/**
 * A *bool printed with %v, as v1.32's printProjectedVolumeSource does for Optional: `<nil>`
 * when unset, else the pointer's address (kubectl#1694; v1.33 prints the value instead).
 */
const goBoolPointer = (b: unknown): string => (typeof b === 'boolean' ? '0xc000a1c2e8' : '<nil>');

/** printProjectedVolumeSource (kubectl v1.32): one line (or two) per source, in order. */
function describeProjectedVolume(w: DescribeWriter, projected: Loose): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  const sources = Array.isArray(projected.sources) ? (projected.sources as Loose[]) : [];
  for (const source of sources) {
    const secret = source?.secret as { name?: string; optional?: boolean } | undefined;
    const configMap = source?.configMap as { name?: string; optional?: boolean } | undefined;
    const token = source?.serviceAccountToken as { expirationSeconds?: number } | undefined;
    if (secret) w.write(LEVEL_2, `SecretName:\t${secret.name ?? ''}\n    SecretOptionalName:\t${goBoolPointer(secret.optional)}\n`);
    else if (source?.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (configMap) w.write(LEVEL_2, `ConfigMapName:\t${configMap.name ?? ''}\n    ConfigMapOptional:\t${goBoolPointer(configMap.optional)}\n`);
    // ExpirationSeconds is defaulted to 3600 (SetDefaults_ServiceAccountTokenProjection).
    else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 3600}\n`);
  }
}

/** The common volume sources; others print `<unknown>` as describe.go's default case does. */
export function describeVolumes(w: DescribeWriter, spec: PodSpec, space: string): void {
  const volumes = ((spec as unknown as Loose).volumes ?? []) as Loose[];
  if (volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const emptyDir = v.emptyDir as { medium?: string; sizeLimit?: string } | undefined;
    const configMap = v.configMap as { name?: string; optional?: boolean } | undefined;
    const secret = v.secret as { secretName?: string; optional?: boolean } | undefined;
    const hostPath = v.hostPath as { path?: string; type?: string } | undefined;
    const pvc = v.persistentVolumeClaim as { claimName?: string; readOnly?: boolean } | undefined;
    if (hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path ?? ''}\n    HostPathType:\t${hostPath.type ?? '<none>'}\n`);
    else if (emptyDir) w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${emptyDir.medium ?? ''}\n    SizeLimit:\t${emptyDir.sizeLimit ?? '<unset>'}\n`);
    else if (secret) w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${secret.secretName ?? ''}\n    Optional:\t${!!secret.optional}\n`);
    else if (configMap) w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${configMap.name ?? ''}\n    Optional:\t${!!configMap.optional}\n`);
    else if (pvc) w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${pvc.claimName ?? ''}\n    ReadOnly:\t${!!pvc.readOnly}\n`);
    else if (v.projected) describeProjectedVolume(w, v.projected as Loose);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}

interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

/** printTolerationsMultilineWithIndent: sorted by key, `key=value:Effect op=Exists for 300s`. */
export function printTolerations(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers!, undefined, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ');
  describeVolumes(w, spec, '  ');
  const priorityClassName = (spec as unknown as Loose).priorityClassName as string | undefined;
  if (priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerations(w, '  Tolerations', spec.tolerations as Toleration[] | undefined);
}
