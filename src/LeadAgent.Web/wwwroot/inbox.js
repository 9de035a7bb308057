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

// The composer's menus: "/" canned responses (replies) and "@" mentions (notes). A "/word" or "@name" at the caret
// opens the mode's menu (.NET renders it); while a menu with choices is open, arrows, Enter, Tab and Escape belong to
// it, not to the text or the page's shortcuts. A trigger the mode does not use is plain text: Enter stays a newline.
window.leadAgentComposer = {
  patterns: { '/': /(^|\s)\/([^\s/]*)$/, '@': /(^|[^\p{L}\p{N}])@([^\s@]*)$/u },
  token(el, triggers) {
    const pos = el.selectionStart ?? el.value.length;
    const before = el.value.slice(0, pos);
    for (const kind of triggers ?? []) {
      const m = window.leadAgentComposer.patterns[kind]?.exec(before);
      if (m) { return { kind, start: pos - m[2].length - 1, end: pos, query: m[2] }; }
    }
    return null;
  },
  // The menus the box's mode uses, as rendered: data-triggers="@" (notes) or "/" (replies).
  triggers(el) { return [...(el.dataset.triggers ?? '')]; },
  attach(el, dotnet) {
    if (!el || el._laComposer) { return; }
    const state = { open: false, dotnet };
    el._laComposer = state;
    const close = () => { if (state.open) { state.open = false; state.dotnet.invokeMethodAsync('OnToken', null, null); } };
    state.close = close;
    el.addEventListener('input', () => {
      const t = window.leadAgentComposer.token(el, window.leadAgentComposer.triggers(el));
      if (t) {
        state.open = true;
        state.dotnet.invokeMethodAsync('OnToken', t.kind, t.query);
      } else {
        close();
      }
    });
    el.addEventListener('keydown', (e) => {
      if (!state.open || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) { return; }
      // An empty list ("nobody matches") has nothing to pick: Enter and Tab do what they always do.
      const box = el.closest('.composer-input');
      const choices = box && box.querySelector('[role=listbox] [role=option][aria-disabled=false]');
      if (!choices && e.key !== 'Escape') { close(); return; }
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'Escape') { state.open = false; }
      state.dotnet.invokeMethodAsync('OnMenuKey', e.key);
    });
    el.addEventListener('blur', () => {
      // A click on the list comes after the blur: close a moment later, and only if still open.
      setTimeout(() => { if (document.activeElement !== el) { close(); } }, 200);
    });
  },
  // Replaces the "/word" or "@name" at the caret with the text (empty: just removes it) and tells Blazor the value.
  replaceToken(el, text) {
    if (!el) { return; }
    const t = window.leadAgentComposer.token(el, window.leadAgentComposer.triggers(el))
      ?? { start: el.value.length, end: el.value.length };
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
