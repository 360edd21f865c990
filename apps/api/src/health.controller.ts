import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@harbour/access';

const HEALTH_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * For load balancers and uptime checks: 200 when the database answers, 503 when it does not, or not
   * within two seconds (a database that hangs is as gone as one that refuses, and a check must not hang).
   */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<{ status: string; db: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer within 2 s')), HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { status: 'ok', db: 'ok' };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', db: 'error' };
    } finally {
      clearTimeout(timer);
    }
  }
}
