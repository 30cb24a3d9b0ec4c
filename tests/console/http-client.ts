/** A browser-like client of the console over plain HTTP: keeps its cookie, reads forms' CSRF tokens. */
export class ConsoleClient {
  cookie: string | null = null;
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  private remember(response: Response): void {
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? null;
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.origin}${path}`, { redirect: 'manual', headers: this.cookie ? { cookie: this.cookie } : {} });
    this.remember(response);
    return response;
  }

  /** Sends a form as the browser would from the console's own page (same Origin). */
  async post(path: string, fields: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { origin: this.origin, 'content-type': 'application/x-www-form-urlencoded' };
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.origin}${path}`, { method: 'POST', redirect: 'manual', headers, body: new URLSearchParams(fields).toString() });
    this.remember(response);
    return response;
  }

  /** The CSRF token of the first form on the page at `path`. */
  async csrf(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`No CSRF token on ${path}`);
    return token;
  }

  async signIn(email: string, password: string): Promise<Response> {
    const csrf = await this.csrf('/staff/sign-in/');
    return this.post('/staff/sign-in/', { csrf, email, password });
  }
}
