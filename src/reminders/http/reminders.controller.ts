import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { ApiAnswer, ApiProblems } from '../../http/openapi/api-problems.decorator';
import { ServiceUnavailableProblem } from '../../http/problem-details';
import {
  ReminderQueue,
  ReminderQueueUnavailableError,
  type FailedReminderJob,
} from '../reminder-queue';
import { ReminderFactsBehindError, ReminderScan, type ScanResult } from '../reminder-scan';
import { MinPositionQuery } from '../../projects/dto/list-projects.query';
import { ReadYourWrites } from '../../platform/read-your-writes';
import { FailedReminderJobListResponse, ScanResultResponse } from './reminders.response';
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
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post('scan')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the reminder rules now as of a date and queue what is due (503 without Redis)',
  })
  @ApiAnswer(ScanResultResponse, 'What the scan queued')
  @ApiProblems(400, 401, 403, 413, 415, 429, 503)
  async runScan(
    @Body() body: ScanRemindersDto,
    @Query() query: MinPositionQuery,
  ): Promise<ScanResult> {
    // The scan waits for the log's head anyway; minPosition is accepted as on every read.
    await this.readYourWrites.reach(query.minPosition);
    try {
      return await whileQueueUp(() => this.scan.scanAndQueue(body.asOf));
    } catch (error) {
      if (error instanceof ReminderFactsBehindError) {
        throw new ServiceUnavailableProblem(
          'The reminder read model has not caught up with the log yet (catching up or rebuilding); try again shortly',
          1,
          'read_model_behind',
        );
      }
      throw error;
    }
  }

  @Get('failed')
  @ApiOperation({ summary: 'Reminder jobs that failed every attempt, with their last error' })
  @ApiAnswer(FailedReminderJobListResponse, 'The failed jobs')
  @ApiProblems(401, 403, 429, 503)
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
