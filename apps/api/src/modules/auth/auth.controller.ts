import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { AUTH_ROUTES, type SessionResponse } from '@apilink/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Public } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { authConfig } from '../../config/auth.config';
import type { ConfigOf } from '../../config/define-config';
import { AuthService, type LoggedIn } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { CredentialsDto } from './dto/credentials.dto';
import type { UserEntity } from './entities/user.entity';
import { OpenBeforePasswordChange } from './open-before-password-change.decorator';
import { LocalAuthGuard } from './passport/local-auth.guard';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(authConfig.KEY) private readonly config: ConfigOf<typeof authConfig>,
  ) {}

  @Public()
  @Post(AUTH_ROUTES.signup)
  async signup(
    @Req() request: FastifyRequest,
    @Body() body: CredentialsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    return this.startSession(reply, await this.auth.signup(request.ip, body.email, body.password));
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post(AUTH_ROUTES.login)
  @HttpCode(200)
  async login(
    @Req() request: FastifyRequest & { user: UserEntity },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    return this.startSession(reply, await this.auth.login(request.user));
  }

  @Auth('session')
  @OpenBeforePasswordChange()
  @Post(AUTH_ROUTES.logout)
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(readSessionCookie(request));
    clearSessionCookie(reply, this.config.secureCookies);
  }

  @Auth('session')
  @OpenBeforePasswordChange()
  @Get(AUTH_ROUTES.me)
  async me(@CurrentSession() session: SessionPrincipal): Promise<SessionResponse> {
    return { user: await this.auth.me(session) };
  }

  @Auth('session')
  @OpenBeforePasswordChange()
  @Post(AUTH_ROUTES.changePassword)
  @HttpCode(204)
  async changePassword(
    @Req() request: FastifyRequest,
    @CurrentSession() session: SessionPrincipal,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(request.ip, session, readSessionCookie(request), body.currentPassword, body.newPassword);
  }

  private startSession(reply: FastifyReply, { user, session }: LoggedIn): SessionResponse {
    setSessionCookie(reply, session.token, session.expiresAt, this.config.secureCookies);
    return { user };
  }
}
