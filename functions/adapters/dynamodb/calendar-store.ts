import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarStore, YearSchedule } from '../../domain/calendar/index.ts';
import { config } from '../../shared/config.ts';
import { dynamo } from './client.ts';

const key = (year: number) => ({ pk: `YEAR#${year}` });

/** Loaded year schedules, one item per year. The table only ever holds a few dozen items. */
export class DynamoCalendarStore implements CalendarStore {
  constructor(private readonly table = config.calendarTable) {}

  async list(): Promise<YearSchedule[]> {
    const items: YearSchedule[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new ScanCommand({ TableName: this.table, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []).map(fromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async get(year: number): Promise<YearSchedule | undefined> {
    const { Item } = await dynamo().send(new GetCommand({ TableName: this.table, Key: key(year), ConsistentRead: true }));
    return Item ? fromItem(Item) : undefined;
  }

  async put(schedule: YearSchedule): Promise<void> {
    await dynamo().send(new PutCommand({ TableName: this.table, Item: { ...key(schedule.year), ...schedule } }));
  }
}

function fromItem(item: Record<string, unknown>): YearSchedule {
  const { pk: _pk, ...schedule } = item;
  return schedule as unknown as YearSchedule;
}
