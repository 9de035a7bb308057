// Ctrl+K (⌘K) opens the command palette anywhere; inside it, arrows and Enter pick a result instead of moving the caret.
window.leadAgentPalette = {
  register(dotnet) {
    if (window.leadAgentPalette._handler) {
      document.removeEventListener('keydown', window.leadAgentPalette._handler);
    }
    const handler = (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        dotnet.invokeMethodAsync('OpenFromKeyboard');
      }
    };
    window.leadAgentPalette._handler = handler;
    document.addEventListener('keydown', handler);
  },
  unregister() {
    if (window.leadAgentPalette._handler) {
      document.removeEventListener('keydown', window.leadAgentPalette._handler);
      window.leadAgentPalette._handler = null;
    }
  },
  focusInput() {
    const input = document.getElementById('palette-input');
    if (!input) { return; }
    input.focus();
    if (!input._paletteKeys) {
      input._paletteKeys = true;
      input.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'Enter') { e.preventDefault(); }
      });
    }
  },
  scrollIntoView(id) {
    const el = document.getElementById(id);
    if (el) { el.scrollIntoView({ block: 'nearest' }); }
  }
};
