import { MemberData, type MemberDataPart } from './member-data';

function part(name: string): MemberDataPart {
  return { name, export: () => Promise.resolve({}), erase: () => Promise.resolve() };
}

describe('MemberData', () => {
  it('walks accounts last, since it clears the identifiers the other parts find their rows by', () => {
    const registry = new MemberData();
    for (const name of ['forum', 'accounts', 'groups', 'mail']) registry.register(part(name));
    expect(registry.parts().map((p) => p.name)).toEqual(['forum', 'groups', 'mail', 'accounts']);
    expect(registry.names()).toEqual(['accounts', 'forum', 'groups', 'mail']);
  });

  it('keeps one part per lib (a module loaded twice does not erase twice)', () => {
    const registry = new MemberData();
    registry.register(part('forum'));
    registry.register(part('forum'));
    expect(registry.parts()).toHaveLength(1);
  });
});
