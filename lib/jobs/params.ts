import type { AmrJobParams } from "@/generated/prisma/client";
import type { AmrParams } from "@/lib/amr/types";

/** A job's stored parameters as the engine takes them (and as the API shows them). */
export function toAmrParams(p: AmrJobParams): AmrParams {
  return {
    modelName: p.modelName,
    batchSize: p.batchSize,
    segmentLength: p.segmentLength,
    segmentOverlap: p.segmentOverlap,
    useCpu: p.useCpu,
    minIdentity: p.minIdentity,
    minCoverage: p.minCoverage,
  };
}
