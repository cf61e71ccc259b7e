/**
 * The model id the snippets use: one this gateway really serves, so a copied example works.
 * The echo demo model when it is on (no provider configured), else a cheap well-known one.
 */
import { ECHO_MODEL_ID } from '@apilink/contracts';
import { useQuery } from '@tanstack/react-query';
import { modelsQueryOptions } from './use-models';

const PREFERRED = [ECHO_MODEL_ID, 'openai/gpt-4o-mini', 'openai/gpt-4.1-mini', 'anthropic/claude-haiku-4-5', 'google/gemini-2.5-flash'];

export function pickExampleModel(ids: string[]): string {
  return PREFERRED.find((id) => ids.includes(id)) ?? ids[0] ?? ECHO_MODEL_ID;
}

export function useExampleModel(): string {
  const ids = useQuery({ ...modelsQueryOptions(), select: (models) => models.map((model) => model.id) });
  return pickExampleModel(ids.data ?? []);
}
