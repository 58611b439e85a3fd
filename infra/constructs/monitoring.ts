/**
 * Alarms and the one dashboard: failed and timed-out workflow executions, API 5xx, function
 * throttles and errors, and (global profile) SES bounce and complaint rates. Every alarm notifies
 * the stateful stack's alarm topic.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface MonitoringProps {
  topic: sns.ITopic;
  api: apigw.HttpApi;
  functions: ReadonlyMap<string, lambda.IFunction>;
  stateMachines: ReadonlyMap<string, sfn.StateMachine>;
  /** SES reputation alarms (global profile). */
  ses: boolean;
}

const FIVE_MINUTES = Duration.minutes(5);

export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const action = new cwActions.SnsAction(props.topic);
    const alarm = (name: string, description: string, metric: cloudwatch.IMetric, threshold = 1) => {
      const a = new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      this.alarms.push(a);
      return a;
    };

    const workflowWidgets: cloudwatch.IWidget[] = [];
    for (const [id, machine] of props.stateMachines) {
      const failed = machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' });
      const timedOut = machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' });
      // A case's execution failing or timing out means its deadlines are no longer watched.
      alarm(`${id}Failed`, `${id}: an execution failed (a case's deadlines are no longer watched)`, failed);
      alarm(`${id}TimedOut`, `${id}: an execution timed out`, timedOut);
      workflowWidgets.push(new cloudwatch.GraphWidget({ title: `${id} executions`, left: [machine.metricStarted(), machine.metricSucceeded(), failed, timedOut] }));
    }

    const serverErrors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    alarm('Api5xx', 'API answered 5xx (five or more in 5 minutes)', serverErrors, 5);

    const throttles: cloudwatch.IMetric[] = [];
    const errors: cloudwatch.IMetric[] = [];
    let i = 0;
    for (const [name, fn] of props.functions) {
      alarm(`Throttles${i}`, `${name}: invocations throttled`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }));
      throttles.push(fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: name }));
      errors.push(fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: name }));
      i += 1;
    }

    const sesWidgets: cloudwatch.IWidget[] = [];
    if (props.ses) {
      // Account-level reputation: SES reviews an account above 5 % bounces or 0.1 % complaints.
      const bounceRate = new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: Duration.hours(1) });
      const complaintRate = new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', statistic: 'Maximum', period: Duration.hours(1) });
      alarm('SesBounceRate', 'SES bounce rate at 2 % (SES reviews accounts at 5 %)', bounceRate, 0.02);
      alarm('SesComplaintRate', 'SES complaint rate at 0.05 % (SES reviews accounts at 0.1 %)', complaintRate, 0.0005);
      sesWidgets.push(new cloudwatch.GraphWidget({ title: 'SES reputation', left: [bounceRate, complaintRate] }));
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}`,
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [...workflowWidgets, new cloudwatch.GraphWidget({ title: 'API', left: [props.api.metricCount({ period: FIVE_MINUTES }), serverErrors, props.api.metricClientError({ period: FIVE_MINUTES })] })],
        [
          new cloudwatch.GraphWidget({ title: 'Function errors', left: errors, width: 12 }),
          new cloudwatch.GraphWidget({ title: 'Function throttles', left: throttles, width: 12 }),
        ],
        sesWidgets,
      ],
    });
  }
}
