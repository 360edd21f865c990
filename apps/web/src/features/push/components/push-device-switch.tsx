import { useEffect, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { currentSubscription, disablePush, enablePush, pushSupported } from '../push-device';

type State = 'unknown' | 'off' | 'on' | 'busy';

/**
 * "Push notifications on this device": a switch that asks the browser's permission and subscribes this
 * device, or unsubscribes it. It acts at once (it is about this device, not a saved preference).
 */
export function PushDeviceSwitch() {
  const { t } = useTranslation();
  const supported = pushSupported();
  const [state, setState] = useState<State>(supported ? 'unknown' : 'off');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!supported) return;
    let live = true;
    void currentSubscription().then((subscription) => {
      if (live) setState(subscription && Notification.permission === 'granted' ? 'on' : 'off');
    });
    return () => {
      live = false;
    };
  }, [supported]);

  const toggle = async () => {
    const turningOn = state !== 'on';
    setState('busy');
    setProblem(null);
    try {
      if (!turningOn) {
        await disablePush();
        setState('off');
      } else if ((await enablePush()) === 'denied') {
        setProblem(t('push.denied'));
        setState('off');
      } else {
        setState('on');
      }
    } catch {
      setProblem(turningOn ? t('push.failed') : t('push.failedOff'));
      setState(turningOn ? 'off' : 'on');
    }
  };

  return (
    <section aria-labelledby="push-device-title">
      <h2 id="push-device-title">{t('push.legend')}</h2>
      <div className="field checkbox">
        <input
          id="push-device"
          type="checkbox"
          role="switch"
          checked={state === 'on'}
          disabled={!supported || state === 'busy' || state === 'unknown'}
          aria-describedby="push-device-hint"
          onChange={() => void toggle()}
        />
        <label htmlFor="push-device">{t('push.device')}</label>
        <p id="push-device-hint" className="hint">
          {supported ? t('push.deviceHint') : t('push.unsupported')}
        </p>
        {problem && <Alert kind="error">{problem}</Alert>}
      </div>
    </section>
  );
}
