interface PaginationProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  summary?: string;
}

export function Pagination({ page, hasPrevious, hasNext, onPrevious, onNext, summary }: PaginationProps) {
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="pagination__summary">{summary ?? `Page ${page}`}</span>
      <div className="pagination__buttons">
        <button type="button" className="button button--secondary button--small" disabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </button>
        <button type="button" className="button button--secondary button--small" disabled={!hasNext} onClick={onNext}>
          Next
        </button>
      </div>
    </nav>
  );
}
