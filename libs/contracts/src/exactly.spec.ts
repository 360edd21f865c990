import type { Exactly } from './exactly';

interface Body {
  title: string;
  contentWarning?: string;
}

// The typecheck (npm test) is what holds these: each @ts-expect-error fails it when the error it marks is gone.
class Same implements Exactly<Body, Same> {
  title = 'a';
  contentWarning?: string;
}
// @ts-expect-error an optional field renamed on the DTO's side only
class RenamedOptional implements Exactly<Body, RenamedOptional> {
  title = 'a';
  warning?: string;
}
// @ts-expect-error a field the contract does not have
class Extra implements Exactly<Body, Extra> {
  title = 'a';
  contentWarning?: string;
  pinned?: boolean;
}
class WrongType implements Exactly<Body, WrongType> {
  // @ts-expect-error a field of another type
  title = 1;
}

describe('Exactly (request DTOs against their contract)', () => {
  it('lets through a DTO with the contract’s fields and refuses one renamed, added or retyped (see the typecheck)', () => {
    expect(Object.keys(new Same())).toEqual(['title']);
    expect([RenamedOptional, Extra, WrongType].map((dto) => dto.name)).toEqual(['RenamedOptional', 'Extra', 'WrongType']);
  });
});
