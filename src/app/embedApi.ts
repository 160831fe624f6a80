// The browser side of the embed's postMessage API (the messages, the rules and
// their tests are in src/embed/messageApi.ts). main.tsx loads this chunk only
// for `?embed=1` pages and installs it when the example has started, at the
// moment the test hooks install, handing it the page's actions (embedActions.ts:
// the same runCommand, loadScenario and setTheme the UI uses). It imports no
// module of the page's first chunk, so loading it does not reshape the page's chunks:
// a `send` is built here with the Send request dialog's code (sendRequest.ts, lazy too).

import type { EarlyMessages } from '../embed/earlyMessages';
import type { PageParams } from '../embed/params';
import type { ClusterSnapshot } from '../engine';
import { sendCommandLine } from './packets/sendRequest';
import { acceptsOrigin, envelope, EventBudget, eventOrigin, handleRequest, originOf, parseMessage, replyTarget, traceEvent, type ApiActions, type ApiEvent, type Reply, type TraceLike } from '../embed/messageApi';

/** The page's actions (embedActions.ts): all the API's but `send`, which is built here. */
export type PageActions = Omit<ApiActions, 'sendCommand'>;

/** What the API needs from the page (embedActions.ts). */
export interface EmbedHost {
  actions: PageActions;
  /** The cluster as the page last drew it (who can send a request, and to what). */
  snapshot(): ClusterSnapshot;
  /** Calls `listener` with each request traced from now on; returns a function that stops. */
  watchTraces(listener: (trace: TraceLike) => void): () => void;
}

/**
 * Listens for the parent page's requests and posts `ready` and `trace` events to it, then
 * answers, in order, the requests that came before it was installed (`early`, kept since
 * the page started: earlyMessages.ts). Does nothing outside a frame. Returns a function
 * that stops it (tests).
 */
export function installEmbedApi(params: PageParams, host: EmbedHost, early?: EarlyMessages): () => void {
  if (window.parent === window) return () => {};
  const actions: ApiActions = { ...host.actions, sendCommand: (url, from, sendHost) => sendCommandLine(host.snapshot(), url, from, sendHost) };
  const parent = window.parent;
  const referrer = originOf(document.referrer);
  let lastRequest: string | undefined;
  const target = () => eventOrigin({ param: params.origin, lastRequest, referrer });

  const post = (message: Reply | ApiEvent, targetOrigin: string) => {
    try {
      parent.postMessage(envelope(message), targetOrigin);
    } catch (e) {
      console.warn('the embed API could not post a message', e);
    }
  };

  const onMessage = (event: MessageEvent) => {
    // Only the embedding page talks to the API; other frames and scripts are not heard.
    if (event.source !== parent || !acceptsOrigin(event.origin, params.origin)) return;
    const parsed = parseMessage(event.data);
    if (parsed.kind === 'ignore') return;
    if (event.origin !== 'null') lastRequest = event.origin;
    const reply: Reply =
      parsed.kind === 'error'
        ? { type: 'error', ...(parsed.id === undefined ? {} : { id: parsed.id }), message: parsed.message }
        : handleRequest(parsed.request, actions);
    post(reply, replyTarget(event.origin));
  };
  window.addEventListener('message', onMessage);

  const budget = new EventBudget();
  const unwatch = host.watchTraces((trace) => {
    // Traces carry the reader's URLs and pod names: only to a known origin (messageApi.ts).
    const origin = target();
    if (!origin || !budget.take(performance.now())) return;
    const event = traceEvent(trace);
    if (budget.dropped) event.dropped = budget.dropped;
    budget.dropped = 0;
    post(event, origin);
  });

  // `ready` first: it says requests work from now on, and the early ones' replies follow it.
  // A page whose command line failed to load never says it (requests get an error reply).
  if (actions.running()) post({ type: 'ready', readOnly: actions.readOnly() }, target() ?? '*');
  if (early) {
    for (const event of early.take()) onMessage(event);
    if (early.dropped()) console.warn(`the embed API dropped ${early.dropped()} requests sent before it had started`);
  }
  return () => {
    window.removeEventListener('message', onMessage);
    unwatch();
  };
}
