import { describe, expect, it } from 'vitest';
import { OTHER_STATION, OWN_STATION, useConsoleServer } from './harness.ts';
import { ConsoleClient } from './http-client.ts';

const server = useConsoleServer();

async function signedIn(): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.origin);
  expect((await client.signIn(server.editor.email, server.editor.password)).status).toBe(303);
  return client;
}

/** The station's open (published, taking answers) campaign of the demo data. */
async function openCampaign(slug: string) {
  return server.db.prisma.surveyCampaign.findFirstOrThrow({ where: { station: { slug }, status: 'PUBLISHED' }, orderBy: { closesOn: 'desc' } });
}

describe('the survey and mediation pages: sessions, forms and stations', () => {
  it('shows none of them without a session', async () => {
    const campaign = await openCampaign(OWN_STATION);
    const client = new ConsoleClient(server.origin);
    for (const path of ['/staff/surveys/', '/staff/surveys/new/', `/staff/surveys/${campaign.id}/`, `/staff/surveys/${campaign.id}/entry/`, `/staff/surveys/${campaign.id}/results/`, '/staff/mediation/']) {
      const response = await client.get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe('/staff/sign-in/');
    }
  });

  it('refuses every form without its CSRF token and changes nothing: codes, close, paper entry', async () => {
    const campaign = await openCampaign(OWN_STATION);
    const client = await signedIn();
    const codes = await server.db.prisma.invitationCode.count({ where: { campaignId: campaign.id } });
    const responses = await server.db.prisma.surveyResponse.count({ where: { campaignId: campaign.id } });
    const posts: [string, Record<string, string>][] = [
      [`/staff/surveys/${campaign.id}/sheets/`, { area: '', count: '5' }],
      [`/staff/surveys/${campaign.id}/`, { action: 'close' }],
      [`/staff/surveys/${campaign.id}/entry/`, { submittedOn: campaign.opensOn.toISOString().slice(0, 10), channel: 'PAPER', r0q1: '5' }],
    ];
    for (const [path, fields] of posts) {
      const response = await client.post(path, { ...fields, csrf: 'wrong-token-of-the-right-length-xx' });
      expect(response.status, path).toBe(403);
    }
    expect(await server.db.prisma.invitationCode.count({ where: { campaignId: campaign.id } })).toBe(codes);
    expect(await server.db.prisma.surveyResponse.count({ where: { campaignId: campaign.id } })).toBe(responses);
    expect((await openCampaign(OWN_STATION)).closesOn).toEqual(campaign.closesOn);
  });

  it('refuses another station’s survey to a station-bound editor, even with a valid token, and makes no codes', async () => {
    const other = await openCampaign(OTHER_STATION);
    const client = await signedIn();
    for (const path of [`/staff/surveys/${other.id}/`, `/staff/surveys/${other.id}/entry/`, `/staff/surveys/${other.id}/results/`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain('name="action"');
    }
    const csrf = await client.csrf('/staff/surveys/new/');
    const codes = await server.db.prisma.invitationCode.count({ where: { campaignId: other.id } });
    const sheets = await client.post(`/staff/surveys/${other.id}/sheets/`, { csrf, area: '', count: '3' });
    expect(sheets.status).toBe(403);
    expect(await sheets.text()).not.toMatch(/class="sheet-code"/);
    const close = await client.post(`/staff/surveys/${other.id}/`, { csrf, action: 'close' });
    expect(close.status).toBe(403);
    expect(await server.db.prisma.invitationCode.count({ where: { campaignId: other.id } })).toBe(codes);
    expect((await openCampaign(OTHER_STATION)).closesOn).toEqual(other.closesOn);
    // Nor may it create one for another station by naming it in the form.
    const create = await client.post('/staff/surveys/new/', { csrf, station: OTHER_STATION, year: '2030', half: 'H1', accessMode: 'OPEN', opensOn: '2030-01-01', closesOn: '2030-01-31' });
    expect(create.status).toBe(422);
    expect(await server.db.prisma.surveyCampaign.count({ where: { period: '2030-H1' } })).toBe(0);
  });
});
