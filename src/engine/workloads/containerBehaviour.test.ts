import { describe, expect, it } from 'vitest';
import type { Container } from '../core/types';
import { exitsOnSigterm, imageBasename, listeningPorts, qualifiedImage, runDurationSeconds } from './containerBehaviour';

const c = (image: string, extra: Partial<Container> = {}): Container => ({ name: 'app', image, ...extra });

describe('containerBehaviour', () => {
  it.each([
    ['nginx', [80]],
    ['docker.io/library/nginx:1.27', [80]],
    ['httpd:2.4', [80]],
    ['registry.k8s.io/echoserver:1.10', [8080]],
    ['hashicorp/http-echo', [5678]],
    ['redis:7', [6379]],
    ['postgres', [5432]],
    ['mysql:8', [3306]],
    ['mongo', [27017]],
    ['memcached', [11211]],
    ['registry.k8s.io/coredns/coredns:v1.11.3', [53, 8080, 8181, 9153]],
    ['busybox', []],
    ['alpine:3.20', []],
    ['curlimages/curl', []],
    ['localhost:5000/myapp:dev', []],
  ])('%s listens on %j', (image, ports) => {
    expect([...listeningPorts(c(image))].sort((a, b) => a - b)).toEqual(ports);
  });

  it('adds declared TCP containerPorts, not UDP ones', () => {
    const ports = listeningPorts(c('busybox', { ports: [{ containerPort: 8080 }, { containerPort: 5353, protocol: 'UDP' }] }));
    expect([...ports]).toEqual([8080]);
  });

  it('matches the repository basename ignoring registry, tag and digest', () => {
    expect(imageBasename('registry.example.com:5000/team/nginx:1.2@sha256:abc')).toBe('nginx');
  });

  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['hashicorp/http-echo', 'docker.io/hashicorp/http-echo:latest'],
    ['registry.k8s.io/echoserver:1.10', 'registry.k8s.io/echoserver:1.10'],
  ])('containerd reports %s as %s', (image, expected) => {
    expect(qualifiedImage(image)).toBe(expected);
  });

  it('a shell image without a command exits at once; with sleep it runs that long', () => {
    expect(runDurationSeconds(c('busybox'))).toBe(0);
    expect(runDurationSeconds(c('busybox', { command: ['sleep', '3600'] }))).toBe(3600);
    expect(runDurationSeconds(c('busybox', { command: ['sh', '-c', 'sleep infinity'] }))).toBe(Infinity);
    expect(runDurationSeconds(c('nginx'))).toBe(Infinity);
  });

  it('servers stop on SIGTERM; sleep as PID 1 ignores it', () => {
    expect(exitsOnSigterm(c('nginx'))).toBe(true);
    expect(exitsOnSigterm(c('busybox', { command: ['sleep', '3600'] }))).toBe(false);
  });
});
