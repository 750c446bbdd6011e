// Range indexes for the analysts' filters: by date, by position, by status.
CREATE INDEX stance_stated_on IF NOT EXISTS FOR (s:Stance) ON (s.statedOn);
CREATE INDEX stance_position IF NOT EXISTS FOR (s:Stance) ON (s.position);
CREATE INDEX stance_recorded_at IF NOT EXISTS FOR (s:Stance) ON (s.recordedAt);
CREATE INDEX article_published_on IF NOT EXISTS FOR (a:Article) ON (a.publishedOn);
CREATE INDEX article_text_hash IF NOT EXISTS FOR (a:Article) ON (a.textHash);
CREATE INDEX actor_name_key IF NOT EXISTS FOR (a:Actor) ON (a.nameKeys);
CREATE INDEX proposal_name_key IF NOT EXISTS FOR (p:Proposal) ON (p.nameKeys);
CREATE INDEX stance_status IF NOT EXISTS FOR (s:Stance) ON (s.status);
CREATE INDEX stance_reviewed_at IF NOT EXISTS FOR (s:Stance) ON (s.reviewedAt);
