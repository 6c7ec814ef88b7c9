/**
 * When `saiga serve` signs a checkpoint: every checkpointEvery entries, and at least every
 * checkpointMaxAgeHours while entries are added; the first counts from the first entry.
 */
import { describe, expect, it } from 'vitest';
import { checkpointDue } from '../../src/audit/checkpoint-schedule.js';

const settings = { checkpointEvery: 1000, checkpointMaxAgeHours: 24, pollIntervalMs: 60_000 };
const now = new Date('2026-12-02T12:00:00.000Z');

describe('checkpointDue', () => {
  it.each([
    ['an empty trail', undefined, undefined, undefined, false],
    ['a young trail with fewer entries than N and no checkpoint', { seq: 999, at: '2026-12-02T11:00:00.000Z' }, undefined, '2026-12-02T06:00:00.000Z', false],
    ['N entries and no checkpoint yet', { seq: 1000, at: '2026-12-02T11:00:00.000Z' }, undefined, '2026-12-02T06:00:00.000Z', true],
    ['a first entry a day old and no checkpoint yet', { seq: 3, at: '2026-12-02T11:00:00.000Z' }, undefined, '2026-12-01T12:00:00.000Z', true],
    ['N entries since the last checkpoint', { seq: 1500, at: '2026-12-02T11:00:00.000Z' }, { seq: 500, at: '2026-12-02T10:00:00.000Z' }, '2026-01-01T00:00:00.000Z', true],
    ['fewer than N since a recent checkpoint', { seq: 1499, at: '2026-12-02T11:00:00.000Z' }, { seq: 500, at: '2026-12-02T10:00:00.000Z' }, '2026-01-01T00:00:00.000Z', false],
    ['one entry since a checkpoint a day old', { seq: 501, at: '2026-12-02T11:00:00.000Z' }, { seq: 500, at: '2026-12-01T12:00:00.000Z' }, '2026-01-01T00:00:00.000Z', true],
    ['nothing new since a checkpoint a week old', { seq: 500, at: '2026-11-25T11:00:00.000Z' }, { seq: 500, at: '2026-11-25T12:00:00.000Z' }, '2026-01-01T00:00:00.000Z', false],
  ] as const)('%s', (_name, head, latest, firstAt, due) => {
    expect(checkpointDue(head, latest, settings, now, firstAt)).toBe(due);
  });
});
