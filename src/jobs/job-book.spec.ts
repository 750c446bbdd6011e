import { MemoryJobBook } from './job-book.js';
import { JobState, parseJobId } from './job-records.js';

describe('MemoryJobBook', () => {
  it('moves the counts with each transition, re-running a job without counting it twice', async () => {
    const book = new MemoryJobBook();
    const id = 'b-0123456789abcdef0123';
    await book.createBatch(id, ['one', 'two']);
    await book.transition(`${id}.0`, { state: JobState.RUNNING, attempts: 1 });
    // a worker died and the job runs again: RUNNING to RUNNING
    const rerun = await book.transition(`${id}.0`, { state: JobState.RUNNING, attempts: 2 });
    expect(rerun?.batch).toMatchObject({ queued: 1, running: 1, done: 0 });
    const done = await book.transition(`${id}.0`, { state: JobState.DONE });
    expect(done?.batch).toMatchObject({ queued: 1, running: 0, done: 1 });
    expect(done?.job).toMatchObject({ state: JobState.DONE, attempts: 2, label: 'one' });
    expect(await book.transition(`${id}.9`, { state: JobState.DONE })).toBeNull();
    expect(await book.job(`${id}.0`)).toMatchObject({ state: JobState.DONE, attempts: 2, label: 'one' });
  });

  it('forgets the oldest finished batch when full, never an unfinished one', async () => {
    const book = new MemoryJobBook(2);
    const [a, b, c] = ['b-aaaaaaaaaaaaaaaa', 'b-bbbbbbbbbbbbbbbb', 'b-cccccccccccccccc'];
    await book.createBatch(a, ['x']);
    await book.createBatch(b, ['y']);
    await book.transition(`${b}.0`, { state: JobState.DONE });
    await book.createBatch(c, ['z']);
    expect(await book.batch(a)).not.toBeNull();
    expect(await book.batch(b)).toBeNull();
    expect(await book.batch(c)).not.toBeNull();
  });
});

describe('job ids', () => {
  it('name their batch and place, and nothing else parses', () => {
    expect(parseJobId('b-0123456789abcdef0123.42')).toEqual({ batchId: 'b-0123456789abcdef0123', index: 42 });
    expect(parseJobId('b-0123456789abcdef0123')).toBeNull();
    expect(parseJobId('x-0123456789abcdef0123.1')).toBeNull();
    expect(parseJobId('b-0123456789abcdef0123.1; DROP')).toBeNull();
  });
});
