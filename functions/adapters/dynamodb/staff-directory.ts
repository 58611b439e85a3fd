import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffActor } from '../../domain/cases/actions.ts';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

export interface StaffProfile {
  sub: string;
  name: string;
  unit: string;
  email?: string;
}

const key = (sub: string) => ({ pk: `STAFF#${sub}`, sk: 'PROFILE' });

/**
 * Who staff are, as their sign-in last said (name, unit, e-mail), so that a case assigned to
 * someone can warn that person rather than the unit's mailbox. Written once per function
 * instance per change of profile.
 */
export class DynamoStaffDirectory {
  private readonly seen = new Map<string, string>();

  constructor(private readonly table = config.casesTable) {}

  async remember(user: StaffActor & { email?: string }): Promise<void> {
    const profile: StaffProfile = { sub: user.sub, name: user.name, unit: user.unit, ...(user.email ? { email: user.email } : {}) };
    const fingerprint = JSON.stringify(profile);
    if (this.seen.get(user.sub) === fingerprint) return;
    await dynamo().send(new PutCommand({ TableName: this.table, Item: { ...key(user.sub), ...profile } }));
    this.seen.set(user.sub, fingerprint);
  }

  async find(sub: string): Promise<StaffProfile | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: key(sub) }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...profile } = Item;
    return profile as StaffProfile;
  }
}
