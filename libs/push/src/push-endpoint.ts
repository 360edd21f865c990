import { isIP } from 'node:net';

/**
 * Why an endpoint is refused (null: accepted). Push services are reached over https; a development or test
 * site (PUBLIC_URL over http) also takes http endpoints, loopback included (api.md, Precisions for 1.1). An
 * https site never posts to an address literal or `localhost`: the server would be made to call inside its
 * own network for whoever subscribes.
 */
export function endpointProblem(endpoint: string, publicUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'endpoint must be a URL';
  }
  const development = publicUrl.startsWith('http://');
  if (url.protocol !== 'https:' && !(development && url.protocol === 'http:')) {
    return development ? 'endpoint must be an https:// or http:// URL' : 'endpoint must be an https:// URL';
  }
  if (url.username || url.password) return 'endpoint must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!development && (isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost'))) {
    return 'endpoint must be a push service’s address';
  }
  return null;
}
