/** Cookies kept between requests, as a browser would (name → value). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export interface ApiSession {
  jar: CookieJar;
  /** The raw Set-Cookie lines of the sign-in answer (flags are asserted on them). */
  signInSetCookies: string[];
  /** fetch with the session cookie and a same-origin Origin header unless `headers` overrides it. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** Signs in through next-auth's credentials endpoint, exactly as the login form does. */
export async function signInApi(baseUrl: string, username: string, password: string, options: { origin?: string } = {}): Promise<ApiSession> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const origin = options.origin ?? baseUrl;
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header(), Origin: origin },
    body: new URLSearchParams({ csrfToken, username, password, json: "true", callbackUrl: `${origin}/reports` }),
  });
  const signInSetCookies = response.headers.getSetCookie();
  jar.store(response);
  if (![...jar.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in as ${username} failed (HTTP ${response.status})`);
  }
  return {
    jar,
    signInSetCookies,
    request: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        redirect: "manual",
        headers: {
          Origin: baseUrl,
          Cookie: jar.header(),
          ...(init.body ? { "Content-Type": "application/json" } : {}),
          ...(init.headers as Record<string, string>),
        },
      }),
  };
}

/** Tries a sign-in and returns what the client is told (status, error text, duration). */
export async function attemptSignIn(baseUrl: string, username: string, password: string): Promise<{ status: number; error: string | null; ms: number }> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header(), Origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const ms = performance.now() - started;
  const location = response.headers.get("location") ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const error = location ? new URL(location, baseUrl).searchParams.get("error") : null;
  return { status: response.status, error, ms };
}
