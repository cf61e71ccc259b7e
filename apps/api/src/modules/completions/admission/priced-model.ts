import type { ActiveModel } from '../../models/active-model';

/** Whether a request to this model can cost anything: a free model's hold is 0, which an empty account can cover. */
export function isPriced({ price }: ActiveModel): boolean {
  return (
    price.inputMicrosPerMTok > 0n ||
    price.outputMicrosPerMTok > 0n ||
    (price.reasoningMicrosPerMTok ?? 0n) > 0n ||
    price.longContextTiers.some((tier) => tier.inputMicrosPerMTok > 0n || tier.outputMicrosPerMTok > 0n)
  );
}
