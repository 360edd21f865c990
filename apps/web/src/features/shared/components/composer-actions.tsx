/**
 * A composer's buttons, the same under a post and a message: submit (off while sending) and, where the box can
 * be closed (an edit, a reply), Cancel.
 */
export function ComposerActions({
  submitLabel,
  busy,
  onCancel,
  cancelLabel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: (() => void) | undefined;
  cancelLabel: string;
}) {
  return (
    <div className="actions">
      <button type="submit" className="button-primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
