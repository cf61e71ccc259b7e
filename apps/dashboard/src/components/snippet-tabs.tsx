/** Code samples in tabs (WAI-ARIA tabs pattern: arrow keys move between tabs). */
import { useId, useState, type KeyboardEvent } from 'react';
import type { Snippet } from '../lib/snippets';
import { CodeBlock } from './code-block';

export function SnippetTabs({ snippets, label }: { snippets: Snippet[]; label: string }) {
  const [active, setActive] = useState(snippets[0]?.id);
  const baseId = useId();
  const current = snippets.find((snippet) => snippet.id === active) ?? snippets[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = snippets.findIndex((snippet) => snippet.id === current.id);
    const next = snippets[(index + (event.key === 'ArrowRight' ? 1 : snippets.length - 1)) % snippets.length];
    setActive(next.id);
    document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
  };

  return (
    <div>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {snippets.map((snippet) => (
          <button
            key={snippet.id}
            id={`${baseId}-tab-${snippet.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={snippet.id === current.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={snippet.id === current.id ? 0 : -1}
            onClick={() => setActive(snippet.id)}
          >
            {snippet.label}
          </button>
        ))}
      </div>
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${current.id}`} className="snippet-panel">
        {current.intro ? <p>{current.intro}</p> : null}
        {current.steps ? (
          <ol>
            {current.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        ) : null}
        <CodeBlock code={current.code} language={current.language} label={current.label} />
      </div>
    </div>
  );
}
