import { InputNumber, type InputNumberProps } from 'antd';
import type { FormInstance } from 'antd';
import { ProblemError } from '../api/client';

/** An amount in whole đồng, typed and shown with dot grouping: 1.234.567. */
export function MoneyInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      {...props}
      style={{ width: '100%', ...props.style }}
      precision={0}
      suffix="đ"
      formatter={(value) =>
        value === undefined || value === null
          ? ''
          : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
      }
      parser={(text) => Number((text ?? '').replace(/[^\d-]/g, '')) as number}
    />
  );
}

/** `targets.0.target` → ['targets', 0, 'target'], the name path of the form's field. */
function namePath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A field's message as shown beside the field: without the field's API name the server
 * starts it with (`requestedFundingVnd phải…` → `Phải…`), which the label already says.
 */
export function besideField(message: string, field: string): string {
  const rest = message.startsWith(field)
    ? message.slice(field.length).replace(/^[:\s]+/, '')
    : message;
  return rest === '' ? message : rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

/**
 * Puts the problem's field messages beside the fields it names; answers the messages of the
 * fields the form does not have, to be shown above it.
 */
export function showFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ProblemError)) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const elsewhere: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const e of error.problem.errors ?? []) {
    const path = namePath(e.field);
    if (path.length > 0 && known.has(String(path[0])))
      fields.push({ name: path, errors: [besideField(e.message, e.field)] });
    else elsewhere.push(e.message);
  }
  form.setFields(fields as never);
  return elsewhere;
}
