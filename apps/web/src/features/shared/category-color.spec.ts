import type { CategoryDto } from '@harbour/contracts';
import { categoryStyle, contrastWithWhite, hueOf, PRESET_COLORS } from './category-color';
import { orderCategories, siblingsOf } from './category-order';

describe('category colours', () => {
  it('offers only preset colours whose text stays readable on white (WCAG AA, 4.5:1)', () => {
    for (const [name, color] of Object.entries(PRESET_COLORS))
      expect({ name, ok: contrastWithWhite(color) >= 4.5 }).toEqual({ name, ok: true });
    expect(contrastWithWhite('#ffff00')).toBeLessThan(3);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
  });

  it('draws a chosen colour as is, with its hue for text; without one, a stable hue from the id', () => {
    expect([hueOf('#ff0000'), hueOf('#00ff00'), hueOf('#0000ff'), hueOf('#808080')]).toEqual([0, 120, 240, 0]);
    expect(categoryStyle({ id: 'x', color: '#1d4ed8' })).toEqual({ '--category-hue': 224, '--category-color': '#1d4ed8' });
    const derived = categoryStyle({ id: 'some-id', color: null });
    expect(Object.keys(derived)).toEqual(['--category-hue']);
    expect(categoryStyle({ id: 'some-id' })).toEqual(derived);
  });
});

describe('category order', () => {
  const category = (id: string, fields: Partial<CategoryDto>): CategoryDto =>
    ({ id, name: id, groupId: null, parentId: null, position: 0, ...fields }) as CategoryDto;

  it('puts the site’s categories first in their order, each child after its parent, then each group’s spaces', () => {
    const items = [
      category('space', { groupId: 'g1', position: 0 }),
      category('b', { position: 1 }),
      category('a', { position: 0 }),
      category('a2', { parentId: 'a', position: 1 }),
      category('a1', { parentId: 'a', position: 0 }),
      category('orphan', { parentId: 'hidden-parent', position: 2 }),
    ];
    expect(orderCategories(items).map(({ category: c, depth }) => `${c.id}:${depth}`)).toEqual([
      'a:0',
      'a1:1',
      'a2:1',
      'b:0',
      'orphan:0',
      'space:0',
    ]);
    expect(siblingsOf(items, items[3]!).map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(siblingsOf(items, items[1]!).map((c) => c.id)).toEqual(['a', 'b']); // the orphan's siblings share its (hidden) parent, as the server counts them
  });
});
