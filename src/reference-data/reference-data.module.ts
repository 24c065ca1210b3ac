import { Module } from '@nestjs/common';
import { ReferenceController } from './http/reference.controller';

/** The reference data's HTTP side; the data in force is the global ReferenceDataService. */
@Module({ controllers: [ReferenceController] })
export class ReferenceDataModule {}
