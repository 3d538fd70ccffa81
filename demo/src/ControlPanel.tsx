import { MOCK_FORMATS, type MockFormat } from '../../mock/src/encoders/index.js';
import { MOCK_SCENARIOS } from '../../mock/src/options.js';
import { ServerStats } from './ServerStats';
import type { Theme } from './settings';

const FORMAT_LABELS: Record<MockFormat, string> = {
  openai: 'OpenAI Chat Completions',
  anthropic: 'Anthropic Messages',
  'ai-sdk': 'Vercel AI SDK UI stream',
  text: 'Plain text',
};

const SPEEDS = ['10', '30', '60', '150', '400', '1000'];

/** Token counts after which the mock cuts the connection (each response again, counted from its start). */
const DROP_POINTS = ['10', '25', '40', '80'];

export interface ControlPanelProps {
  controls: URLSearchParams;
  theme: Theme;
  /** The live provider's name when the endpoint proxies to one; the mock controls are then inert. */
  provider: string | undefined;
  endpoint: string;
  onControl: (key: string, value: string) => void;
  onTheme: (theme: Theme) => void;
  /** Whether the chat resumes a dropped answer (its `resume` option). */
  resume: boolean;
  onResume: (resume: boolean) => void;
}

/**
 * The connection faults the chat resumes from: where the mock drops it, whether inside an event
 * (cutting a multi-byte character), and whether the server numbers its events so it can resume.
 */
function ConnectionControls({
  controls,
  onControl,
  resume,
  onResume,
}: Pick<ControlPanelProps, 'controls' | 'onControl' | 'resume' | 'onResume'>) {
  const dropAfter = controls.get('dropAfter') ?? '';
  return (
    <fieldset className="demo-field demo-connection">
      <legend>Connection</legend>
      <label className="demo-field">
        <span>Drop the connection</span>
        <select value={dropAfter} onChange={(event) => onControl('dropAfter', event.target.value)}>
          <option value="">Never (scenario default)</option>
          {DROP_POINTS.map((tokens) => (
            <option key={tokens} value={tokens}>
              Every {tokens} tokens
            </option>
          ))}
        </select>
      </label>
      <label className="demo-check">
        <input
          type="checkbox"
          checked={controls.get('dropMidEvent') === '1'}
          onChange={(event) => onControl('dropMidEvent', event.target.checked ? '1' : '')}
        />
        Cut inside an event (mid-character)
      </label>
      <label className="demo-check">
        <input
          type="checkbox"
          checked={controls.get('eventIds') !== '0'}
          onChange={(event) => onControl('eventIds', event.target.checked ? '' : '0')}
        />
        Server can resume (SSE event ids)
      </label>
      <label className="demo-check">
        <input type="checkbox" checked={resume} onChange={(event) => onResume(event.target.checked)} />
        Chat resumes a dropped answer
      </label>
      <small className="demo-description">
        With event ids the chat reconnects with <code>Last-Event-ID</code> and the answer continues where it broke.
      </small>
    </fieldset>
  );
}

/** The playground's side panel: mock scenario, wire format, speed, connection faults and theme. */
export function ControlPanel({
  controls,
  theme,
  provider,
  endpoint,
  onControl,
  onTheme,
  resume,
  onResume,
}: ControlPanelProps) {
  const scenario = controls.get('scenario') ?? '';
  return (
    <aside className="demo-panel" aria-label="Playground controls">
      {provider ? (
        <p className="demo-notice">
          Answers stream live from <strong>{provider}</strong>. The mock controls below apply when no API key is set.
        </p>
      ) : null}
      <label className="demo-field">
        <span>Scenario</span>
        <select value={scenario} onChange={(event) => onControl('scenario', event.target.value)}>
          <option value="">Natural</option>
          {Object.entries(MOCK_SCENARIOS)
            .filter(([name]) => name !== 'default')
            .map(([name]) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
        </select>
        <small className="demo-description">
          {MOCK_SCENARIOS[scenario]?.description ?? 'Natural pace; the answer is picked from your message'}
        </small>
      </label>
      <label className="demo-field">
        <span>Wire format</span>
        <select
          value={controls.get('format') ?? 'openai'}
          onChange={(event) => onControl('format', event.target.value)}
        >
          {MOCK_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </label>
      <label className="demo-field">
        <span>Speed</span>
        <select value={controls.get('tps') ?? ''} onChange={(event) => onControl('tps', event.target.value)}>
          <option value="">Scenario default</option>
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed} tokens/s
            </option>
          ))}
        </select>
      </label>
      <ConnectionControls controls={controls} onControl={onControl} resume={resume} onResume={onResume} />
      <fieldset className="demo-field demo-theme">
        <legend>Theme</legend>
        {(['light', 'dark'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => onTheme(value)} />
            {value === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      {provider ? null : <ServerStats />}
      <div className="demo-hint">
        <p>
          Try asking for <em>a table</em>, <em>some code</em>, <em>a long guide</em>, <em>the weather</em> or{' '}
          <em>weekdays in March</em>. Press <kbd>Esc</kbd> to stop.
        </p>
        <p className="demo-endpoint">
          <span>Endpoint</span>
          <code>POST {endpoint}</code>
        </p>
      </div>
    </aside>
  );
}
