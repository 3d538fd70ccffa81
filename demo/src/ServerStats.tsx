import { useEffect, useState } from 'react';

interface Counts {
  started: number;
  completed: number;
  aborted: number;
  dropped: number;
  errored: number;
}

const LABELS: [keyof Counts, string][] = [
  ['started', 'Requests'],
  ['completed', 'Completed'],
  ['aborted', 'Aborted by client'],
  ['errored', 'Errored'],
  ['dropped', 'Dropped'],
];

/** What the mock server saw, polled once a second: shows that Stop really cancels the request. */
export function ServerStats() {
  const [counts, setCounts] = useState<Counts | undefined>();
  useEffect(() => {
    let active = true;
    const poll = () =>
      fetch('/api/mock/stats')
        .then((response) => (response.ok ? (response.json() as Promise<Counts>) : undefined))
        .then((value) => active && value && setCounts(value))
        .catch(() => {});
    poll();
    const timer = setInterval(poll, 1000);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, []);
  if (!counts) return null;
  return (
    <section className="demo-stats" aria-label="Mock server">
      <h2>Mock server</h2>
      <dl>
        {LABELS.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
