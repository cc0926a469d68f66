// Puts the remembered theme on <html> before the first paint (src/ui/theme.rs owns the
// choice afterwards). No attribute means: follow the system.
try {
  const theme = localStorage.getItem('hindsight:meta:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (_) {
  // Storage disabled: follow the system.
}
