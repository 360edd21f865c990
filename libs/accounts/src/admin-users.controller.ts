import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import type { AdminUserDto, PageDto } from '@harbour/contracts';
import { CreateAccountDto, ListUsersQueryDto, UpdateUserRoleDto } from './account.dtos';
import { AdminAccountsService } from './admin-accounts.service';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin')
@Controller('admin/users')
@Authenticated({ permission: 'admin.users' })
export class AdminUsersController {
  constructor(
    private readonly adminUsers: AdminUsersService,
    private readonly accounts: AdminAccountsService,
  ) {}

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAccountDto): Promise<AdminUserDto> {
    return this.accounts.create(caller, dto);
  }

  @Get()
  list(@Query() query: ListUsersQueryDto): Promise<PageDto<AdminUserDto>> {
    return this.adminUsers.list(query);
  }

  @Patch(':id')
  changeRole(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UpdateUserRoleDto): Promise<AdminUserDto> {
    return this.adminUsers.changeRole(caller, id, dto.role);
  }

  @Post(':id/approve')
  @HttpCode(204)
  approve(@Param('id') id: string): Promise<void> {
    return this.adminUsers.approve(id);
  }
}
