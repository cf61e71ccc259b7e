import { Link } from 'react-router-dom';
import { Card } from '../../../components/card';
import { CopyButton } from '../../../components/copy-button';
import { useExampleModel } from '../../../hooks/use-example-model';
import { SnippetTabs } from '../../../components/snippet-tabs';
import { gatewayBaseUrl, PLACEHOLDER_KEY } from '../../../lib/gateway-url';
import { quickstartSnippets } from '../../../lib/snippets';

export function QuickstartCard() {
  const baseUrl = gatewayBaseUrl();
  const exampleModel = useExampleModel();
  return (
    <Card title="Quick start">
      <div className="stack">
        <p className="muted">
          ApiLink speaks the OpenAI API. Point any OpenAI SDK or tool at this base URL and use one of your <Link to="/keys">API keys</Link>.
          Swap the model for any id from the <Link to="/models">models list</Link>.
        </p>
        <div className="field">
          <span className="field__label" id="base-url-label">
            Base URL
          </span>
          <div className="secret">
            <input className="input" readOnly value={baseUrl} aria-labelledby="base-url-label" data-testid="base-url" />
            <CopyButton text={baseUrl} label="Copy" ariaLabel="Copy base URL" />
          </div>
        </div>
        <SnippetTabs
          label="Quick start examples"
          snippets={quickstartSnippets({ baseUrl, apiKey: PLACEHOLDER_KEY, model: exampleModel })}
        />
      </div>
    </Card>
  );
}
