import ts from 'typescript';

const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral;

/** An OpenAPI 3.0 schema object, as plain JSON. */
export interface JsonSchema {
  type?: 'string' | 'number' | 'boolean' | 'object' | 'array';
  enum?: (string | number | boolean)[];
  nullable?: boolean;
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/**
 * Turns the TypeScript types of the API's answers into OpenAPI schemas. The answers are interfaces in
 * libs/contracts (shared with the React client, so they cannot carry Nest decorators): reading them with the
 * type checker keeps one source for each shape instead of a decorated copy that could drift from it.
 * Interfaces and object aliases declared in libs/contracts become named components; everything else
 * (PageDto<TopicDto>, `{ items: GroupDto[] }`, Pick<…>, intersections) is written inline.
 */
export class SchemaWriter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly componentSources = new Map<string, ts.Type>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly contractsDir: string,
  ) {}

  /** The schema of a type, or null when nothing is sent (void). */
  write(type: ts.Type): JsonSchema | null {
    if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) return null;
    return this.schema(type);
  }

  private schema(type: ts.Type): JsonSchema {
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (flags & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [this.checker.typeToString(type) === 'true'] };
    if (flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (type.isUnion()) return this.union(type.types);
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: element ? this.schema(element) : {} };
    }
    const name = this.componentName(type);
    if (name) return { $ref: this.component(name, type) };
    return this.object(type);
  }

  /** `string | null` is a nullable string; literals of one kind are one enum; other unions are a oneOf. */
  private union(members: ts.Type[]): JsonSchema {
    const nullable = members.some((member) => member.flags & ts.TypeFlags.Null);
    const rest = members.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const literals = rest.filter((member) => member.flags & LITERAL);
    // 'subscribers' | 'members' | { groupId }: the literals stay one enum beside the other shapes.
    const parts = [...this.enums(literals), ...rest.filter((member) => !(member.flags & LITERAL)).map((member) => this.schema(member))];
    const schema = parts.length === 1 && parts[0] ? parts[0] : { oneOf: parts };
    if (!nullable) return schema;
    return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }

  /** One enum per kind of literal; `true | false` (how TypeScript spells boolean) is a plain boolean. */
  private enums(literals: ts.Type[]): JsonSchema[] {
    const kinds = new Map<NonNullable<JsonSchema['type']>, (string | number | boolean)[]>();
    for (const literal of literals) {
      const { type = 'string', enum: values = [] } = this.schema(literal);
      kinds.set(type, [...(kinds.get(type) ?? []), ...values]);
    }
    return [...kinds].map(([type, values]) => (type === 'boolean' && values.length === 2 ? { type } : { type, enum: values }));
  }

  private object(type: ts.Type): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const propertyType = this.checker.getTypeOfSymbol(property);
      const schema = this.schema(propertyType); // union() drops the undefined that `?` adds
      const description = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
      properties[property.name] = description ? this.described(schema, description) : schema;
      if (!optional) required.push(property.name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    const index = this.checker.getIndexInfosOfType(type)[0];
    if (index) schema.additionalProperties = this.schema(index.type);
    return schema;
  }

  /** A $ref cannot carry siblings in OpenAPI 3.0, so a described reference is wrapped in allOf. */
  private described(schema: JsonSchema, description: string): JsonSchema {
    return schema.$ref ? { allOf: [schema], description } : { ...schema, description };
  }

  /** Interfaces and object aliases of libs/contracts that take no type arguments are named components. */
  private componentName(type: ts.Type): string | null {
    const alias = type.aliasSymbol;
    if (alias && !type.aliasTypeArguments?.length && this.declaredInContracts(alias)) return alias.name;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & ts.SymbolFlags.Interface) || !this.declaredInContracts(symbol)) return null;
    if ((type as ts.TypeReference).typeArguments?.length) return null;
    return symbol.name;
  }

  private declaredInContracts(symbol: ts.Symbol): boolean {
    return (symbol.declarations ?? []).some((declaration) => declaration.getSourceFile().fileName.startsWith(this.contractsDir));
  }

  private component(name: string, type: ts.Type): string {
    const seen = this.componentSources.get(name);
    if (seen && seen !== type) throw new Error(`Two different contract types are both named ${name}`);
    if (!seen) {
      this.componentSources.set(name, type);
      this.components[name] = {}; // reserved first, so a type that refers to itself ends
      const symbol = type.aliasSymbol ?? type.getSymbol();
      const description = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim() : '';
      const schema = this.object(type);
      this.components[name] = description ? { ...schema, description } : schema;
    }
    return `#/components/schemas/${name}`;
  }
}
