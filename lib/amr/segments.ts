// Cuts contigs into segments of segmentLength overlapping by segmentOverlap. Each k-mer start position is
// owned by exactly one segment, so overlap never finds a seed twice; it only changes how work is batched.

export interface Segment {
  contig: number;
  /** The segment as configured: [start, end). */
  start: number;
  end: number;
  /** The k-mer start positions this segment searches: [ownStart, ownEnd). */
  ownStart: number;
  ownEnd: number;
  /** Last segment of its contig. */
  last: boolean;
}

export function planSegments(contigLengths: readonly number[], segmentLength: number, segmentOverlap: number): Segment[] {
  if (!(segmentOverlap >= 0 && segmentOverlap < segmentLength)) {
    throw new RangeError(`segment_overlap must be between 0 and segment_length - 1; got ${segmentOverlap} for ${segmentLength}.`);
  }
  const step = segmentLength - segmentOverlap;
  const segments: Segment[] = [];
  contigLengths.forEach((length, contig) => {
    const count = length > segmentOverlap ? Math.ceil((length - segmentOverlap) / step) : 1;
    for (let i = 0; i < count; i++) {
      const start = i * step;
      const last = i === count - 1;
      segments.push({
        contig,
        start,
        end: Math.min(start + segmentLength, length),
        ownStart: start,
        ownEnd: last ? length : start + step,
        last,
      });
    }
  });
  return segments;
}
