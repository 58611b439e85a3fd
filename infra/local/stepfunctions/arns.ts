/**
 * ARNs of the local stand-in, built from its configuration (region, account) the way AWS builds
 * them: the partition follows the region (cn-* regions are `aws-cn`), so local ARNs look like
 * those of the deployment they stand in for. Nothing here assumes a partition or a region.
 */

/** Account id of every local ARN: no real account has it. */
export const LOCAL_ACCOUNT = '000000000000';

/** The partition a region belongs to, as AWS names it in ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

export interface ArnScope {
  partition: string;
  region: string;
  account: string;
}

/** The scope of local ARNs: the given region, else AWS_REGION (the SDK's own setting), else an error. */
export function arnScope(opts: { region?: string; account?: string; partition?: string } = {}): ArnScope {
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('Local Step Functions needs a region: pass `region` or set AWS_REGION');
  return { region, account: opts.account ?? LOCAL_ACCOUNT, partition: opts.partition ?? partitionOf(region) };
}

export class LocalArns {
  constructor(readonly scope: ArnScope) {}

  private arn(service: string, resource: string): string {
    const { partition, region, account } = this.scope;
    return `arn:${partition}:${service}:${region}:${account}:${resource}`;
  }

  stateMachine(id: string): string {
    return this.arn('states', `stateMachine:${id}`);
  }

  execution(id: string, name: string): string {
    return this.arn('states', `execution:${id}:${name}`);
  }

  function(name: string): string {
    return this.arn('lambda', `function:${name}`);
  }
}

/** Accepts what Lambda accepts as FunctionName: a name, a full or partial ARN (any partition), with or without qualifier. */
export function functionNameOf(nameOrArn: string): string {
  const match = /(?:^|:)function:([^:]+)/.exec(nameOrArn);
  return match?.[1] ?? nameOrArn.split(':')[0] ?? nameOrArn;
}
