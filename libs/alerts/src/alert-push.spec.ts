import type { Alert } from './alert.entity';
import { alertPush } from './alert-push';

const alert = {
  id: 'a1',
  title: 'Fentanyl in pills',
  titleFr: 'Fentanyl dans des comprimés',
  severity: 'warning',
  substance: 'oxycodone',
} as Alert;

describe('what a device shows of an alert', () => {
  it('says only "new alert" by default, in the member’s language', () => {
    expect(alertPush(alert, { locale: 'en', discreet: false, pushDetails: false })).toEqual({
      title: 'New drug-supply alert',
      body: '',
      url: '/alerts/a1',
      tag: 'alert-a1',
    });
    expect(alertPush(alert, { locale: 'fr', discreet: false, pushDetails: false }).title).toBe('Nouvelle alerte sur les drogues');
  });

  it('shows severity, title and substance when the member turned push details on', () => {
    expect(alertPush(alert, { locale: 'fr', discreet: false, pushDetails: true })).toMatchObject({
      title: 'Avertissement: Fentanyl dans des comprimés',
      body: 'oxycodone',
    });
  });

  it('tells a discreet member nothing of the site or the alert, details on or not', () => {
    for (const pushDetails of [false, true]) {
      expect(alertPush(alert, { locale: 'en', discreet: true, pushDetails })).toEqual({
        title: 'You have new activity',
        body: '',
        url: '/notifications',
        tag: 'activity',
      });
    }
  });
});
