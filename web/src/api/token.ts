/** The API token for writes (servers bound beyond loopback need one), kept in this browser's localStorage. */
const KEY = 'mullet.apiToken';

export function apiToken(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: writes go without a token and the server says 401
  }
}

export function setApiToken(token: string): void {
  if (token === '') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, token);
}
