import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createValidationPipe } from '../../src/http/validation';
import { DisbursementDto } from '../../src/projects/dto/disbursement.dto';
import { RegisterProjectDto } from '../../src/projects/dto/register-project.dto';

/**
 * The floor for the HTTP benchmark: a minimal Nest application on the same Fastify adapter,
 * the same global validation pipe and the same DTOs as the engine's endpoints, answering the
 * same shape of body without doing anything. What the engine adds above this is its own cost.
 */
@Controller('floor')
class FloorController {
  @Post('projects')
  register(@Body() body: RegisterProjectDto) {
    return {
      id: randomUUID(),
      version: 1,
      status: 'registered',
      position: String(body.requestedFundingVnd),
    };
  }

  @Post('projects/:id/disbursements')
  @HttpCode(200)
  disburse(@Param('id') id: string, @Body() body: DisbursementDto) {
    return { id, version: 2, status: 'in_execution', position: String(body.amountVnd) };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
