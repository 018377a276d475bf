/** What the browser and scripts see of a collection (never its owner's id). */
export interface CollectionDto {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  jobCount: number;
}

export function toCollectionDto(row: { id: string; name: string; createdAt: Date; updatedAt: Date }, jobCount: number): CollectionDto {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), jobCount };
}
