import { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function bodyTooLarge(): GraphQLError {
  return new GraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

function invalidContentLength(): GraphQLError {
  return new GraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
}

/** Only a single non-negative integer is a valid Content-Length (a comma-joined list is a smuggling attempt). */
const CONTENT_LENGTH = /^\d+$/;

/**
 * Whether Node's HTTP parser has already bounded the body to its Content-Length: an HTTP/1
 * request on a socket, with Content-Length and without Transfer-Encoding (Node refuses a request
 * carrying both). Bodies that reach Yoga any other way (`api.fetch`, chunked uploads) are counted.
 */
function framedByContentLength(serverContext: unknown, request: Request): boolean {
  const req = (serverContext as { req?: unknown } | undefined)?.req;
  return req instanceof IncomingMessage && req.headers['transfer-encoding'] === undefined && request.headers.has('content-length');
}

/** The request with a body that fails with REQUEST_ENTITY_TOO_LARGE once more than `limit` bytes are read. */
function countingBody(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (!body) return request;
  // A native stream (from `fetch`-style callers) pipes only into a native TransformStream.
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) {
          controller.error(bodyTooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: 'half',
  } as RequestInit);
}

/**
 * Refuses request bodies over `limit` bytes with REQUEST_ENTITY_TOO_LARGE (413), as Yoga's
 * `maxRequestBodySize` does, without Yoga's cost on every request: a Content-Length over the
 * limit is refused before the body is read; a body Node's HTTP parser has already bounded to an
 * acceptable Content-Length is read as is; any other body is counted while it is read.
 * Register it after every plugin that sets a request parser, with `maxRequestBodySize: false`.
 */
export function requestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength !== null) {
        if (!CONTENT_LENGTH.test(contentLength)) throw invalidContentLength();
        if (Number(contentLength) > limit) throw bodyTooLarge();
      }
      if (!requestParser || framedByContentLength(serverContext, request) || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(countingBody(req, limit, fetchAPI)));
    },
  };
}
