/** An error the caller caused and can act on; its `code` goes to `extensions.code`. */
export class ClientError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
    this.details = details;
  }
}

/** The thing named in the request does not exist (or is not published). */
export class NotFoundError extends ClientError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('NOT_FOUND', message, details);
    this.name = 'NotFoundError';
  }
}

/** An argument is malformed or out of range. */
export class InputError extends ClientError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, details);
    this.name = 'InputError';
  }
}

/** The change would clash with an existing record (a slug, name or number that must be unique). */
export class ConflictError extends ClientError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
    this.name = 'ConflictError';
  }
}

/** The request cannot be done in the record's current state (e.g. editing a published report). */
export class StateError extends ClientError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INVALID_STATE', message, details);
    this.name = 'StateError';
  }
}

/** The caller may not act on this station's records (or a role does not allow the change). */
export class ForbiddenError extends ClientError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
    this.name = 'ForbiddenError';
  }
}

/**
 * A content rule refused the change: `code` says which (docs/content-rules.md),
 * `extensions.field` names the input field as a dotted path.
 */
export class RuleError extends ClientError {
  constructor(code: string, field: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { field, ...details });
    this.name = 'RuleError';
  }
}
