// The cluster's CA certificate as the kube-root-ca.crt ConfigMap publishes it: a PEM block
// shaped like kubeadm's self-signed `kubernetes` CA (a 777-byte DER certificate, 64-character
// base64 lines). Not a parseable certificate — nothing in the playground verifies TLS — but
// deterministic: the same seed gives the same bundle, drawn from a generator of its own so
// that no other name or IP moves.

import { SeededRandom } from '../../core/random';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** DER `SEQUENCE (0x305 bytes) { SEQUENCE { [0] { INTEGER 2 } INTEGER <8 bytes serial> …`, as kubeadm's CA starts. */
const DER_PREFIX = 'MIIDBTCCAe2gAwIBAgII';
/** 777 bytes of DER are 1036 base64 characters, without padding. */
const BASE64_LENGTH = 1036;

const bundles = new Map<number, string>();

export function clusterCABundle(seed: number): string {
  let pem = bundles.get(seed);
  if (pem === undefined) {
    const rng = new SeededRandom(Math.imul(seed ^ 0x2545f491, 0x9e3779b1) >>> 0);
    let body = DER_PREFIX;
    while (body.length < BASE64_LENGTH) body += BASE64[rng.int(64)];
    const lines = body.match(/.{1,64}/g)!;
    pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
    bundles.set(seed, pem);
  }
  return pem;
}
