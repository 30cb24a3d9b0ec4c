import { describe, expect, inject, it } from 'vitest';

/**
 * The Open Referral HSDS 3 export of the service guide: every field of an exported service is
 * an HSDS 3.0 `service` field (the list below, from the specification's schema) or one the
 * OpenStation profile declares; ids are UUIDs; the export holds every item the portal publishes.
 */
const origin = inject('portalOrigin');

/** The properties of HSDS 3.0's `service` object. */
const HSDS_SERVICE_FIELDS = new Set([
  'id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services',
  'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description', 'minimum_age', 'maximum_age',
  'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified', 'phones', 'schedules', 'service_areas', 'service_at_locations',
  'languages', 'organization', 'funding', 'cost_options', 'program', 'required_documents', 'contacts', 'capacities', 'attributes', 'metadata',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the HSDS 3 export of the service guide', () => {
  it('holds every published service item as an HSDS service with the profile\'s time limit and legal basis', async () => {
    const profile = (await (await fetch(`${origin}/data/hsds/profile.json`)).json()) as { properties: Record<string, unknown>; required: string[] };
    const services = (await (await fetch(`${origin}/data/hsds/services.json`)).json()) as Record<string, unknown>[];
    const csv = (await (await fetch(`${origin}/data/service_items.csv`)).text()).trim().split('\r\n');
    expect(services.length).toBe(csv.length - 1);
    const ids = new Set<string>();
    for (const service of services) {
      const unknown = Object.keys(service).filter((key) => !HSDS_SERVICE_FIELDS.has(key) && !(key in profile.properties));
      expect(unknown, String(service.name)).toEqual([]);
      for (const field of profile.required) expect(service, String(service.name)).toHaveProperty(field);
      expect(service.id).toMatch(UUID);
      ids.add(String(service.id));
      expect(service.status).toBe('active');
      expect((service.organization as { id: string }).id).toBe(service.organization_id);
      const documents = service.required_documents as { service_id: string; document: string }[];
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents) expect(document.service_id).toBe(service.id);
      expect(String(service.time_limit_description)).not.toBe('');
    }
    expect(ids.size).toBe(services.length);
  });

  it('is linked from the open-data page', async () => {
    const html = await (await fetch(`${origin}/open-data/`)).text();
    expect(html).toContain('href="/data/hsds/services.json"');
  });
});
