import { useEffect, useRef, type FormEvent } from 'react';

import { REVIEW_TEXT_MAX_LENGTH } from '../../../shared/contract/ledger';
import { InlineError } from '../components/ledger/InlineError';
import '../components/ledger/ledger.css';
import { SignerChoice } from '../components/ledger/SignerChoice';
import { SigningPrompt } from '../components/ledger/SigningPrompt';
import { TransactionFileOpener } from '../components/ledger/TransactionFileOpener';
import { TransactionReviewView } from '../components/ledger/TransactionReviewView';
import { PageHeader } from '../components/PageHeader';
import { useSigning } from '../stores/signing';

export function ReviewTransactionPage() {
  const text = useSigning((state) => state.draft);
  const setText = useSigning((state) => state.setDraft);
  const reviewing = useSigning((state) => state.reviewing);
  const reviewed = useSigning((state) => state.review);
  const reviewError = useSigning((state) => state.reviewError);
  const prompt = useSigning((state) => state.prompt);
  const reviewText = useSigning((state) => state.reviewText);
  const sign = useSigning((state) => state.sign);
  const chooseSigner = useSigning((state) => state.chooseSigner);
  const collected = useSigning((state) => state.collected);

  // Focus moves to the review only after Review is pressed, not when the page is reopened.
  const focusReview = useRef(false);
  const reviewId = reviewed?.reviewId;
  useEffect(() => {
    if (reviewId !== undefined && focusReview.current) {
      focusReview.current = false;
      document.getElementById('review-heading')?.focus();
    }
  }, [reviewId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    focusReview.current = true;
    void reviewText(text);
  };

  return (
    <>
      <PageHeader title="Review transaction" />
      <section className="card" aria-labelledby="paste-heading">
        <h2 id="paste-heading">Paste or open a transaction</h2>
        <form onSubmit={submit}>
          <label htmlFor="transaction-text">
            Transaction or message, as base64 or base58 (legacy or version 0)
          </label>
          <textarea
            id="transaction-text"
            className="mono transaction-input"
            rows={6}
            value={text}
            spellCheck={false}
            aria-describedby="transaction-text-hint"
            onChange={(event) => setText(event.target.value)}
          />
          <p id="transaction-text-hint" className="field-hint">
            One transaction, at most {REVIEW_TEXT_MAX_LENGTH} characters.
          </p>
          <div className="button-row">
            <button type="submit" className="primary" disabled={reviewing || text.trim() === ''}>
              {reviewing ? 'Reviewing…' : 'Review'}
            </button>
            <TransactionFileOpener onText={setText} />
          </div>
        </form>
        {reviewError !== undefined && <InlineError error={reviewError} />}
      </section>

      {reviewed !== undefined && (
        <SignerChoice
          reviewed={reviewed}
          signedBy={
            collected?.messageHash === reviewed.review.messageHash ? collected.signedBy : []
          }
          disabled={reviewing || prompt !== undefined}
          onChoose={(address) => void chooseSigner(address)}
        />
      )}
      {reviewed !== undefined && (
        <TransactionReviewView reviewed={reviewed} onSign={() => void sign()} />
      )}
      {prompt !== undefined && reviewed !== undefined && (
        <SigningPrompt prompt={prompt} messageHash={reviewed.review.messageHash} />
      )}
    </>
  );
}
