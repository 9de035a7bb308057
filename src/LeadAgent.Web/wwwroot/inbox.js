// Inbox keyboard shortcuts: j/k next/previous conversation, r reply, n note, e close/reopen, / search.
// Ignored while typing, except Escape which leaves the field.
window.leadAgentInbox = {
  register(dotnet) {
    if (window.leadAgentInbox._handler) {
      document.removeEventListener('keydown', window.leadAgentInbox._handler);
    }
    const handler = (e) => {
      const t = e.target;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      if (typing) {
        if (e.key === 'Escape') { t.blur(); }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); dotnet.invokeMethodAsync('OnShortcut', 'send'); }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      const keys = { j: 'next', k: 'previous', r: 'reply', n: 'note', e: 'toggle', '/': 'search' };
      const action = keys[e.key];
      if (action) {
        e.preventDefault();
        dotnet.invokeMethodAsync('OnShortcut', action);
      }
    };
    window.leadAgentInbox._handler = handler;
    document.addEventListener('keydown', handler);
  },
  unregister() {
    if (window.leadAgentInbox._handler) {
      document.removeEventListener('keydown', window.leadAgentInbox._handler);
      window.leadAgentInbox._handler = null;
    }
  },
  focus(selector) {
    const el = document.querySelector(selector);
    if (el) { el.focus(); }
  },
  scrollToEnd(selector) {
    const el = document.querySelector(selector);
    if (el) { el.scrollTop = el.scrollHeight; }
  }
};
