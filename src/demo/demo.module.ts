import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { RecordingModule } from '../recording/recording.module.js';
import { DemoService } from './demo.service.js';
import { runAs } from '../common/operation-context.js';

/** With STANCE_LOAD_DEMO=true (the run command's default) an empty database gets the demo graph at start. */
@Module({
  imports: [ActorsModule, ProposalsModule, ArticlesModule, RecordingModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: DemoService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.loadDemo) await runAs('startup load demo', () => this.demo.loadIfEmpty());
  }
}
