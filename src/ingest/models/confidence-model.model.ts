import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: "One feature of the confidence model: its weight as kept, and as analysts' decisions have moved it.",
})
export class ConfidenceWeight {
  @Field({ description: "The feature's name, e.g. 'undated', 'proposal-new', 'rule-dep' (bias: the intercept)." })
  feature: string;

  @Field(() => Float, { description: 'Its weight in the model kept with the extractor (lexicon/confidence.json).' })
  kept: number;

  @Field(() => Float, {
    description: "Its weight now, refitted with analysts' decisions (the kept one when there are none).",
  })
  learned: number;
}

@ObjectType({
  description:
    "How the extractor estimates that a reading is right (each stance's confidence, the review queue's order): a logistic model over features of the reading, refitted with analysts' decisions.",
})
export class ConfidenceModelView {
  @Field(() => Int, {
    description: "How many analysts' decisions (confirmed: right; rejected or amended: wrong) it was refitted with.",
  })
  decisions: number;

  @Field(() => [ConfidenceWeight], { description: 'Every feature, the intercept first.' })
  weights: ConfidenceWeight[];
}
