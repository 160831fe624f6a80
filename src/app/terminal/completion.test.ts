import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { SCENARIOS } from '../../scenarios';
import { applyCompletion, complete, formatCandidates, type CompletionSource } from './completion';
import { completionSource } from './completionSource';

/** A cluster with the welcome example applied and settled, as the page opens it. */
function welcomeSource(): CompletionSource {
  const cluster = createCluster({ seed: 1 });
  const welcome = SCENARIOS[0];
  for (const [path, text] of Object.entries(welcome.files)) cluster.writeFile(path, text);
  for (const line of welcome.commands) cluster.exec(line);
  cluster.exec('kubectl create namespace shop');
  cluster.exec('kubectl create deployment cart --image=nginx -n shop');
  cluster.advance(30_000);
  return completionSource(cluster, cluster.snapshot());
}

const source = welcomeSource();
const webPods = (source.objects.Pod ?? []).filter((p) => p.metadata.name?.startsWith('web-')).map((p) => p.metadata.name).sort();

/** Presses Tab at the end of `line` and returns the new line (or the listed candidates). */
function tab(line: string) {
  return applyCompletion(line, complete(line, line.length, source));
}

describe('Tab completion', () => {
  it('completes command names', () => {
    expect(tab('kub').text).toBe('kubectl ');
    expect(tab('cl').text).toBe('clear ');
    expect(tab('').list).toEqual(['clear', 'curl', 'dig', 'help', 'kubectl', 'nslookup', 'sim', 'wget']);
  });

  it('completes kubectl subcommands from its command table', () => {
    expect(tab('kubectl desc').text).toBe('kubectl describe ');
    expect(tab('kubectl ro').text).toBe('kubectl rollout ');
    expect(tab('kubectl rollout st').text).toBe('kubectl rollout status ');
    expect(tab('kubectl create service node').text).toBe('kubectl create service nodeport ');
    expect(tab('kubectl ex').list).toEqual(['exec', 'explain', 'expose']);
  });

  it('completes resource types to their plural names; a short name stands', () => {
    expect(tab('kubectl get po').text).toBe('kubectl get pods ');
    expect(tab('kubectl get se').text).toBe('kubectl get service'); // serviceaccounts and services share it
    expect(tab('kubectl get service').list).toEqual(['serviceaccounts', 'services']);
    expect(tab('kubectl get services').text).toBe('kubectl get services ');
    expect(tab('kubectl get servicea').text).toBe('kubectl get serviceaccounts ');
    expect(tab('kubectl get svc').text).toBe('kubectl get svc ');
    expect(tab('kubectl get end').text).toBe('kubectl get endpoints'); // endpoints and endpointslices share it
    expect(tab('kubectl get endpoints').list).toEqual(['endpoints', 'endpointslices']);
  });

  it('completes object names of the typed type in the namespace being typed', () => {
    expect(tab('kubectl describe svc w').text).toBe('kubectl describe svc web ');
    const common = tab('kubectl get pods we').text;
    expect(common).toMatch(/^kubectl get pods web-[a-z0-9]+-$/);
    expect(tab(common).list).toEqual(webPods);
    expect(tab('kubectl get deploy ').text).toBe('kubectl get deploy web ');
    expect(tab('kubectl get deploy -n shop ').text).toBe('kubectl get deploy -n shop cart ');
    expect(tab('kubectl --namespace=shop get deploy c').text).toBe('kubectl --namespace=shop get deploy cart ');
    expect(tab('kubectl get svc/k').text).toBe('kubectl get svc/kubernetes ');
    expect(tab('kubectl logs w').text).toMatch(/^kubectl logs web-[a-z0-9]+-$/);
    expect(tab('kubectl cordon node-').list).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('completes namespaces after -n, files after -f and formats after -o', () => {
    expect(tab('kubectl get pods -n ').list).toEqual(expect.arrayContaining(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop']));
    expect(tab('kubectl get pods -n kube-s').text).toBe('kubectl get pods -n kube-system ');
    expect(tab('kubectl apply -f ').text).toBe('kubectl apply -f web.yaml ');
    expect(tab('kubectl apply --filename=w').text).toBe('kubectl apply --filename=web.yaml ');
    expect(tab('kubectl get pods -o ya').text).toBe('kubectl get pods -o yaml ');
  });

  it('completes flags of the command being typed', () => {
    expect(tab('kubectl get pods --all').list).toEqual(['--all-namespaces', '--allow-missing-template-keys']);
    expect(tab('kubectl get pods --all-n').text).toBe('kubectl get pods --all-namespaces ');
    expect(tab('kubectl scale deploy web --rep').text).toBe('kubectl scale deploy web --replicas ');
    expect(tab('kubectl get -n').text).toBe('kubectl get -n ');
    expect(tab('kubectl get pods --fi').list).toEqual(['--field-selector', '--filename']);
    expect(tab('kubectl delete pods --field').text).toBe('kubectl delete pods --field-selector ');
  });

  it('completes sim subcommands, actions, pods and nodes', () => {
    expect(tab('sim p').list).toEqual(['pod', 'proxy-mode']);
    expect(tab('sim pod fail').text).toBe('sim pod fail-readiness ');
    expect(tab('sim pod crash we').text).toMatch(/^sim pod crash web-[a-z0-9]+-$/);
    expect(tab(`sim pod crash ${webPods[0]}`).text).toBe(`sim pod crash ${webPods[0]} `);
    expect(tab('sim node stop node-2').text).toBe('sim node stop node-2 ');
    expect(tab('sim proxy-mode ip').list).toEqual(['iptables', 'ipvs']);
  });

  it('completes URLs that reach a NodePort Service from outside', () => {
    const web = (source.objects.Service ?? []).find((s) => s.metadata.name === 'web') as unknown as { spec: { ports: { nodePort: number }[] } };
    const nodePort = String(web.spec.ports[0].nodePort);
    expect(tab('curl -s http://192.168.49.3').list).toEqual([]); // extended to the common prefix instead
    expect(complete('curl http://192.168.49.3', 24, source).candidates).toContain(`http://192.168.49.3:${nodePort}`);
    expect(tab(`curl -s http://192.168.49.3:${nodePort.slice(0, 3)}`).text).toBe(`curl -s http://192.168.49.3:${nodePort} `);
    expect(tab('curl --sil').text).toBe('curl --silent ');
  });

  it('completes only the part before the cursor and keeps what follows', () => {
    const line = 'kubectl get po -o wide';
    const r = applyCompletion(line, complete(line, 14, source));
    expect(r).toEqual({ text: 'kubectl get pods -o wide', cursor: 17, list: [] });
  });

  it('offers nothing where nothing fits', () => {
    expect(tab('kubectl get nosuch').list).toEqual([]);
    expect(tab('kubectl get nosuch').text).toBe('kubectl get nosuch');
    expect(tab('nslookup web').text).toBe('nslookup web');
  });
});

describe('Tab completion of the long-running commands and of pipes', () => {
  it('completes port-forward, logs -f/--follow and get -w/--watch/--watch-only/--output-watch-events (from the command table)', () => {
    expect(tab('kubectl port-f').text).toBe('kubectl port-forward ');
    expect(tab('kubectl logs --fo').text).toBe('kubectl logs --follow ');
    expect(tab('kubectl logs -f').text).toBe('kubectl logs -f ');
    expect(tab('kubectl get pods -w').text).toBe('kubectl get pods -w ');
    expect(tab('kubectl get pods --wat').text).toBe('kubectl get pods --watch');
    expect(tab('kubectl get pods --watch').list).toEqual(['--watch', '--watch-only']);
    expect(tab('kubectl get pods --output-w').text).toBe('kubectl get pods --output-watch-events ');
  });

  // kubectl's ResourceAndPortCompletionFunc and PodResourceNameAndContainerCompletionFunc
  // (staging/src/k8s.io/kubectl/pkg/util/completion/completion.go).
  it('port-forward and logs take TYPE/NAME of a type that holds pods, then ports or containers', () => {
    expect(tab('kubectl port-forward s').list).toEqual(['services/', 'statefulsets/']);
    expect(tab('kubectl port-forward se').text).toBe('kubectl port-forward services/');
    expect(tab('kubectl port-forward svc/w').text).toBe('kubectl port-forward svc/web ');
    expect(tab('kubectl port-forward deploy').text).toBe('kubectl port-forward deployments/');
    expect(tab('kubectl port-forward svc/web ').text).toBe('kubectl port-forward svc/web 80:80 ');
    expect(tab('kubectl port-forward svc/web 8080').text).toBe('kubectl port-forward svc/web 8080:80 ');
    expect(tab(`kubectl port-forward pod/${webPods[0]} `).text).toBe(`kubectl port-forward pod/${webPods[0]} 80:80 `);
    expect(tab(`kubectl logs -f ${webPods[0]} `).text).toBe(`kubectl logs -f ${webPods[0]} nginx `);
    expect(tab('kubectl exec -it deployments/w').text).toBe('kubectl exec -it deployments/web ');
  });

  it('after a | completes the filters, then the next command\'s own words', () => {
    expect(tab('kubectl get pods | gr').text).toBe('kubectl get pods | grep ');
    expect(tab('kubectl get pods|he').text).toBe('kubectl get pods|head ');
    expect(tab('kubectl get pods | ').list).toEqual(['awk', 'cut', 'grep', 'head', 'kubectl', 'sort', 'tail', 'tr', 'uniq', 'wc']);
    expect(tab('kubectl get pods -w | t').list).toEqual(['tail', 'tr']);
    expect(tab('echo x | kubectl apply -f ').text).toBe('echo x | kubectl apply -f web.yaml ');
    // A quoted | is no pipe: still kubectl's words.
    expect(tab("kubectl get pods -l 'a|b' -n kube-s").text).toBe("kubectl get pods -l 'a|b' -n kube-system ");
    // …also inside the quotes: the word under the cursor is the whole quoted value, not what follows its |.
    const quoted = "kubectl get pods -l 'app=x|w";
    expect(complete(quoted, quoted.length, source)).toEqual({ from: quoted.indexOf("'"), to: quoted.length, candidates: [] });
  });
});

describe('formatCandidates', () => {
  it('lays candidates out in columns, down then across, like bash', () => {
    expect(formatCandidates(['a', 'bb', 'ccc', 'd'], 12)).toEqual(['a    ccc', 'bb   d']);
    expect(formatCandidates(['only'], 2)).toEqual(['only']);
  });
});
