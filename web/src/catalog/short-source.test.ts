import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortSource } from './short-source.ts';

describe('short source notes for table cells', () => {
  it('shows the host of a URL and links to it', () => {
    assert.deepEqual(shortSource('https://www.binance.com/en-JP/square/post/1'), {
      text: 'binance.com',
      href: 'https://www.binance.com/en-JP/square/post/1',
    });
  });

  it('finds the URL inside a note', () => {
    assert.equal(
      shortSource('GPU 750 W: https://awesomeagents.ai/hardware/x (est.)').text,
      'awesomeagents.ai',
    );
  });

  it('turns a github:owner/repo@sha:path reference into the repository', () => {
    assert.deepEqual(shortSource('github:cyberlais/bit-cube.new@5096939d:src/models.ts'), {
      text: 'github.com/cyberlais/bit-cube.new',
      href: 'https://github.com/cyberlais/bit-cube.new',
    });
  });

  it('cuts plain text with an ellipsis', () => {
    const s = shortSource('a'.repeat(50), 10);
    assert.equal(s.text, `${'a'.repeat(9)}…`);
    assert.equal(s.href, undefined);
    assert.equal(shortSource('vendor sheet').text, 'vendor sheet');
  });
});
