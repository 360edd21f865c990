import { cutText } from './text';
import { findHostileText } from './hostile-input.pipe';

describe('cutText', () => {
  it('keeps short text whole and cuts long text at the limit', () => {
    expect(cutText('hello', 10)).toBe('hello');
    expect(cutText('hello world', 5)).toBe('hello');
  });

  it('never leaves half an emoji (a lone surrogate jsonb would refuse)', () => {
    const text = `abcd${'😀'}efg`;
    expect(cutText(text, 5)).toBe('abcd');
    expect(cutText(text, 6)).toBe('abcd😀');
    expect(findHostileText(cutText('😀'.repeat(100), 139), 'excerpt')).toBeNull();
  });
});
