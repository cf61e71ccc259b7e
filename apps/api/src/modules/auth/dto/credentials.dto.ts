import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type SignupRequest } from '@apilink/contracts';
import { Transform } from 'class-transformer';
import { trimString } from '../../../common/dto/trim-string';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class CredentialsDto implements SignupRequest {
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  })
  password: string;
}
