import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from '../../common/errors/app-error';
import { UsersService } from '../auth/users.service';

/** A `:userId` route parameter that names an existing user; anything else is a 404 before the handler runs. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly users: UsersService) {}

  async transform(value: string): Promise<string> {
    if (!isUUID(value)) throw AppError.notFound(`No user with id ${value}`);
    await this.users.getById(value);
    return value;
  }
}
