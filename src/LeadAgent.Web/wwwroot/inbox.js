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

// The composer's "/" canned responses: a word starting with "/" at the caret opens the list (.NET renders it);
// while it is open, arrows, Enter, Tab and Escape belong to the list, not to the text or the page's shortcuts.
window.leadAgentComposer = {
  token(el) {
    const pos = el.selectionStart ?? el.value.length;
    const m = /(^|\s)(\/[^\s/]*)$/.exec(el.value.slice(0, pos));
    return m ? { start: pos - m[2].length, end: pos, query: m[2].slice(1) } : null;
  },
  attach(el, dotnet) {
    if (!el || el._laComposer) { return; }
    const state = { open: false, dotnet };
    el._laComposer = state;
    el.addEventListener('input', () => {
      const t = window.leadAgentComposer.token(el);
      if (t) {
        state.open = true;
        state.dotnet.invokeMethodAsync('OnSlash', t.query);
      } else if (state.open) {
        state.open = false;
        state.dotnet.invokeMethodAsync('OnSlash', null);
      }
    });
    el.addEventListener('keydown', (e) => {
      if (!state.open || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) {
        e.preventDefault();
        e.stopPropagation();
        if (e.key === 'Escape') { state.open = false; }
        state.dotnet.invokeMethodAsync('OnSlashKey', e.key);
      }
    });
    el.addEventListener('blur', () => {
      // A click on the list comes after the blur: close a moment later, and only if still open.
      setTimeout(() => { if (state.open && document.activeElement !== el) { state.open = false; state.dotnet.invokeMethodAsync('OnSlash', null); } }, 200);
    });
  },
  // Replaces the "/word" at the caret with the text (empty: just removes it) and tells Blazor the new value.
  replaceToken(el, text) {
    if (!el) { return; }
    const t = window.leadAgentComposer.token(el) ?? { start: el.value.length, end: el.value.length };
    el.value = el.value.slice(0, t.start) + text + el.value.slice(t.end);
    const caret = t.start + text.length;
    if (el._laComposer) { el._laComposer.open = false; }
    el.focus();
    el.setSelectionRange(caret, caret);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  },
  setValue(el, text) {
    if (!el) { return; }
    el.value = text;
    if (el._laComposer) { el._laComposer.open = false; }
  },
  detach(el) {
    if (el && el._laComposer) { el._laComposer.open = false; el._laComposer.dotnet = { invokeMethodAsync() { } }; }
  }
};
