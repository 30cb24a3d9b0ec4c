import { describe, expect, it } from 'vitest';
import { useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';

const server = useConsoleServer({ idleMs: 2_000 });

describe('the staff console: idle timeout', () => {
  it('signs out a session left idle, and ends it in the API', async () => {
    const client = new ConsoleClient(server.origin);
    expect((await client.signIn(server.editor.email, server.editor.password)).status).toBe(303);
    const sessions = () => server.db.prisma.staffSession.count({ where: { user: { email: server.editor.email }, revokedAt: null } });
    expect(await sessions()).toBe(1);
    expect((await client.get('/staff/')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const response = await client.get('/staff/officers/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/sign-in/?why=idle');
    const page = await (await client.get('/staff/sign-in/?why=idle')).text();
    expect(page).toContain('已自动退出登录');
    expect(await sessions()).toBe(0);
  });
});
