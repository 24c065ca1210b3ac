import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** What the web console needs of the server before anyone has signed in (issue 12). */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
