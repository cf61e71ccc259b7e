/** Offset pagination of the billing lists; `page` counts from 1. */
export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const MAX_PAGE_SIZE = 200;
