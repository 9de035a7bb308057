// The browser's IANA time zone (e.g. "Europe/Berlin"), taken as the user's zone at their first sign-in.
window.leadAgentClock = { zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null };
