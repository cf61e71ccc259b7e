import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';

/**
 * The append-only audit log. Any module that changes something on an operator's behalf imports
 * this and calls AuditService.record inside its transaction; admins read it through /api/admin.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntryEntity])],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
