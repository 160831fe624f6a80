// What well-known images print when they start, for `kubectl logs` until the data plane
// supplies the full container log. nginx: the docker-entrypoint.sh of the official image
// (nginxinc/docker-nginx, 1.27 mainline, Debian bookworm) and nginx's own notices;
// httpd: the official image's two AH00558 warnings and its start-up notices.

import { parseTimestamp } from '../../engine/core/clock';

const pad = (n: number) => String(n).padStart(2, '0');

/** nginx's error-log time: `2025/01/01 12:00:00`. */
function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Apache's error-log time: `Wed Jan 01 12:00:00.000000 2025`. */
function apacheTime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `${day} ${month} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros} ${d.getUTCFullYear()}`;
}

function imageName(image: string): { name: string; tag: string } {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const tag = colon > slash ? noDigest.slice(colon + 1) : 'latest';
  const path = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return { name: path.slice(path.lastIndexOf('/') + 1), tag };
}

/** The lines a container of `image` logged when it started at `startedAt` (none for unknown images). */
export function startupLines(image: string, startedAt: string | undefined, podIP: string | undefined): string[] {
  const ms = parseTimestamp(startedAt) ?? 0;
  const { name, tag } = imageName(image);
  if (name === 'nginx') {
    const version = /^\d+\.\d+\.\d+/.exec(tag)?.[0] ?? '1.27.4';
    const t = nginxTime(ms);
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${version}`,
      `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
      `${t} [notice] 1#1: OS: Linux 6.8.0-51-generic`,
      `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t} [notice] 1#1: start worker processes`,
      `${t} [notice] 1#1: start worker process 29`,
      `${t} [notice] 1#1: start worker process 30`,
    ];
  }
  if (name === 'httpd') {
    const version = /^\d+\.\d+\.\d+/.exec(tag)?.[0] ?? '2.4.63';
    const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${podIP ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message`;
    const t = apacheTime(ms);
    return [
      warn,
      warn,
      `[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
      `[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
    ];
  }
  return [];
}
