/** English strings of web push and the installable site (issue 18); fr beside it has the same keys. */
export const pushEn = {
  legend: 'Push notifications',
  device: 'Push notifications on this device',
  deviceHint: 'Your browser asks first. Each device is turned on separately; turning it off here stops this device only.',
  unsupported: 'This browser cannot receive push notifications.',
  denied: 'The browser refused: allow notifications for this site in its settings, then try again.',
  failed: 'Push notifications could not be turned on. Try again later.',
  failedOff: 'Push notifications could not be turned off. Try again later.',
  details: 'Show details in push',
  detailsHint: 'Off: a push says only “New activity”. On: it says who did what, where, and quotes a little (discreet mode keeps it off).',
};
