// describe Service, Endpoints and EndpointSlice. Source: staging/src/k8s.io/kubectl/pkg/
// describe/describe.go (describeService, buildIngressString, formatEndpointSlices,
// describeEndpoints, describeEndpointSliceV1); KUBERNETES.md §13.6–13.7.

import type { EndpointSlice, Endpoints, KubeEvent, Service } from '../../engine/core/types';
import { formatLabels, joinHostPort } from '../printers/format';
import { describeEvents } from './events';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline } from './writer';

/** Ready `ip:port` of the slices for one service port name (3 then ` + N more...`); `<none>` without slices. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    const endpoints = slice.endpoints ?? [];
    if (ports.length === 0) {
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== (portName ?? '')) continue;
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(svc: Service, slices: EndpointSlice[], events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  const spec = svc.spec;
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy !== undefined) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : i.hostname ?? '')).join(', ');
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
  }
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? '';
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? ''}/${proto}\n`);
    if (sp.appProtocol !== undefined) w.write(LEVEL_0, `AppProtocol:\t${sp.appProtocol}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name)}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy !== undefined) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
  if (spec.trafficDistribution !== undefined) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  describeEvents(w, events, nowMs);
  return w.toString();
}

export function describeEndpoints(ep: Endpoints, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of subset.ports!) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(w, events, nowMs);
  return w.toString();
}

export function describeEndpointSlice(slice: EndpointSlice, events: KubeEvent[], nowMs: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${slice.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', slice.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', slice.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) {
    w.write(LEVEL_0, 'Ports: <unset>\n');
  } else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of ports) {
      const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
      w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
    }
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) {
    w.write(LEVEL_0, 'Endpoints: <none>\n');
  } else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const ep of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      const ready = ep.conditions?.ready;
      w.write(LEVEL_3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
      if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, events, nowMs);
  return w.toString();
}
