'use client';

import { useEffect } from 'react';

/** Marks the body once React has hydrated the page, so the test never types into a dead form. */
export function Ready() {
  useEffect(() => {
    document.body.dataset.ready = 'true';
  }, []);
  return null;
}
