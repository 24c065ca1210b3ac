import { createHmac } from 'node:crypto';
import type { Reminder } from '../rules/reminder';
import { noticeOf, type Notifier } from './notifier';

export const SIGNATURE_HEADER = 'x-khuyencong-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`: what a receiver recomputes to trust the body. */
export function signatureOf(secret: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookOptions {
  readonly url: string;
  /** Without it the body goes unsigned (the receiver cannot tell it is from us). */
  readonly secret?: string;
  readonly timeoutMs?: number;
}

/** An answer other than 2xx, or no answer in time: the delivery is tried again later. */
export class WebhookDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookDeliveryError';
  }
}

/**
 * POSTs the reminder as JSON to NOTIFY_WEBHOOK_URL. The bytes sent are the bytes signed, so
 * a receiver that verifies the raw body before parsing it always agrees with us.
 */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook' as const;

  constructor(private readonly options: WebhookOptions) {}

  async send(reminder: Reminder, issuedAt: string): Promise<'sent'> {
    const body = Buffer.from(JSON.stringify(noticeOf(reminder, issuedAt)), 'utf8');
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-khuyencong-reminder-id': reminder.reminderId,
    };
    if (this.options.secret !== undefined) {
      headers[SIGNATURE_HEADER] = signatureOf(this.options.secret, body);
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new WebhookDeliveryError(`The webhook could not be reached: ${messageOf(error)}`, {
        cause: error,
      });
    }
    // Read the answer to the end so the connection can be reused; its content does not matter.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new WebhookDeliveryError(`The webhook answered ${response.status}`);
    return 'sent';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
