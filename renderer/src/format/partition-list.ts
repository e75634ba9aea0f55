/** "0, 1, 4 … +12 more": partition numbers short enough for a table cell, the full list in the title. */
export function shortPartitionList(partitions: readonly number[], max = 8): string {
  if (partitions.length <= max) return partitions.join(', ');
  return `${partitions.slice(0, max).join(', ')} … +${partitions.length - max} more`;
}
