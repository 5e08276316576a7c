import { useState } from 'react';
import { AppConnections } from '@plugboard/react';

/** A host product's "Integrations" page: the whole Apps page in one component, plus an activity log. */
export function App() {
  const [log, setLog] = useState<string[]>([]);
  const record = (line: string) => setLog((lines) => [line, ...lines].slice(0, 20));

  return (
    <main>
      <h1>Acme CRM — Integrations</h1>
      <AppConnections
        allowDisconnect
        onConnectSuccess={(event) => record(`Connected ${event.app.name}`)}
        onConnectionRemove={(event) => record(`Removed ${event.connectionId}`)}
        onConnectionTest={(event) => record(`Tested: ${event.result.message}`)}
      />
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ul aria-live="polite">
          {log.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
