import { createHash } from 'node:crypto';
import { type DocumentNode, type GraphQLError, type GraphQLSchema, Kind, parse, validate } from 'graphql';
import { ClientError } from '../errors.ts';

/** The longest document that may be registered, in characters. */
export const MAX_DOCUMENT_LENGTH = 100_000;

/** A registered operation's id: the sha256 (hex) of its document, exactly as sent. */
export function operationHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/** The document to register does not parse, does not validate, or is not one named operation. */
export class OperationDocumentError extends ClientError {
  constructor(message: string, problems: readonly { message: string; line?: number; column?: number }[], details: Record<string, unknown> = {}) {
    super('OPERATION_DOCUMENT_INVALID', message, { problems, ...details });
    this.name = 'OperationDocumentError';
  }
}

function problemOf(error: GraphQLError): { message: string; line?: number; column?: number } {
  const at = error.locations?.[0];
  return at ? { message: error.message, line: at.line, column: at.column } : { message: error.message };
}

/**
 * Checks that `document` is one named operation (with any fragments it uses) that is valid
 * against `schema`; returns the operation's name, or throws OPERATION_DOCUMENT_INVALID.
 */
export function checkOperationDocument(schema: GraphQLSchema, document: string): string {
  if (document.trim() === '') throw new OperationDocumentError('The document is empty.', []);
  if (document.length > MAX_DOCUMENT_LENGTH) {
    throw new OperationDocumentError(`The document has more than ${MAX_DOCUMENT_LENGTH} characters.`, []);
  }
  let ast: DocumentNode;
  try {
    ast = parse(document);
  } catch (error) {
    throw new OperationDocumentError('The document is not valid GraphQL.', [problemOf(error as GraphQLError)]);
  }
  const invalid = validate(schema, ast);
  if (invalid.length > 0) {
    throw new OperationDocumentError('The document does not validate against the schema.', invalid.map(problemOf));
  }
  const operations = ast.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation) {
    throw new OperationDocumentError(`The document must hold exactly one operation, not ${operations.length}.`, []);
  }
  if (!operation.name) {
    throw new OperationDocumentError('The operation must have a name (e.g. `query OpenReferrals { … }`).', []);
  }
  return operation.name.value;
}
