/** A build-time data problem, with what the person running the build should do about it. */
export class PortalDataError extends Error {
  override readonly name = 'PortalDataError';
}
