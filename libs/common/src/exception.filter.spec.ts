import { BadRequestException, Logger, type ArgumentsHost } from '@nestjs/common';
import { HarbourExceptionFilter } from './exception.filter';
import { ConflictError, NotFoundError, RateLimitedError } from './domain-errors';

function run(exception: unknown): { status: number; body: unknown; headers: Record<string, string> } {
  const result = { status: 0, body: undefined as unknown, headers: {} as Record<string, string> };
  const response = {
    setHeader: (name: string, value: string) => (result.headers[name] = value),
    status: (code: number) => {
      result.status = code;
      return { json: (body: unknown) => (result.body = body) };
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HarbourExceptionFilter().catch(exception, host);
  return result;
}

describe('the exception filter', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('maps domain errors to the status codes of api.md, in the error shape', () => {
    expect(run(new NotFoundError())).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Not Found', error: 'Not Found' } });
    expect(run(new ConflictError('username is already taken')).body).toEqual({
      statusCode: 409,
      message: 'username is already taken',
      error: 'Conflict',
    });
  });

  it('sends Retry-After with a 429', () => {
    const result = run(new RateLimitedError(42));
    expect(result.status).toBe(429);
    expect(result.headers['Retry-After']).toBe('42');
  });

  it('keeps the validation messages that name each field', () => {
    const result = run(new BadRequestException(['email must be an email address', 'password must be 8 to 200 characters long']));
    expect(result.body).toEqual({
      statusCode: 400,
      message: ['email must be an email address', 'password must be 8 to 200 characters long'],
      error: 'Bad Request',
    });
  });

  it('answers body-parser failures with 400 and 413, and anything unexpected with a bare 500', () => {
    expect(run({ status: 400, type: 'entity.parse.failed' }).status).toBe(400);
    expect(run({ status: 413, type: 'entity.too.large' }).status).toBe(413);
    // As Nest's Express adapter hands them over: wrapped, with the parser's own words as the message.
    const parseError = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed' });
    expect(run(new BadRequestException(parseError.message, { cause: parseError })).body).toEqual({
      statusCode: 400,
      message: 'The request body is not valid JSON',
      error: 'Bad Request',
    });
    const uri = Object.assign(new URIError('URI malformed'), { status: 400 });
    expect(run(new BadRequestException(uri.message, { cause: uri })).body).toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('%-escape'),
    });
    const crash = run(new Error('relation "secret_table" does not exist'));
    expect(crash).toMatchObject({ status: 500, body: { statusCode: 500, message: 'Internal server error' } });
    expect(JSON.stringify(crash.body)).not.toContain('secret_table');
  });

  it('answers a value PostgreSQL refused with a 400 and warns in one line, without a stack', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const error = jest.spyOn(Logger.prototype, 'error');
    const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      driverError: { code: '22021', routine: 'report_invalid_encoding' },
    });
    expect(run(refused)).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
    expect(run(Object.assign(new Error('date/time field value out of range'), { code: '22008' })).status).toBe(400);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toContain('(22021 in report_invalid_encoding)');
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('\n    at ');
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('0x00');
    expect(error).not.toHaveBeenCalled();
    expect(run(Object.assign(new Error('deadlock detected'), { code: '40P01' })).status).toBe(500);
    jest.restoreAllMocks();
  });

  it('answers a write that named a row removed meanwhile (a race) with a 409, warning in one line', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const error = jest.spyOn(Logger.prototype, 'error');
    const raced = Object.assign(new Error('insert or update on table "topics" violates foreign key constraint'), {
      driverError: { code: '23503' },
    });
    expect(run(raced)).toMatchObject({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: expect.stringContaining('removed') },
    });
    expect(JSON.stringify(run(raced).body)).not.toContain('topics');
    expect(String(warn.mock.calls[0]?.[0])).toContain('23503');
    expect(error).not.toHaveBeenCalled();
    jest.restoreAllMocks();
  });
});
