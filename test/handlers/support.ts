import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * Handler tests run the real middy stack and the real JWT verification: a throwaway issuer serves
 * its JWKS on loopback, and tokens carry the claims Cognito puts in an ID token.
 */
export async function startIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}/issuer`;
  process.env.JWT_JWKS_URL = `http://127.0.0.1:${port}/jwks.json`;
  process.env.JWT_ISSUER = issuer;
  process.env.JWT_AUDIENCE = 'test-client';
  return {
    /**
     * Claims as Cognito writes them; `claims` replaces them (another provider's shape). `times`
     * sets `iat` and `exp` (seconds since the epoch) instead of now and an hour later.
     */
    token: (user: { sub: string; name: string; groups: string[]; unit: string }, claims?: Record<string, unknown>, times?: { iat: number; exp: number }) =>
      new SignJWT(claims ?? { name: user.name, 'cognito:groups': user.groups, 'custom:unit': user.unit, token_use: 'id' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test' })
        .setSubject(user.sub)
        .setIssuer(issuer)
        .setAudience('test-client')
        .setIssuedAt(times?.iat)
        .setExpirationTime(times?.exp ?? '1h')
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function apiEvent(opts: {
  method: string;
  path: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${opts.method} ${opts.path}`,
    rawPath: opts.path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    ...(opts.pathParameters ? { pathParameters: opts.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: opts.method, path: opts.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: `${opts.method} ${opts.path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    isBase64Encoded: false,
  };
}

export const lambdaContext = { awsRequestId: 'req-1', functionName: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export async function invoke(handler: unknown, event: APIGatewayProxyEventV2) {
  const result = await (handler as Handler)(event, lambdaContext);
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body as string) : undefined };
}

export function setTableEnv() {
  process.env.CASES_TABLE = 'cases';
  process.env.CALENDAR_TABLE = 'calendar';
  process.env.VAULT_TABLE = 'vault';
  process.env.IDEMPOTENCY_TABLE = 'idempotency';
  process.env.CASE_STATE_MACHINE_ARN = 'arn:aws:states:cn-north-1:000000000000:stateMachine:case-lifecycle';
  process.env.AWS_REGION = 'cn-north-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
}

/**
 * What a handler test file sets up before importing handlers: table names, DynamoDB and Step
 * Functions mocked (reset before each test), and a token issuer for the file (`session.issuer`).
 */
export function mockedAws() {
  setTableEnv();
  const session = { ddb: mockClient(DynamoDBDocumentClient), sfn: mockClient(SFNClient), issuer: undefined as unknown as Awaited<ReturnType<typeof startIssuer>> };
  beforeAll(async () => {
    session.issuer = await startIssuer();
  });
  afterAll(() => session.issuer.stop());
  beforeEach(() => {
    session.ddb.reset();
    session.sfn.reset();
  });
  return session;
}
