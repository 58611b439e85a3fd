import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../functions/shared/errors.ts';
import { parseOrThrow } from '../../../functions/shared/validation.ts';
import { complaintBody } from '../../../functions/shared/schemas/complaints.ts';
import { disclosureRequestBody } from '../../../functions/shared/schemas/disclosure.ts';

const fieldsOf = (schema: Parameters<typeof parseOrThrow>[0], input: unknown) => {
  try {
    parseOrThrow(schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return Object.fromEntries(((e as ApiError).fields ?? []).map((f) => [f.path, f]));
  }
  throw new Error('parsed');
};

describe('validation: one specific message per rule, in Chinese and English', () => {
  it('names the field for a missing, too long or malformed value', () => {
    const fields = fieldsOf(complaintBody, {
      subject: '',
      description: '低'.repeat(5003),
      respondentUnit: '某局',
      reporter: { anonymous: false, name: '王五', phone: '12', email: 'not-an-address' },
    });
    expect(fields.category).toMatchObject({ message: '请选择违规行为类别', messageEn: 'Select the kind of breach' });
    expect(fields.subject).toMatchObject({ message: '请输入主题', messageEn: 'Enter a subject' });
    expect(fields.description).toMatchObject({ message: '具体情况不能超过 5000 个字' });
    expect(fields.description!.messageEn).toMatch(/^The details must be 5000 characters or fewer/);
    expect(fields['reporter.phone']).toMatchObject({ message: '请输入有效的电话号码，如 13800000000 或 010-12345678' });
    expect(fields['reporter.email']).toMatchObject({ message: '请输入有效的电子邮箱地址，如 name@example.com' });
    for (const f of Object.values(fields)) {
      expect(f.message).not.toMatch(/此项必填|格式不正确|取值无效/);
      expect(f.messageEn).not.toMatch(/This field is required|Invalid format/);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('asks to choose where the answer is a choice: named or anonymous, formats, the applicant type', () => {
    const complaint = fieldsOf(complaintBody, { category: 'x', subject: 's', description: 'd', respondentUnit: 'u', reporter: {} });
    expect(complaint.category!.message).toBe('请选择违规行为类别');
    expect(Object.entries(complaint).find(([p]) => p.startsWith('reporter'))?.[1].message).toBe('请选择实名或匿名');
    const request = fieldsOf(disclosureRequestBody, { applicant: { name: '李四', email: 'a@b.cn' }, description: 'd', formats: [] });
    expect(request['applicant.type']!.message).toBe('请选择申请人类型');
    expect(request.formats!.message).toBe('请至少选择一种载体形式');
    expect(request.formats!.messageEn).toBe('Select at least one format');
  });
});
