import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

import { nextSort, type SortDirection, type SortState } from './sorting';

export interface TableColumn<Row, Key extends string> {
  id: string;
  title: string;
  /** Narrowest width in pixels; wider tables scroll sideways. */
  minWidth: number;
  /** Share of the spare width the column takes; 1 when absent. */
  grow?: number;
  align?: 'start' | 'end';
  /** Present when the column can be sorted. */
  sortKey?: Key;
  /** Direction of the first click: ascending for names, descending for amounts. */
  firstDirection?: SortDirection;
  render: (row: Row) => ReactNode;
}

export interface VirtualTableProps<Row, Key extends string> {
  /** Accessible name of the table. */
  label: string;
  /** Extra class on the table element, for per-table styles. */
  className?: string;
  rows: readonly Row[];
  columns: readonly TableColumn<Row, Key>[];
  rowKey: (row: Row) => string;
  sort: SortState<Key>;
  onSortChange: (sort: SortState<Key>) => void;
  emptyText: string;
}

/** Every row, the header included, has this height, so rows are placed without measuring. */
const ROW_HEIGHT = 40;
/**
 * Pixels besides the rows: the table's top and bottom borders and the header's bottom border.
 * Without the header's border the rows overflowed by 1 px, and the vertical scrollbar that
 * followed narrowed the table until a horizontal one covered the last row.
 */
const FRAME_HEIGHT = 3;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Rows visible at once before the table scrolls. */
const VISIBLE_ROWS = 14;
/** Gap between columns and padding at each end of a row, as in chain.css. */
const COLUMN_GAP = 8;
const ROW_PADDING = 12;

/**
 * Renders a sortable table with only the rows in view in the DOM, so lists of thousands of stake
 * accounts or validators stay responsive. The table element scrolls both ways and its
 * header row sticks to the top. ARIA table roles sit on divs because rows are positioned
 * absolutely, and aria-rowcount and aria-rowindex place each rendered row in the whole list.
 */
export function VirtualTable<Row, Key extends string>(props: VirtualTableProps<Row, Key>) {
  const { label, className, rows, columns, rowKey, sort, onSortChange, emptyText } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The compiler cannot memoize this hook's result; nothing here memoizes it either.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header row sits above the first body row inside the scrolling element.
    scrollMargin: ROW_HEIGHT,
  });

  const gridTemplateColumns = columns
    .map((column) => `minmax(${column.minWidth}px, ${column.grow ?? 1}fr)`)
    .join(' ');
  const minWidth =
    columns.reduce((sum, column) => sum + column.minWidth, 0) +
    COLUMN_GAP * (columns.length - 1) +
    2 * ROW_PADDING;
  const visibleRows = Math.min(Math.max(rows.length, 1), VISIBLE_ROWS);
  const scrollbarHeight = useHorizontalScrollbarHeight(scrollRef);

  return (
    <div
      ref={scrollRef}
      className={className === undefined ? 'virtual-table' : `virtual-table ${className}`}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      // The table scrolls on its own, so it must be reachable with the keyboard.
      tabIndex={0}
      style={{ height: (visibleRows + 1) * ROW_HEIGHT + FRAME_HEIGHT + scrollbarHeight }}
    >
      <div style={{ minWidth }}>
        <div role="rowgroup" className="virtual-table-head">
          <div
            role="row"
            aria-rowindex={1}
            className="virtual-row"
            style={{ gridTemplateColumns, height: ROW_HEIGHT }}
          >
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort} onSortChange={onSortChange} />
            ))}
          </div>
        </div>
        {rows.length === 0 ? (
          <div role="rowgroup">
            <div role="row" className="virtual-empty">
              <div role="cell">{emptyText}</div>
            </div>
          </div>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (row === undefined) {
                return null;
              }
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="virtual-row virtual-body-row"
                  style={{
                    gridTemplateColumns,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start - ROW_HEIGHT}px)`,
                  }}
                >
                  {columns.map((column) => (
                    <div
                      key={column.id}
                      role="cell"
                      className={column.align === 'end' ? 'cell-end' : undefined}
                    >
                      {column.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

const sortMarks: Record<SortDirection, string> = { ascending: '▲', descending: '▼' };

function HeaderCell<Row, Key extends string>({
  column,
  sort,
  onSortChange,
}: {
  column: TableColumn<Row, Key>;
  sort: SortState<Key>;
  onSortChange: (sort: SortState<Key>) => void;
}) {
  const { sortKey } = column;
  const className = column.align === 'end' ? 'cell-end' : undefined;
  if (sortKey === undefined) {
    return (
      <div role="columnheader" className={className}>
        {column.title}
      </div>
    );
  }

  const active = sort.key === sortKey;
  return (
    <div role="columnheader" className={className} aria-sort={active ? sort.direction : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSortChange(nextSort(sort, sortKey, column.firstDirection ?? 'descending'))}
      >
        {column.title}
        <span aria-hidden="true" className="sort-mark">
          {active ? sortMarks[sort.direction] : ''}
        </span>
      </button>
    </div>
  );
}

/**
 * Measures the horizontal scrollbar of `ref`, which appears when the columns are wider than
 * the window and would otherwise cover the last visible row.
 */
function useHorizontalScrollbarHeight(ref: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) {
      return;
    }
    // offsetHeight counts both borders and the scrollbar, clientHeight counts neither.
    const measure = () =>
      setHeight(Math.max(0, element.offsetHeight - element.clientHeight - 2 * element.clientTop));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
