import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { Public } from '../auth/auth.decorators';
import { signDevToken } from '../auth/dev-token';
import { SETTINGS, type Settings } from '../config/settings';
import { NotFoundProblem } from '../http/problem-details';
import { ApiProblems } from '../http/openapi/api-problems.decorator';
import { Clock } from '../platform/clock';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import {
  isCenterUnit,
  registeringKeyOf,
  registeringUnits,
  unitCodeOf,
} from '../reference-data/registering-units';
import { ruleBroken } from '../shared/domain-error';
import { consoleConfig, devSignInAllowed, type ConsoleConfig } from './console-sign-in';
import { ConsoleConfigResponse, DevTokenDto, DevTokenResponse } from './dto/dev-token.dto';

/** A working day, or less when AUTH_MAX_TOKEN_AGE is shorter. */
const DEV_TOKEN_SECONDS = 8 * 3600;

/** How the console signs in, and the development sign-in itself. Both need no token. */
@ApiTags('console')
@Controller()
export class ConsoleController {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  @Get('console/config')
  @Public()
  @ApiOperation({
    summary: 'How the console signs in: the identity provider, or development sign-in',
    security: [],
  })
  @ApiOkResponse({ type: ConsoleConfigResponse })
  @ApiProblems(429)
  config(): ConsoleConfig {
    return consoleConfig(this.settings, this.referenceData.current(), this.clock.today());
  }

  @Post('dev/token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Development only: a token for a chosen role and unit (404 in production and with an identity provider)',
    security: [],
  })
  @ApiOkResponse({ type: DevTokenResponse })
  @ApiProblems(400, 404, 413, 415, 422, 429)
  async devToken(@Body() body: DevTokenDto): Promise<DevTokenResponse> {
    const { auth } = this.settings;
    if (!devSignInAllowed(this.settings) || auth.kind !== 'hs256')
      throw new NotFoundProblem('Not found', 'not_found');
    const reference = this.referenceData.current();
    const unitOfficer = body.role === 'unit_officer';
    let unitKey: string | undefined;
    if (unitOfficer) {
      if (body.unit === undefined)
        throw ruleBroken('required', 'unit is required for a unit_officer', 'unit');
      unitKey = registeringKeyOf(reference, body.unit);
      if (!Object.hasOwn(registeringUnits(reference), unitKey))
        throw ruleBroken(
          'unknown_district',
          `${body.unit} is not a known registering unit`,
          'unit',
        );
      if (isCenterUnit(reference, unitKey))
        throw ruleBroken(
          'center_unit_reserved',
          `${body.unit} is the Center's own unit: its tasks are the Center officers'`,
          'unit',
        );
    }
    const name = body.name?.trim() || `Người dùng thử (${body.role})`;
    // The same name, role and unit sign in as the same person, so their steps are theirs.
    const person = createHash('sha256')
      .update(`${body.role}\n${unitKey ?? ''}\n${name}`)
      .digest('hex');
    const sub = `dev-${body.role}-${person.slice(0, 12)}`;
    const expiresIn = Math.min(DEV_TOKEN_SECONDS, auth.maxTokenAgeSeconds ?? DEV_TOKEN_SECONDS);
    const token = await signDevToken(
      auth,
      {
        sub,
        name,
        roles: [body.role === 'unit_officer' ? 'district_officer' : body.role],
        ...(unitKey !== undefined && { district: unitKey }),
        ttlSeconds: expiresIn,
      },
      Math.floor(this.clock.now().getTime() / 1000),
    );
    const unit = unitKey !== undefined ? unitCodeOf(reference, unitKey) : undefined;
    return {
      token,
      expiresIn,
      actor: { sub, name, role: body.role, ...(unit !== undefined && { unit }) },
    };
  }
}
