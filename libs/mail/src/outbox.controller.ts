import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@harbour/access';
import { OutboxService } from './outbox.service';

@ApiTags('admin')
@Controller('admin/outbox')
@Authenticated({ permission: 'admin.outbox' })
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  list() {
    return this.outbox.list();
  }

  @Get(':id')
  read(@Param('id') id: string) {
    return this.outbox.read(id);
  }
}
