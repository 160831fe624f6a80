// Dismissible notices shown at the top of the page (restored session problems,
// storage full, …). A tiny external store read with useSyncExternalStore.

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  tone: 'info' | 'warn';
  text: string;
  /** One button beside the text (e.g. bringing back the work a link set aside). */
  action?: NoticeAction;
}

let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function pushNotice(text: string, tone: Notice['tone'] = 'warn', action?: NoticeAction): void {
  if (notices.some((n) => n.text === text)) return;
  notices = [...notices, { id: nextId++, tone, text, ...(action ? { action } : {}) }];
  emit();
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

export function getNotices(): readonly Notice[] {
  return notices;
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
