import type { ReminderRule } from './reminder';

/**
 * Reminder ids become BullMQ job ids (no ':' allowed) and webhook de-duplication keys, so they
 * are built from [A-Za-z0-9._-] only: `<rule>.<part>.<part>…`, e.g.
 * `monthly-progress.<projectId>.2024-05`. Inside a part every character other than
 * [A-Za-z0-9-] is written `_<hex code point>_`; '_' and '.' are escaped too, so two different
 * subjects can never share an id.
 */
export function reminderId(rule: ReminderRule, ...parts: readonly (string | number)[]): string {
  // Plain concatenation: a scan builds one id per candidate, hundreds of thousands at a time.
  let id = rule.replace(/_/g, '-');
  for (const part of parts) id += '.' + encodePart(String(part));
  return id;
}

const SAFE = /^[A-Za-z0-9-]*$/;

function encodePart(part: string): string {
  if (SAFE.test(part)) return part;
  let out = '';
  for (const ch of part) {
    out += /[A-Za-z0-9-]/.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return out;
}

const ID = /^[A-Za-z0-9._-]+$/;

export function isReminderId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}
