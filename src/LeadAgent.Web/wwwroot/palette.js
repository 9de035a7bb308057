// Ctrl+K (⌘K) opens the command palette anywhere; inside it, arrows and Enter pick a result instead of moving the caret.
// The shortcut listens from the moment the script loads: pressed before the palette is live, it opens once it is.
window.leadAgentPalette = {
  _dotnet: null,
  _pending: false,
  register(dotnet) {
    const palette = window.leadAgentPalette;
    palette._dotnet = dotnet;
    if (palette._pending) {
      palette._pending = false;
      dotnet.invokeMethodAsync('OpenFromKeyboard');
    }
  },
  unregister() {
    window.leadAgentPalette._dotnet = null;
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

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K')) {
    const palette = window.leadAgentPalette;
    // Pages without the palette (sign-in) keep the browser's own shortcut.
    if (!palette._dotnet && !document.querySelector('[data-interactive]')) { return; }
    e.preventDefault();
    if (palette._dotnet) {
      palette._dotnet.invokeMethodAsync('OpenFromKeyboard');
    } else {
      palette._pending = true;
    }
  }
});
