// The files of a pod's kube-api-access volume, as the kubelet projects them at
// /var/run/secrets/kubernetes.io/serviceaccount: `token` (a bound service account token),
// `ca.crt` (the namespace's kube-root-ca.crt ConfigMap) and `namespace` (the downward API's
// metadata.namespace, without a trailing newline). The token is JWT-shaped with the claims
// a v1.32 API server issues (pkg/serviceaccount/claims.go: audience and issuer
// https://kubernetes.default.svc.cluster.local, one-year expiry with warnafter at the 3607 s
// the volume asked for, the pod, node and ServiceAccount bound into `kubernetes.io`); its
// signature is a deterministic fake, so the same seed gives the same token.

import { DEFAULT_API_TOKEN_MOUNT_PATH, ROOT_CA_CONFIG_MAP, SERVICE_ACCOUNT_VOLUME_PREFIX, TOKEN_EXPIRATION_SECONDS } from '../api/admission/serviceAccount';
import type { EngineContext } from '../context';
import { parseTimestamp } from '../core/clock';
import { fnv1a, SeededRandom } from '../core/random';
import type { Container, KubeObject, Pod } from '../core/types';
import { BASE64URL_ALPHABET, base64url } from '../core/base64';

/** --service-account-extend-token-expiration: tokens bound to pods live a year. */
const EXTENDED_EXPIRATION_SECONDS = 365 * 24 * 60 * 60;

const randomChars = (rng: SeededRandom, n: number): string => Array.from({ length: n }, () => BASE64URL_ALPHABET[rng.int(64)]).join('');

export function serviceAccountToken(ctx: EngineContext, pod: Pod): string {
  const ns = pod.metadata.namespace ?? 'default';
  const saName = pod.spec.serviceAccountName ?? 'default';
  const sa = ctx.store.get<KubeObject>('ServiceAccount', ns, saName);
  const node = pod.spec.nodeName ? ctx.store.get<KubeObject>('Node', undefined, pod.spec.nodeName) : undefined;
  const iat = Math.floor((parseTimestamp(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? undefined) ?? ctx.clock.now()) / 1000);
  const rng = new SeededRandom(fnv1a(`${ctx.config.seed}/${pod.metadata.uid ?? ''}`));
  const keyId = randomChars(new SeededRandom(fnv1a(`${ctx.config.seed}/sa-signing-key`)), 43);
  const issuer = `https://kubernetes.default.svc.${ctx.config.clusterDomain}`;
  const jti = `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
  const claims = {
    aud: [issuer],
    exp: iat + EXTENDED_EXPIRATION_SECONDS,
    iat,
    iss: issuer,
    jti,
    'kubernetes.io': {
      namespace: ns,
      node: { name: pod.spec.nodeName ?? '', uid: node?.metadata.uid ?? '' },
      pod: { name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
      serviceaccount: { name: saName, uid: sa?.metadata.uid ?? '' },
      warnafter: iat + TOKEN_EXPIRATION_SECONDS,
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${saName}`,
  };
  // RS256 over a 2048-bit key: 256 bytes of signature, 342 base64url characters.
  return `${base64url(JSON.stringify({ alg: 'RS256', kid: keyId }))}.${base64url(JSON.stringify(claims))}.${randomChars(rng, 342)}`;
}

type Mount = { name?: string; mountPath?: string };

/** The text of `path` if it is one of the token volume's files in this container, else undefined. */
export function serviceAccountFile(ctx: EngineContext, pod: Pod, container: Container, path: string): string | undefined {
  if (!path.startsWith(`${DEFAULT_API_TOKEN_MOUNT_PATH}/`)) return undefined;
  const mount = ((container as Container & { volumeMounts?: Mount[] }).volumeMounts ?? []).find((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH);
  if (!mount?.name?.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX)) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  switch (path.slice(DEFAULT_API_TOKEN_MOUNT_PATH.length + 1)) {
    case 'token': return serviceAccountToken(ctx, pod);
    case 'namespace': return ns;
    case 'ca.crt': return ctx.store.get<KubeObject & { data?: Record<string, string> }>('ConfigMap', ns, ROOT_CA_CONFIG_MAP)?.data?.['ca.crt'];
    default: return undefined;
  }
}
