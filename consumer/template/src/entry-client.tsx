import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { markReady } from './ready.ts';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing');
if (!container.firstElementChild) throw new Error('#root holds no server-rendered HTML');
hydrateRoot(
  container,
  <StrictMode>
    <App onReady={markReady} />
  </StrictMode>,
  {
    // React recovers from a mismatch by rendering on the client; say so loudly.
    onRecoverableError(error: unknown) {
      console.error('Hydration error:', error);
    },
  },
);
