import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';

/** The ten recovery codes, shown once: copy, download, then done. Focus comes here so the codes are read first. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const text = `${codes.join('\n')}\n`;

  useEffect(() => heading.current?.focus(), []);

  const copyCodes = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('twoFactor.downloadName');
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        {t('twoFactor.codesTitle')}
      </h2>
      <Alert kind="success">{t('twoFactor.nowOn')}</Alert>
      <p>{t('twoFactor.codesHelp')}</p>
      <ul className="recovery-codes" aria-label={t('twoFactor.codesLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {copy === 'copied' && <Alert kind="success">{t('twoFactor.copied')}</Alert>}
      {copy === 'failed' && <Alert kind="error">{t('twoFactor.copyFailed')}</Alert>}
      <div className="button-row">
        <button type="button" onClick={() => void copyCodes()}>
          {t('twoFactor.copy')}
        </button>
        <button type="button" onClick={download}>
          {t('twoFactor.download')}
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          {t('twoFactor.done')}
        </button>
      </div>
    </section>
  );
}
