// The Kubernetes tutorials' own transcripts, replayed through exec: the images they run
// (serve_hostname, kubernetes-bootcamp, busybox:1.28, radial/busyboxplus:curl) and what
// those print. Sources: kubernetes/website tasks/debug/debug-application/debug-service.md,
// tutorials/services/connect-applications-service.md, tutorials/kubernetes-basics/expose/
// expose-intro.md; kubernetes/kubernetes test/images/agnhost/serve-hostname/serve_hostname.go;
// busybox networking/nslookup.c before the LEDE rewrite (print_host, server_print).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

function debugServicesCluster() {
  const c = createCluster({ seed: 11 });
  expect(c.exec('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname').exitCode).toBe(0);
  expect(c.exec('kubectl scale deployment hostnames --replicas=3').exitCode).toBe(0);
  expect(c.exec('kubectl run busybox --image=busybox:1.28 --restart=Never -- sleep 3600').exitCode).toBe(0);
  c.advance(60_000);
  const pods = c.exec('kubectl get pods -l app=hostnames -o jsonpath={.items[*].metadata.name}').stdout.split(' ');
  const ips = c.exec('kubectl get pods -l app=hostnames -o jsonpath={.items[*].status.podIP}').stdout.split(' ');
  return { c, pods, ips };
}

describe('"Debug Services" (serve_hostname on 9376, busybox:1.28)', () => {
  const { c, pods, ips } = debugServicesCluster();

  it('each pod answers wget -qO- POD_IP:9376 with its hostname, without a newline', () => {
    ips.forEach((ip, i) => {
      expect(c.exec(`kubectl exec busybox -- wget -qO- ${ip}:9376`)).toEqual({ stdout: pods[i], stderr: '', exitCode: 0 });
    });
  });

  it('nslookup before the Service exists: the server line, then can\'t resolve on stderr, exit 1', () => {
    expect(c.exec('kubectl exec busybox -- nslookup hostnames')).toMatchObject({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'hostnames'\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
  });

  it('after kubectl expose: short, namespace-qualified and full names resolve through the search list', () => {
    expect(c.exec('kubectl expose deployment hostnames --port=80 --target-port=9376').stdout).toBe('service/hostnames exposed\n');
    c.advance(5_000);
    const ip = c.exec('kubectl get svc hostnames -o jsonpath={.spec.clusterIP}').stdout;
    for (const name of ['hostnames', 'hostnames.default', 'hostnames.default.svc.cluster.local']) {
      expect(c.exec(`kubectl exec busybox -- nslookup ${name}`)).toEqual({
        stdout: `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      ${name}\nAddress 1: ${ip} hostnames.default.svc.cluster.local\n`,
        stderr: '',
        exitCode: 0,
      });
    }
    expect(c.exec('kubectl exec busybox -- nslookup kubernetes.default').stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
    // The Service by IP answers from one of the pods.
    expect(pods).toContain(c.exec(`kubectl exec busybox -- wget -qO- ${ip}:80`).stdout);
  });

  it('the old applet takes no options (usage on stderr), and without a ready kube-dns the server has no name', () => {
    const usage = c.exec('kubectl exec busybox -- nslookup -type=a hostnames');
    expect(usage.exitCode).toBe(1);
    expect(usage.stderr).toMatch(/^BusyBox v1\.28\.4 .*\n\nUsage: nslookup \[HOST\] \[SERVER\]\n/);
    expect(c.exec('kubectl -n kube-system scale deployment coredns --replicas=0').exitCode).toBe(0);
    c.advance(60_000);
    expect(c.exec('kubectl exec busybox -- nslookup kubernetes.default')).toMatchObject({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\n',
      stderr: "nslookup: can't resolve 'kubernetes.default'\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
  });
});

describe('"Connecting Applications with Services": radial/busyboxplus:curl', () => {
  it('has curl and the old nslookup', () => {
    const c = createCluster({ seed: 12 });
    c.exec('kubectl create deployment my-nginx --image=nginx --replicas=2');
    c.exec('kubectl expose deployment my-nginx --port=80');
    c.exec('kubectl run curl --image=radial/busyboxplus:curl --restart=Never -- sleep 3600');
    c.advance(60_000);
    const ip = c.exec('kubectl get svc my-nginx -o jsonpath={.spec.clusterIP}').stdout;
    expect(c.exec('kubectl exec curl -- nslookup my-nginx').stdout).toBe(
      `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      my-nginx\nAddress 1: ${ip} my-nginx.default.svc.cluster.local\n`,
    );
    expect(c.exec('kubectl exec curl -- curl -s my-nginx').stdout).toContain('<title>Welcome to nginx!</title>');
  });
});

describe('"Using a Service to Expose Your App": kubernetes-bootcamp on 8080', () => {
  it('answers through the NodePort and to curl localhost:8080 inside its pod', () => {
    const c = createCluster({ seed: 13 });
    c.exec('kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1');
    c.advance(30_000);
    expect(c.exec('kubectl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080').stdout).toBe('service/kubernetes-bootcamp exposed\n');
    c.advance(5_000);
    const pod = c.exec('kubectl get pods -l app=kubernetes-bootcamp -o jsonpath={.items[0].metadata.name}').stdout;
    const nodePort = c.exec('kubectl get svc kubernetes-bootcamp -o jsonpath={.spec.ports[0].nodePort}').stdout;
    const hello = `Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`;
    expect(c.exec(`curl http://192.168.49.2:${nodePort}`)).toEqual({ stdout: hello, stderr: '', exitCode: 0 });
    expect(c.exec(`kubectl exec -ti ${pod} -- curl http://localhost:8080`)).toMatchObject({ stdout: hello, exitCode: 0 });
  });
});
