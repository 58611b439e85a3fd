/** A phone number as SMS providers want it (E.164); a mainland mobile number gains +86. */
export function e164(phone: string): string {
  const digits = phone.replace(/[\s()-]/g, '');
  if (/^\+\d{6,15}$/.test(digits)) return digits;
  if (/^00\d{6,15}$/.test(digits)) return `+${digits.slice(2)}`;
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`;
  if (/^86(1\d{10})$/.test(digits)) return `+${digits}`;
  // Not a number we can text: the provider would refuse it anyway; the message says why without the number.
  throw new Error('Phone number is not in a form SMS can reach');
}
