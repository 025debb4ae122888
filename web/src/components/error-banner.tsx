import { ApiError } from '../api/api-error.ts';
import { TokenForm } from './token-form.tsx';

/** One line for a failed request: the server's `error`, or the exception's message. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const message =
    error instanceof ApiError
      ? `${error.message} (HTTP ${error.status})`
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div class="error-banner" role="alert">
      {message}
      {error instanceof ApiError && error.status === 401 ? <TokenForm /> : null}
    </div>
  );
}
