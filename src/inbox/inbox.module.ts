import { Module } from '@nestjs/common';
import { ReadYourWrites } from '../platform/read-your-writes';
import { InboxController } from './inbox.controller';

@Module({
  controllers: [InboxController],
  providers: [ReadYourWrites],
})
export class InboxModule {}
