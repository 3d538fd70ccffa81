/**
 * A long conversation built from the chat parts: `/history.html?count=1000&older=200&batch=50`
 * opens with `count` finished messages (default 1000) and loads `older` more (default 200), `batch`
 * at a time, when the reader scrolls to the top, keeping the reader's place. Every other parameter
 * goes to the mock endpoint. `persist=1` keeps the conversation in localStorage
 * (`onMessagesChange`) and restores it on reload.
 */
import '@rivulet/react/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HistoryChat, readHistorySettings } from './HistoryChat';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');
createRoot(container).render(
  <StrictMode>
    <HistoryChat {...readHistorySettings(window.location.search)} />
  </StrictMode>,
);
