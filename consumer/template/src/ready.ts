/** Marks the page as interactive, for the test driver to wait on. */
export function markReady(): void {
  document.body.dataset.ready = 'true';
}
