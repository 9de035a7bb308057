// Text typed into a field is sent to the server on its change event (on blur). Before an open record page decides
// whether someone is editing it, the focused field's text is sent now, without moving the focus.
window.leadAgentLive = {
  flush: () => {
    const field = document.activeElement;
    if (field && (field.tagName === 'INPUT' || field.tagName === 'TEXTAREA')) {
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  },
};
