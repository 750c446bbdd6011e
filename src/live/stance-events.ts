import { Inject, Injectable } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUBSUB } from './pubsub.js';
import type { ShiftView } from '../graph/shift.row.js';
import type { StanceRow } from '../graph/stance.row.js';

export const STANCE_RECORDED = 'stance-graph.stance-recorded';
export const STANCE_SHIFTED = 'stance-graph.stance-shifted';
export const STANCE_REVIEWED = 'stance-graph.stance-reviewed';

export interface StanceRecordedEvent {
  stance: StanceRow;
}

export interface StanceShiftedEvent {
  shift: ShiftView;
}

/** Typed topics over the PUBSUB engine: what StancesService publishes after a commit and the subscriptions read. */
@Injectable()
export class StanceEvents {
  constructor(@Inject(PUBSUB) private readonly pubsub: PubSubEngine) {}

  recorded(stances: StanceRow[]): Promise<void> {
    return this.publishStances(STANCE_RECORDED, stances);
  }

  async shifted(shifts: ShiftView[]): Promise<void> {
    for (const shift of shifts) await this.pubsub.publish(STANCE_SHIFTED, { shift } satisfies StanceShiftedEvent);
  }

  recordedStream(): AsyncIterableIterator<StanceRecordedEvent> {
    return this.pubsub.asyncIterableIterator<StanceRecordedEvent>(STANCE_RECORDED);
  }

  /** Stances an analyst decided on or amended, as they now are. */
  reviewed(stances: StanceRow[]): Promise<void> {
    return this.publishStances(STANCE_REVIEWED, stances);
  }

  private async publishStances(topic: string, stances: StanceRow[]): Promise<void> {
    for (const stance of stances) await this.pubsub.publish(topic, { stance } satisfies StanceRecordedEvent);
  }

  reviewedStream(): AsyncIterableIterator<StanceRecordedEvent> {
    return this.pubsub.asyncIterableIterator<StanceRecordedEvent>(STANCE_REVIEWED);
  }

  shiftedStream(): AsyncIterableIterator<StanceShiftedEvent> {
    return this.pubsub.asyncIterableIterator<StanceShiftedEvent>(STANCE_SHIFTED);
  }
}
