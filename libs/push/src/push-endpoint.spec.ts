import { endpointProblem } from './push-endpoint';

describe('which push endpoints a site accepts', () => {
  it('takes https push services, and http ones only on an http (development or test) site', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', 'https://forum.example')).toBeNull();
    expect(endpointProblem('http://127.0.0.1:4000/push/x', 'http://localhost:3000')).toBeNull();
    expect(endpointProblem('http://push.example/x', 'https://forum.example')).toBe('endpoint must be an https:// URL');
  });

  it('never lets an https site post into its own network or to a name with credentials', () => {
    for (const endpoint of [
      'https://127.0.0.1/push',
      'https://[::1]/push',
      'https://localhost/push',
      'https://10.0.0.5/push',
      'https://a.localhost/x',
    ]) {
      expect(endpointProblem(endpoint, 'https://forum.example')).toBe('endpoint must be a push service’s address');
    }
    expect(endpointProblem('https://user:secret@push.example/x', 'https://forum.example')).toMatch(/^endpoint /);
  });

  it('names the field for what is not a URL or not http(s)', () => {
    expect(endpointProblem('not a url', 'https://forum.example')).toBe('endpoint must be a URL');
    expect(endpointProblem('javascript:alert(1)', 'http://localhost:3000')).toBe('endpoint must be an https:// or http:// URL');
  });
});
