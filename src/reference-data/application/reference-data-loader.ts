import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AggregateReader } from '../../kernel/aggregate-reader';
import { CommandKernel } from '../../kernel/command-kernel';
import { derivedId } from '../../kernel/command-ids';
import type { Actor } from '../../shared/actor';
import { DEFAULT_REFERENCE_DATA } from '../default-reference-data';
import { referenceAggregateType } from '../reference.aggregate';
import { ReferenceDataService } from '../reference-data.service';
import { ReferenceAggregate } from './reference-aggregate';

/** Who records the first version: the release, not a person. */
export const RELEASE_ACTOR: Actor = {
  sub: 'system:release',
  name: 'Dữ liệu dùng chung kèm phần mềm',
  role: 'admin',
};

/**
 * Before the application serves anyone: the reference data in force is the province's stream.
 * An empty stream gets the shipped reference data as its first version, once (the command id
 * is derived from the stream, so two instances starting together record it once); after that a
 * new release's defaults never replace what the Center recorded.
 */
@Injectable()
export class ReferenceDataLoader implements OnModuleInit {
  private readonly log = new Logger('ReferenceData');

  constructor(
    private readonly kernel: CommandKernel,
    private readonly reader: AggregateReader,
    private readonly aggregate: ReferenceAggregate,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async onModuleInit(): Promise<void> {
    const province = DEFAULT_REFERENCE_DATA.province ?? 'default';
    const state = await this.reader.state(referenceAggregateType, province);
    if (state.status === 'in_force') {
      this.referenceData.replace(state.reference);
      if (state.changes > 0)
        this.log.log(`Reference data of ${province}: ${state.changes} changes`);
      return;
    }
    await this.kernel.run(
      this.aggregate,
      province,
      { type: 'LoadReferenceData', data: { reference: DEFAULT_REFERENCE_DATA, source: 'shipped' } },
      { commandId: derivedId(`reference-data-${province}`, 'first version'), actor: RELEASE_ACTOR },
    );
  }
}
