import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';

/**
 * The otpauth address drawn as a QR code on a canvas, in the browser: the secret never goes to an image
 * service. qrcode is loaded only when a member sets up two-factor, so it stays out of the main bundle.
 */
export function QrCode({ value }: { value: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    void import('qrcode')
      .then((qrcode) => {
        if (current && canvas.current) return qrcode.toCanvas(canvas.current, value, { width: 220, margin: 2, errorCorrectionLevel: 'M' });
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [value]);

  if (failed) return <Alert kind="error">{t('twoFactor.qrFailed')}</Alert>;
  return <canvas ref={canvas} className="qr-code" role="img" aria-label={t('twoFactor.qrLabel')} width={220} height={220} />;
}
