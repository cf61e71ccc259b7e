import { CopyButton } from './copy-button';

interface CodeBlockProps {
  code: string;
  language?: string;
  label?: string;
}

export function CodeBlock({ code, language, label }: CodeBlockProps) {
  return (
    <div className="code-block">
      <div className="code-block__bar">
        <span className="code-block__lang">{label ?? language ?? ''}</span>
        <CopyButton text={code} ariaLabel={`Copy ${label ?? language ?? 'code'}`} className="button button--ghost button--small" />
      </div>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
