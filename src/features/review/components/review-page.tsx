import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type Category, categorySchema, type Role } from '../../../api/handoff-schemas';
import type { PostHocItem } from '../../../api/post-hoc-schemas';
import { ChoiceField } from '../../../components/choice-select';
import { DataGrid } from '../../../components/data-grid/data-grid';
import { QueryState } from '../../../components/query-state';
import { formatPercent } from '../../../domain/confidence';
import { categoryLabels } from '../../../domain/labels';
import { userQueries } from '../../../lib/handoff-queries';
import { formatDateTime } from '../../../lib/time';
import { useSessionStore } from '../../../stores/session-store';
import { reviewQueries } from '../api/queries';
import { ReviewForm, type ReviewFormProps } from './review-form';
import { ReviewSettings } from './review-settings';
import './review.css';

/** Who may set the double-review share; the backend stays the judge. */
const settingsEditors: readonly Role[] = ['lead', 'manager', 'executive'];

const columns = [{ label: 'Reply' }];
const itemId = (item: PostHocItem) => item.id;
const reviewRowId = (id: string) => `review-row-${id}`;
/** About the height of one two-line entry; the list is short and rendered whole. */
const REVIEW_ROW_HEIGHT = 56;

/** One sampled reply in the list: a button that opens it. */
function renderReviewCells(
  item: PostHocItem,
  openItem: (id: string) => void,
  { selected }: { selected: boolean },
) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the list is an ARIA grid like the queue's; the grid roles carry the semantics.
    // biome-ignore lint/a11y/useFocusableInteractive: the grid is the single tab stop and points at the highlighted row with aria-activedescendant.
    <div role="gridcell" className="cell">
      <button
        type="button"
        className="review-list-item"
        aria-current={selected ? 'true' : undefined}
        tabIndex={-1}
        onClick={() => openItem(item.id)}
      >
        <span>
          #{item.ticketNumber} {item.subject}
        </span>
        <span className="review-muted">
          {categoryLabels[item.category]} · sent {formatDateTime(item.sentAt)}
        </span>
      </button>
    </div>
  );
}

/**
 * Post-hoc review (seed pattern D): replies the policy sent without a person and sampled,
 * oldest first. Reviewing one opens the next, so a reviewer works down the list.
 */
export function ReviewPage({ category }: { category: Category | undefined }) {
  const navigate = useNavigate();
  const query = useQuery(reviewQueries.list(category));
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId));
  const canSet = me.data ? settingsEditors.includes(me.data.role) : false;
  const [openId, setOpenId] = useState<string | null>(null);
  const [reviewedCount, setReviewedCount] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const items = query.data?.items ?? [];
  const open = items.find((i) => i.id === openId) ?? items[0] ?? null;
  // The item on screen left the list on a refresh: someone else reviewed it meanwhile.
  const openLeft = openId !== null && query.data !== undefined && open?.id !== openId;

  const moveOn = (item: PostHocItem) => {
    const at = items.findIndex((i) => i.id === item.id);
    const next = items[at + 1] ?? items[at - 1] ?? null;
    setOpenId(next?.id ?? null);
  };
  const reviewed = (item: PostHocItem) => {
    moveOn(item);
    setNotice(null);
    setReviewedCount((n) => n + 1);
  };
  const gone = (item: PostHocItem, why: string) => {
    moveOn(item);
    setNotice(`Ticket #${item.ticketNumber}: ${why} It has left the list.`);
  };

  return (
    <main id="main" className="page review-page">
      <header className="review-header">
        <h1>Post-hoc review</h1>
        <ChoiceField
          className="review-filter"
          label="Category"
          choices={categorySchema.options}
          labels={categoryLabels}
          noneLabel="All categories"
          value={category}
          onChoose={(chosen) => {
            setOpenId(null);
            void navigate({ to: '/review', search: chosen ? { category: chosen } : {} });
          }}
        />
        <p className="review-count" aria-live="polite">
          {query.data ? `${query.data.total} waiting` : null}
          {reviewedCount ? ` · ${reviewedCount} reviewed this session` : null}
        </p>
      </header>
      <div role="status" className="review-notice">
        {notice ? <p className="notice">{notice}</p> : null}
        {openLeft && !notice ? (
          <p className="notice">
            The reply you had open was reviewed elsewhere and has left the list.
          </p>
        ) : null}
      </div>
      <QueryState
        query={query}
        loading="Loading sampled replies…"
        loadingClassName="review-loading"
      >
        {(list) =>
          items.length === 0 ? (
            <div className="review-empty" role="status">
              <p className="notice-title">Nothing sampled is waiting</p>
              <p>
                Replies the policy sends on its own and samples for review appear here.
                {category ? ' Try all categories.' : ''}
              </p>
            </div>
          ) : (
            <div className="review-layout">
              <nav aria-label="Sampled replies" className="review-list">
                <DataGrid
                  label="Sampled replies, oldest first"
                  className="review-grid"
                  columns={columns}
                  header={false}
                  virtual={false}
                  globalKeys={false}
                  rows={items}
                  getId={itemId}
                  rowDomId={reviewRowId}
                  rowHeight={REVIEW_ROW_HEIGHT}
                  renderCells={renderReviewCells}
                  cellsShowSelection
                  context={setOpenId}
                  total={items.length}
                  loading={false}
                  selectedId={open?.id}
                  onSelectionChange={setOpenId}
                  selectionDelayMs={0}
                />
                {list.total > items.length ? (
                  <p className="review-muted">
                    Showing the oldest {items.length} of {list.total}.
                  </p>
                ) : null}
              </nav>
              {open ? (
                <ReviewItem
                  key={open.id}
                  item={open}
                  onReviewed={() => reviewed(open)}
                  onGone={(why) => gone(open, why)}
                />
              ) : null}
            </div>
          )
        }
      </QueryState>
      {canSet ? <ReviewSettings /> : null}
    </main>
  );
}

function ReviewItem({ item, onReviewed, onGone }: ReviewFormProps) {
  return (
    <section className="review-item" aria-labelledby={`review-title-${item.id}`}>
      <h2 id={`review-title-${item.id}`}>
        #{item.ticketNumber} {item.subject}
      </h2>
      <p className="review-muted">
        {item.customerName} · {categoryLabels[item.category]} · AI confidence{' '}
        {formatPercent(item.confidence)} · sent {formatDateTime(item.sentAt)}
      </p>
      <h3>Customer’s message</h3>
      {/* Untrusted text: rendered as text, never as markup. */}
      <p className="review-text">{item.customerMessage}</p>
      <h3>Reply sent</h3>
      <p className="review-text">{item.sentText}</p>
      <ReviewForm item={item} onReviewed={onReviewed} onGone={onGone} />
    </section>
  );
}
