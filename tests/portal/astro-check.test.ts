import { expect, inject, it } from 'vitest';

it('astro check finds no type errors in the .astro and .ts files of the portal', () => {
  const { code, output } = inject('astroCheck');
  expect(output).toMatch(/- 0 errors/);
  expect(code, output).toBe(0);
});
