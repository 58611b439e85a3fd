/**
 * The HTTP API: one route per RouteDef, each to its own function (payload format 2.0).
 *
 * No API Gateway authorizer, on purpose: staff routes verify the Cognito ID token inside the
 * function (functions/shared/auth.ts), so a missing or bad token gets the contract's JSON error
 * body ({error: {code, message, messageEn}}) like every other error. An API Gateway JWT
 * authorizer answers 401 with its own body before the function runs, which the contract and
 * the local runtime (no API Gateway) cannot match.
 */
import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
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

  addRoutes(routes: readonly { def: RouteDef; fn: IFunction }[]): void {
    for (const { def, fn } of routes) {
      const [route] = this.api.addRoutes({
        path: def.path,
        methods: [apigw.HttpMethod[def.method]],
        integration: new HttpLambdaIntegration(`${def.method} ${def.path}`, fn, {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        }),
      });
      const reason =
        def.auth === 'public'
          ? 'Public route of the citizen side (api-contract.md); any access check (tracking number and access code) is in the function.'
          : 'Staff route: the function verifies the Cognito ID token (JWT_ISSUER/JWT_JWKS_URL/JWT_AUDIENCE) so errors keep the contract JSON shape; see the comment on HttpApi.';
      for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
        Validations.of(route!).acknowledge({ id: rule, reason });
      }
    }
  }

  /** Host name CloudFront uses as origin (no scheme, no path). */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.stack.region}.${this.api.stack.urlSuffix}`;
  }
}
