import { useTranslation } from '../../../i18n/use-translation';
import type { AlertSeverity } from '@harbour/contracts';
import './alerts.css';

/** A circle, a triangle or an octagon (the shape a reader who cannot tell the colours apart still sees). */
const SHAPES: Record<AlertSeverity, string> = {
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8v.01M12 11v5',
  warning: 'M12 3 2 20h20L12 3zM12 10v4M12 17v.01',
  danger: 'M8 2h8l6 6v8l-6 6H8l-6-6V8zM12 7v6M12 16v.01',
};

/** An alert's severity in words, colour and shape together: never the colour alone. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useTranslation();
  return (
    <span className={`severity severity-${severity}`}>
      <svg
        aria-hidden="true"
        width="14"
        height="14"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
      >
        <path d={SHAPES[severity]} />
      </svg>
      {t(`alerts.severity.${severity}`)}
    </span>
  );
}
