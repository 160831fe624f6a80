// Dismissible notices under the toolbar (e.g. a saved session that could not be restored).

import { useSyncExternalStore } from 'react';
import { dismissNotice, getNotices, subscribeNotices } from '../store/notices';
import { Icon } from './Icon';

export function Notices() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'warn' ? 'alert' : 'status'}>
          <Icon name={n.tone === 'warn' ? 'warn' : 'info'} label={n.tone === 'warn' ? 'Warning' : 'Note'} />
          <p>{n.text}</p>
          {n.action && (
            <button type="button" className="notice-action" onClick={n.action.run}>
              {n.action.label}
            </button>
          )}
          <button type="button" className="icon-btn" aria-label="Dismiss notice" onClick={() => dismissNotice(n.id)}>
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
