import { Pagination } from '../../../components/pagination';
import { formatInteger } from '../../../lib/format';

interface PageNavProps {
  /** Counts from 1. */
  page: number;
  pageSize: number;
  total: number;
  /** Plural, e.g. `accounts`. */
  noun: string;
  onPage: (page: number) => void;
}

/** Previous/next under a staff list, with "21–40 of 75 accounts". */
export function PageNav({ page, pageSize, total, noun, onPage }: PageNavProps) {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <Pagination
      page={page}
      hasPrevious={page > 1}
      hasNext={page * pageSize < total}
      onPrevious={() => onPage(page - 1)}
      onNext={() => onPage(page + 1)}
      summary={`${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)} ${noun}`}
    />
  );
}
