/**
 * The HTTP API: one route per RouteDef, each to its own function (payload format 2.0).
 *
 * Staff routes sit behind the API's JWT authorizer (Cognito's issuer in the global profile, the
 * agency's OIDC issuer in China): a request without a valid token for the configured issuer and
 * audience never reaches a function. The functions still verify the token themselves
 * (functions/shared/auth.ts: signature, issuer, audience, then groups and unit), as locally where
 * there is no API Gateway. Trade-off: for a missing or invalid token API Gateway answers 401
 * with its own body (`{"message":"Unauthorized"}`), not the contract's error JSON; the console
 * treats any 401 as "sign in again".
 */
import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../../functions/http/routes.ts';

/**
 * Access log fields. Neither the caller's IP nor the user agent: a log line tying an IP to a
 * complaint submission would identify an anonymous reporter (requirements §1). `routeKey` is the
 * route template, so tracking numbers in paths are not logged either.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    responseLength: '$context.responseLength',
  }),
);

export interface HttpApiProps {
  rateLimit: number;
  burstLimit: number;
}

/** The token issuer staff routes accept: issuer URL and the audience (client id) its ID tokens carry. */
export interface StaffTokenIssuer {
  issuer: string;
  audience: string;
}

export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Disclosure intake API (routes from functions/http/routes.ts)',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    this.stage = this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
  }

  addRoutes(routes: readonly { def: RouteDef; fn: IFunction }[], staff: StaffTokenIssuer): void {
    const authorizer = new HttpJwtAuthorizer('StaffJwt', staff.issuer, {
      jwtAudience: [staff.audience],
      identitySource: ['$request.header.Authorization'],
    });
    for (const { def, fn } of routes) {
      const [route] = this.api.addRoutes({
        path: def.path,
        methods: [apigw.HttpMethod[def.method]],
        integration: new HttpLambdaIntegration(`${def.method} ${def.path}`, fn, {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        }),
        ...(def.auth === 'staff' ? { authorizer } : {}),
      });
      if (def.auth === 'public') {
        const reason = 'Public route of the citizen side (api-contract.md); any access check (tracking number and access code) is in the function.';
        for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) Validations.of(route!).acknowledge({ id: rule, reason });
      } else {
        Validations.of(route!).acknowledge({
          id: 'AwsSolutions-COG4',
          reason:
            'Staff route behind a JWT authorizer on the staff issuer (Cognito ID tokens in the global profile, the agency OIDC issuer in China); ' +
            'a JWT authorizer rather than the Cognito user pool type so both profiles share one mechanism, and the function verifies the token again.',
        });
      }
    }
  }

  /** Host name CloudFront uses as origin (no scheme, no path). */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.stack.region}.${this.api.stack.urlSuffix}`;
  }
}
