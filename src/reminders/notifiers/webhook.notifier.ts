import { createHmac } from 'node:crypto';
import type { Reminder } from '../rules/reminder';
import { noticeOf, type Notifier } from './notifier';
import { hostOf, redactedMessageOf } from './redact';

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

/**
 * An answer other than 2xx (a redirect included), or no answer in time: the delivery is tried
 * again later. The message names the webhook's host only (see redact.ts).
 */
export class WebhookDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookDeliveryError';
  }
}

/**
 * POSTs the reminder as JSON to NOTIFY_WEBHOOK_URL. The bytes sent are the bytes signed, so
 * a receiver that verifies the raw body before parsing it always agrees with us. Redirects are
 * not followed: fetch would turn the signed POST into a bodyless GET on a 302 (whose 2xx would
 * count as delivered) and send the body elsewhere on a 307; a 3xx is a failed attempt instead.
 */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook' as const;
  private readonly host: string;

  constructor(private readonly options: WebhookOptions) {
    this.host = hostOf(options.url);
  }

  async send(reminder: Reminder, issuedAt: string): Promise<'sent'> {
    // A string, built anew for each attempt: fetch never detaches it, and it is the same bytes.
    const body = JSON.stringify(noticeOf(reminder, issuedAt));
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-khuyencong-reminder-id': reminder.reminderId,
    };
    if (this.options.secret !== undefined) {
      headers[SIGNATURE_HEADER] = signatureOf(this.options.secret, Buffer.from(body, 'utf8'));
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new WebhookDeliveryError(
        `The webhook (host ${this.host}) could not be reached: ${redactedMessageOf(error, this.options.url)}`,
      );
    }
    // Read the answer to the end so the connection can be reused; its content does not matter.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 300 && response.status < 400) {
      throw new WebhookDeliveryError(
        `The webhook answered ${response.status}: redirects are not followed (host ${this.host})`,
      );
    }
    if (!response.ok) {
      throw new WebhookDeliveryError(`The webhook answered ${response.status} (host ${this.host})`);
    }
    return 'sent';
  }
}
