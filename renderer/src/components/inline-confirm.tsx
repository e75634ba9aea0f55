import type { ReactNode } from 'react';

interface InlineConfirmProps {
  readonly label: string;
  readonly testId: string;
  readonly yesTestId: string;
  readonly cancelTestId: string;
  readonly yesLabel: ReactNode;
  readonly disabled: boolean;
  readonly onYes: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

/** An inline "are you sure" for actions that write to a cluster: what will happen, then do it or cancel. */
export function InlineConfirm(props: InlineConfirmProps) {
  return (
    <div className="inline-confirm" role="dialog" aria-label={props.label} data-testid={props.testId}>
      <p>{props.children}</p>
      <button type="button" data-testid={props.yesTestId} disabled={props.disabled} onClick={props.onYes}>
        {props.yesLabel}
      </button>{' '}
      <button type="button" data-testid={props.cancelTestId} onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
