import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../functions/adapters/dynamodb/client.ts';
import { StepFunctionsCaseWorkflow } from '../../functions/adapters/stepfunctions/case-workflow.ts';

/**
 * The local Step Functions engine keeps executions in memory, so after a restart every case that
 * still has an open deadline (or unsent notices) gets its workflow started again; it rebuilds its
 * state from the stored case. AWS keeps executions itself and needs none of this.
 */
export async function resumeOpenWorkflows(): Promise<number> {
  const table = process.env.CASES_TABLE!;
  const caseIds = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '(sk = :case AND attribute_exists(openUnit)) OR (begins_with(sk, :notice) AND #s = :pending)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':case': 'CASE', ':notice': 'NOTICE#', ':pending': 'pending' },
        ProjectionExpression: 'pk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) caseIds.add(String(item.pk).replace(/^CASE#/, ''));
    start = page.LastEvaluatedKey;
  } while (start);
  const workflow = new StepFunctionsCaseWorkflow();
  for (const caseId of caseIds) await workflow.start(caseId);
  return caseIds.size;
}
