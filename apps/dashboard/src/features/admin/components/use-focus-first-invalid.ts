import { useEffect, type RefObject } from 'react';

/**
 * After a submit that found problems (the browser's checks or the API's), moves focus to the
 * first field marked invalid: in a long form it may be off screen, and a keyboard or screen-reader
 * user lands on what needs fixing. `triggers` are the error values; focus moves when one changes.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, ...triggers: unknown[]): void {
  useEffect(() => {
    if (!triggers.some(Boolean)) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    // The triggers are the dependencies: focus moves once per new set of errors, not on every keystroke.
  }, triggers);
}
