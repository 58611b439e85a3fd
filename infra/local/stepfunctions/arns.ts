/** The fixed region and account of every local ARN, as the brief for the local runtime sets them. */
export const REGION = 'cn-north-1';
export const ACCOUNT = '000000000000';

export const stateMachineArn = (id: string): string => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`;

export const executionArn = (id: string, name: string): string =>
  `arn:aws:states:${REGION}:${ACCOUNT}:execution:${id}:${name}`;

export const functionArn = (name: string): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

/** Accepts what Lambda accepts as FunctionName: a name, a full or partial ARN, with or without qualifier. */
export function functionNameOf(nameOrArn: string): string {
  const match = /(?:^|:)function:([^:]+)/.exec(nameOrArn);
  return match?.[1] ?? nameOrArn.split(':')[0] ?? nameOrArn;
}
