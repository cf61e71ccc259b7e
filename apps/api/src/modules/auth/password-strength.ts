import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_FEEDBACK_EN } from './password-feedback.en';

/** zxcvbn's scale is 0-4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

// Characters past this add nothing the estimate needs and cost matching time (it grows with length).
const CHECKED_LENGTH = 100;

let estimator: ZxcvbnFactory | null = null;

/**
 * Why a password is too easy to guess (zxcvbn-ts with its common-password and keyboard
 * dictionaries, plus the user's own email), or null when it is strong enough. The estimator and
 * its dictionaries load on first use, so processes that never set a password do not pay for them.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations: PASSWORD_FEEDBACK_EN, maxLength: CHECKED_LENGTH });
  const result = estimator.check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reasons = [result.feedback.warning ?? 'It would be guessed quickly.', ...result.feedback.suggestions];
  return `This password is too easy to guess. ${reasons.join(' ')}`;
}
