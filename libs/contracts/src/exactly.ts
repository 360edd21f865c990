/** The fields one of the two types has and the other has not. */
type OnlyInOne<Contract, Dto> = Exclude<keyof Dto, keyof Contract> | Exclude<keyof Contract, keyof Dto>;

/**
 * For a request DTO: `class CreateTopicDto implements Exactly<CreateTopicBody, CreateTopicDto>`. Plain
 * `implements` lets an optional field be renamed on one side only (the class still fits); this also
 * requires the same field names on both sides, naming each field that is in only one of them.
 */
export type Exactly<Contract, Dto> = [OnlyInOne<Contract, Dto>] extends [never]
  ? Contract
  : Contract & { [K in OnlyInOne<Contract, Dto> & string as `field "${K}" must be in both the contract and the DTO`]: never };

/**
 * A request as the server holds it once validated: the fields of `P` replace the wire's (an ISO date
 * string becomes a `Date`).
 */
export type Parsed<Request, P extends { [K in keyof Request]?: unknown }> = Omit<Request, keyof P> & P;
