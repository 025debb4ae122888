import { useState } from 'preact/hooks';
import { apiToken, setApiToken } from '../api/token.ts';

/** Asks for the server's API token after a 401: this server takes changes only with `Authorization: Bearer`. */
export function TokenForm() {
  const [value, setValue] = useState(apiToken() ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="inline-form token-form"
      onSubmit={(e) => {
        e.preventDefault();
        setApiToken(value.trim());
        setSaved(true);
      }}
    >
      <label>
        API token (MULLET_API_TOKEN of the server)
        <input type="password" name="token" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button small">
        Use token
      </button>
      {saved ? <span class="hint">saved in this browser; try again</span> : null}
    </form>
  );
}
