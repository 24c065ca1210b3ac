import { Global, Module } from '@nestjs/common';
import { AggregateReader } from './aggregate-reader';
import { CommandKernel } from './command-kernel';

/** The application kernel, for every feature: one command kernel, one reader of aggregates. */
@Global()
@Module({ providers: [CommandKernel, AggregateReader], exports: [CommandKernel, AggregateReader] })
export class KernelModule {}
