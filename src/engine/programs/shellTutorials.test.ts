// Lines pasted from Kubernetes' own tutorials, replayed end to end through exec, as a
// person pastes them into the terminal. Sources (kubernetes/website, content/en/docs):
// tutorials/kubernetes-basics/expose/expose-intro.md, tasks/debug/debug-application/
// debug-service.md, tutorials/services/connect-applications-service.md, and the
// load-balancing loop of many Service tutorials.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

describe('kubernetes-basics, Using a Service to Expose Your App (expose-intro.md)', () => {
  it('export NODE_PORT="$(… go-template …)", echo, curl with $(minikube ip), POD_NAME, label, delete', () => {
    const c = createCluster({ seed: 3 });
    c.exec('kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1');
    c.advance(30_000);
    expect(c.exec('kubectl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080').stdout).toBe('service/kubernetes-bootcamp exposed\n');
    expect(c.exec(`export NODE_PORT="$(kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}')"`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const nodePort = c.exec('kubectl get svc kubernetes-bootcamp -o jsonpath={.spec.ports[0].nodePort}').stdout;
    expect(c.exec('echo "NODE_PORT=$NODE_PORT"').stdout).toBe(`NODE_PORT=${nodePort}\n`);

    // minikube is not the playground's: bash says so, and curl gets a URL without a host.
    const viaMinikube = c.exec('curl http://"$(minikube ip):$NODE_PORT"');
    expect(viaMinikube.stderr).toMatch(/^bash: minikube: command not found\ncurl: \(3\) /);
    expect(viaMinikube.exitCode).toBe(3);
    expect(c.exec('curl http://192.168.49.2:$NODE_PORT').stdout).toMatch(/^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-\S+ \| v=1\n$/);

    expect(c.exec(`export POD_NAME="$(kubectl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}')"`).exitCode).toBe(0);
    const podName = c.exec('kubectl get pods -l app=kubernetes-bootcamp -o name').stdout.trim().replace('pod/', '');
    expect(c.exec('echo "Name of the Pod: $POD_NAME"').stdout).toBe(`Name of the Pod: ${podName}\n`);
    expect(c.exec('kubectl label pods "$POD_NAME" version=v1').stdout).toBe(`pod/${podName} labeled\n`);
    expect(c.exec('kubectl exec -ti $POD_NAME -- curl -s http://localhost:8080').stdout).toContain(`Running on: ${podName}`);
    expect(c.exec('kubectl delete service -l app=kubernetes-bootcamp').stdout).toBe('service "kubernetes-bootcamp" deleted\n');
    expect(c.exec('curl http://192.168.49.2:$NODE_PORT').exitCode).toBe(7);
  });
});

describe('Debug Services (debug-service.md)', () => {
  it('for ep in POD_IP:9376 …; do wget -qO- $ep; done, from a pod, reaches each backend', () => {
    const c = createCluster({ seed: 4 });
    c.exec('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname');
    c.exec('kubectl scale deployment hostnames --replicas=3');
    c.exec('kubectl run client --image=busybox:1.28 --restart=Never -- sleep 3600');
    c.advance(30_000);
    c.exec(`EPS="$(kubectl get pods -l app=hostnames -o go-template='{{range .items}}{{.status.podIP}}:9376 {{end}}')"`);
    const names = c.exec('kubectl get pods -l app=hostnames -o name').stdout.trim().split('\n').map((n) => n.replace('pod/', ''));
    const r = c.exec('kubectl exec client -- sh -c "for ep in $EPS; do wget -qO- \\$ep; done"');
    expect(r.exitCode).toBe(0);
    for (const name of names) expect(r.stdout).toContain(name);
  });
});

describe('the load-balancing loop: for i in $(seq 1 10); do curl -s http://NODE_IP:NODEPORT; done', () => {
  it('ten answers, spread over the pods, counted with sort | uniq -c', () => {
    const c = createCluster({ seed: 5 });
    c.exec('kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --replicas=3');
    c.exec('kubectl expose deployment kubernetes-bootcamp --type=NodePort --port 8080');
    c.advance(30_000);
    c.exec("NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[0].address}')");
    c.exec("NODEPORT=$(kubectl get svc kubernetes-bootcamp -o jsonpath='{.spec.ports[0].nodePort}')");
    const r = c.exec('for i in $(seq 1 10); do curl -s http://$NODE_IP:$NODEPORT; done | sort | uniq -c');
    expect(r.stderr).toBe('');
    const counts = r.stdout.trim().split('\n').map((line) => Number(/^ *(\d+) Hello Kubernetes bootcamp!/.exec(line)![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(counts.length).toBeGreaterThan(1);
  });

  it("and from a pod: kubectl exec client -- sh -c 'for i in 1 2 3; do wget -qO- web; done'", () => {
    const c = createCluster({ seed: 5 });
    c.exec('kubectl create deployment web --image=nginx --replicas=2');
    c.exec('kubectl expose deployment web --port=80');
    c.exec('kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600');
    c.advance(30_000);
    const r = c.exec("kubectl exec client -- sh -c 'for i in 1 2 3; do wget -qO- web; done'");
    expect(r.stdout.match(/Served by pod web-/g)).toHaveLength(3);
  });
});

describe('Connecting Applications with Services (connect-applications-service.md)', () => {
  it('kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;', () => {
    const c = createCluster({ seed: 6 });
    c.exec('kubectl create deployment my-nginx --image=nginx --replicas=2');
    c.advance(30_000);
    const before = c.exec('kubectl get pods -l app=my-nginx -o name').stdout;
    const r = c.exec('kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;');
    expect(r).toEqual({ stdout: 'deployment.apps/my-nginx scaled\ndeployment.apps/my-nginx scaled\n', stderr: '', exitCode: 0 });
    c.advance(60_000);
    const after = c.exec('kubectl get pods -l app=my-nginx -o name').stdout;
    expect(after.trim().split('\n')).toHaveLength(2);
    expect(after).not.toBe(before);
  });
});
