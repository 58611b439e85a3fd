/**
 * The reporter identities the integration and browser tests submit, in one registry. Every
 * value here is made up and distinctive enough that finding it anywhere is a leak, not a
 * coincidence. The local runtime's harness checks, when a suite stops it, that none of them
 * reached a staff answer, a staff e-mail, a log line or the raw files under DATA_DIR (see
 * test/integration/identity-guard.ts). A test that submits identity takes it from here, so the
 * guard knows what to look for; `secret()` registers anything else that must never show (a name
 * typed into an anonymous report, which is dropped).
 */
export interface TestIdentity {
  name: string;
  email: string;
  phone: string;
  /** The phone as SMS addresses it. */
  phoneE164: string;
  address: string;
  idNumber: string;
  workUnit: string;
}

const registered = new Set<string>();

/** Registers a value that must never reach staff, logs or the raw store; returns it. */
export function secret(value: string): string {
  registered.add(value);
  return value;
}

/** Every registered value (each at least 6 characters, so none matches by chance). */
export function secrets(): string[] {
  return [...registered];
}

/** Takes a value back out (for the guard's own test, which plants a leak on purpose). */
export function forget(value: string): void {
  registered.delete(value);
}

function identity(fields: Omit<TestIdentity, 'phoneE164'>): TestIdentity {
  const all = { ...fields, phoneE164: `+86${fields.phone}` };
  for (const value of Object.values(all)) secret(value);
  return all;
}

/** The named people of the story tests. */
export const people = {
  complainant: identity({ name: '欧阳测试人', email: 'leak-check-7731@example.cn', phone: '13912345678', address: '某市测试路 101 号', idNumber: '110101199001017731', workUnit: '保密测试单位甲' }),
  applicant: identity({ name: '司马申请人', email: 'applicant-5521@example.cn', phone: '13700001111', address: '某市测试路 202 号', idNumber: '110101199001011234', workUnit: '保密测试单位乙' }),
  texter: identity({ name: '司马短信人', email: 'relay-check-5521@example.cn', phone: '13955550123', address: '某市测试路 909 号', idNumber: '110101199001015521', workUnit: '保密测试单位丙' }),
  browser: identity({ name: '上官浏览人', email: 'browser-4410@example.cn', phone: '13644104410', address: '某市测试路 404 号', idNumber: '11010119900101441X', workUnit: '保密测试单位丁' }),
};

/** A fresh person for tests that submit many (`n` makes every field unique). */
export function person(n: number): TestIdentity {
  const d = String(n).padStart(4, '0');
  const names = '甲乙丙丁戊己庚辛壬癸';
  const letter = (i: number) => names[Number(d[i])];
  return identity({
    name: `令狐${letter(0)}${letter(1)}${letter(2)}${letter(3)}`,
    email: `reporter-${d}@identity-test.example.cn`,
    phone: `1350000${d}`,
    address: `某市保密路 ${d} 号`,
    idNumber: `11010119900101${d}`,
    workUnit: `保密单位第 ${d} 号`,
  });
}

/** A complaint's `reporter` for `who`: named, not for publication. */
export const namedReporter = (who: TestIdentity, fields: (keyof TestIdentity)[] = ['email', 'phone', 'address', 'workUnit', 'idNumber']) => ({
  anonymous: false as const,
  name: who.name,
  ...Object.fromEntries(fields.map((f) => [f, who[f]])),
  publicityConsent: false,
});
