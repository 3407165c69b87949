/** How a batch is named to people: the first eight characters of its id, enough to tell two apart. */
export const shortBatchId = (batchId: string) => batchId.slice(0, 8);
