import { createTransport, type Transporter } from 'nodemailer';
import type { Reminder } from '../rules/reminder';
import { emailSubjectOf, emailTextOf } from './email-text.vi';
import type { Notifier } from './notifier';
import { hostOf, redactedMessageOf } from './redact';

export const DEFAULT_FROM = '"Trung tâm Khuyến công" <nhac-viec@khuyencong.invalid>';

export interface EmailOptions {
  /** SMTP_URL; an optional `from` query parameter sets the sender and is not passed on. */
  readonly smtpUrl: string;
  /** The district's address from the reference data in force; undefined when none is recorded. */
  readonly addressOf: (district: string) => string | undefined;
  readonly onSkip?: (reminder: Reminder, why: string) => void;
}

/** The SMTP server refused or could not be reached; the message names its host only. */
export class EmailDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailDeliveryError';
  }
}

/**
 * Mails the reminder, in Vietnamese, to the district's address in the reference data. A
 * reminder meant for the Center alone is not mailed to the district, and a district without
 * an address is skipped (and said so): both are delivered by the webhook, if there is one.
 */
export class EmailNotifier implements Notifier {
  readonly channel = 'email' as const;
  private readonly transporter: Transporter;

  constructor(private readonly options: EmailOptions) {
    const url = new URL(options.smtpUrl);
    const from = url.searchParams.get('from') ?? DEFAULT_FROM;
    url.searchParams.delete('from');
    this.transporter = createTransport(
      {
        url: url.toString(),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from },
    );
  }

  async send(reminder: Reminder): Promise<'sent' | 'skipped'> {
    if (reminder.recipients === 'center') {
      this.options.onSkip?.(reminder, 'it is meant for the Center, which has no address here');
      return 'skipped';
    }
    const to = this.options.addressOf(reminder.district);
    if (!to) {
      this.options.onSkip?.(reminder, `district ${reminder.district} has no e-mail address`);
      return 'skipped';
    }
    try {
      await this.transporter.sendMail({
        to,
        subject: emailSubjectOf(reminder),
        text: emailTextOf(reminder),
        headers: { 'X-Khuyencong-Reminder-Id': reminder.reminderId },
      });
    } catch (error) {
      // SMTP_URL may carry user:password@: the stored error must not, whatever the server echoed.
      const { smtpUrl } = this.options;
      throw new EmailDeliveryError(
        `E-mail through the SMTP server (host ${hostOf(smtpUrl)}) failed: ${redactedMessageOf(error, smtpUrl)}`,
      );
    }
    return 'sent';
  }

  close(): void {
    this.transporter.close();
  }
}
