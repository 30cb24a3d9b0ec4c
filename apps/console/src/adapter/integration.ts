import type { AstroIntegration } from 'astro';

/**
 * Builds the console as one fetch handler (`Request` → `Response`) that the API server mounts
 * at `/staff/`. `@astrojs/node` builds a Node `(req, res, next)` middleware instead, which the
 * API's router of fetch handlers cannot mount without reaching into Node's response; this uses
 * Astro's own adapter API (`entrypointResolution: 'auto'`) with an entry that calls
 * `app.render(request)`.
 */
export function fetchHandlerAdapter(): AstroIntegration {
  return {
    name: 'openstation-fetch-handler',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'openstation-fetch-handler',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'unsupported', hybridOutput: 'unsupported', sharpImageService: 'unsupported' },
        });
      },
    },
  };
}
