import { Field } from '../../../../components/field';
import { emptyRoute, type RouteDraft } from './upstream-draft';

interface ModelRoutesFieldProps {
  routes: RouteDraft[];
  onChange: (routes: RouteDraft[]) => void;
  /** Catalog model ids offered as suggestions. */
  modelIds: string[];
  errors?: Record<number, string>;
  listError?: string;
}

/** The models this account serves, each with the id the provider knows it by and its failover priority. */
export function ModelRoutesField({ routes, onChange, modelIds, errors = {}, listError }: ModelRoutesFieldProps) {
  const set = (key: number, changes: Partial<RouteDraft>) =>
    onChange(routes.map((route) => (route.key === key ? { ...route, ...changes } : route)));
  return (
    <fieldset className="choice-group route-list">
      <legend className="field__label">Models</legend>
      <p className="field__hint">
        The account serves these catalog models. Lower priority is tried first among every account serving a model; the next one takes over
        when it fails.
      </p>
      {listError ? <div className="field__error">{listError}</div> : null}
      {routes.map((route, index) => (
        <div key={route.key} className="route-row" data-testid="route-row">
          <Field label={`Model ${index + 1}`} error={errors[route.key]}>
            <input
              className="input input--mono"
              list="upstream-model-ids"
              placeholder="openai/gpt-4o-mini"
              autoComplete="off"
              spellCheck={false}
              value={route.model}
              onChange={(event) => set(route.key, { model: event.target.value })}
            />
          </Field>
          <div className="route-row__line">
            <Field label="Provider's model id" optional>
              <input
                className="input input--mono"
                placeholder="as in the catalog"
                autoComplete="off"
                spellCheck={false}
                value={route.upstreamModel}
                onChange={(event) => set(route.key, { upstreamModel: event.target.value })}
              />
            </Field>
            <Field label="Priority">
              <input
                className="input"
                inputMode="numeric"
                value={route.priority}
                onChange={(event) => set(route.key, { priority: event.target.value })}
              />
            </Field>
            <button
              type="button"
              className="button button--ghost button--small route-row__remove"
              aria-label={`Remove model ${index + 1}`}
              onClick={() => onChange(routes.filter((other) => other.key !== route.key))}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
      <div>
        <button type="button" className="button button--secondary button--small" onClick={() => onChange([...routes, emptyRoute()])}>
          Add a model
        </button>
      </div>
      <datalist id="upstream-model-ids">
        {modelIds.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </fieldset>
  );
}
