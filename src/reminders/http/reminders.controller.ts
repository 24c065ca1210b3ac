import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { ServiceUnavailableProblem } from '../../http/problem-details';
import {
  ReminderQueue,
  ReminderQueueUnavailableError,
  type FailedReminderJob,
} from '../reminder-queue';
import { ReminderScan, type ScanResult } from '../reminder-scan';
import { ScanRemindersDto } from './scan-reminders.dto';

/** Seconds before retrying a request that needs Redis. */
const REDIS_RETRY_AFTER_SECONDS = 10;

/** The reminder queue for admins: run a scan now, see what keeps failing. */
@ApiTags('reminders')
@ApiBearerAuth()
@Roles('admin')
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly scan: ReminderScan,
    private readonly queue: ReminderQueue,
  ) {}

  @Post('scan')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the reminder rules now as of a date and queue what is due (503 without Redis)',
  })
  runScan(@Body() body: ScanRemindersDto): Promise<ScanResult> {
    return whileQueueUp(() => this.scan.scanAndQueue(body.asOf));
  }

  @Get('failed')
  @ApiOperation({ summary: 'Reminder jobs that failed every attempt, with their last error' })
  async failed(): Promise<{ items: FailedReminderJob[] }> {
    return { items: await whileQueueUp(() => this.queue.failedJobs()) };
  }
}

async function whileQueueUp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReminderQueueUnavailableError) {
      throw new ServiceUnavailableProblem(
        'The reminder queue (Redis) cannot be reached now; try again later',
        REDIS_RETRY_AFTER_SECONDS,
        'reminder_queue_unavailable',
      );
    }
    throw error;
  }
}
