const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are database UUIDs; anything else in a path can only be "not found", never a 500 from PostgreSQL. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
