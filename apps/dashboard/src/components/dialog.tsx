/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and restores focus
 * to the opener, so the dashboard does not reimplement any of that.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Dialogs that hold something the user must not lose (a new key) ignore backdrop clicks. */
  dismissOnBackdrop?: boolean;
  testId?: string;
}

export function Dialog({ open, title, onClose, children, dismissOnBackdrop = true, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    if (open && !node.open) {
      // jsdom has no showModal; the attribute is enough for component tests.
      if (typeof node.showModal === 'function') node.showModal();
      else node.setAttribute('open', '');
      // showModal focuses the first focusable element, the close button; start where the work is.
      const start = node.querySelector<HTMLElement>('[data-autofocus]') ?? node.querySelector<HTMLElement>('input, select, textarea');
      start?.focus();
    } else if (!open && node.open) {
      if (typeof node.close === 'function') node.close();
      else node.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (dismissOnBackdrop && event.target === ref.current) onClose();
      }}
    >
      {open ? (
        <div className="dialog__panel">
          <div className="dialog__header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
