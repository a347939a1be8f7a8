import { useState, type FormEvent } from 'react';

import { InlineError } from '../components/ledger/InlineError';
import '../components/ledger/ledger.css';
import { SigningPrompt } from '../components/ledger/SigningPrompt';
import { TransactionReviewView } from '../components/ledger/TransactionReviewView';
import { PageHeader } from '../components/PageHeader';
import { useSigning } from '../stores/signing';

export function ReviewTransactionPage() {
  const [text, setText] = useState('');
  const reviewing = useSigning((state) => state.reviewing);
  const reviewed = useSigning((state) => state.review);
  const reviewError = useSigning((state) => state.reviewError);
  const prompt = useSigning((state) => state.prompt);
  const reviewText = useSigning((state) => state.reviewText);
  const sign = useSigning((state) => state.sign);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reviewText(text);
  };

  return (
    <>
      <PageHeader title="Review transaction" />
      <section className="card" aria-labelledby="paste-heading">
        <h2 id="paste-heading">Paste a transaction</h2>
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
            onChange={(event) => setText(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="primary" disabled={reviewing || text.trim() === ''}>
              {reviewing ? 'Reviewing…' : 'Review'}
            </button>
          </div>
        </form>
        {reviewError !== undefined && <InlineError error={reviewError} />}
      </section>

      {reviewed !== undefined && (
        <TransactionReviewView reviewed={reviewed} onSign={() => void sign()} />
      )}
      {prompt !== undefined && reviewed !== undefined && (
        <SigningPrompt prompt={prompt} messageHash={reviewed.review.messageHash} />
      )}
    </>
  );
}
