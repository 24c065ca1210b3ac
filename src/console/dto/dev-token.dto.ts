import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChoiceField, TextField } from '../../http/dto-fields';
import { CONSOLE_ROLES, type ConsoleRole } from '../console-sign-in';

/** POST /dev/token: the role (and unit) to sign in as on the development sign-in page. */
export class DevTokenDto {
  @ChoiceField(CONSOLE_ROLES, { example: 'center_officer' })
  role!: ConsoleRole;

  @TextField(64, {
    required: false,
    example: '26116',
    description:
      'The unit of a unit_officer (its code, or a former district key); required for that role',
  })
  unit?: string;

  @TextField(200, { required: false, example: 'Nguyễn Văn A' })
  name?: string;
}

export class DevTokenActor {
  @ApiProperty({ example: 'dev-center_officer-1a2b3c4d' })
  readonly sub!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  readonly name!: string;

  @ApiProperty({ enum: CONSOLE_ROLES, example: 'center_officer' })
  readonly role!: ConsoleRole;

  @ApiPropertyOptional({ example: '26116' })
  readonly unit?: string;
}

export class DevTokenResponse {
  @ApiProperty({ description: 'A bearer token signed with the development secret' })
  readonly token!: string;

  @ApiProperty({ example: 28800, description: 'Seconds until it expires' })
  readonly expiresIn!: number;

  @ApiProperty({ type: DevTokenActor })
  readonly actor!: DevTokenActor;
}

class ConsoleOidc {
  @ApiProperty({ example: 'https://idp.example/realms/khuyen-cong' })
  readonly issuer!: string;

  @ApiProperty({ example: 'khuyen-cong-console' })
  readonly clientId!: string;

  @ApiProperty({ example: ['openid', 'profile'] })
  readonly scopes!: string[];
}

class ConsoleUnit {
  @ApiProperty({ example: '26116' })
  readonly code!: string;

  @ApiProperty({ example: 'Phường Trấn Biên' })
  readonly name!: string;
}

export class ConsoleConfigResponse {
  @ApiProperty({ enum: ['development', 'oidc'] })
  readonly signIn!: 'development' | 'oidc';

  @ApiProperty({ type: ConsoleOidc, nullable: true })
  readonly oidc!: ConsoleOidc | null;

  @ApiProperty({ enum: CONSOLE_ROLES, isArray: true })
  readonly roles!: ConsoleRole[];

  @ApiPropertyOptional({
    type: [ConsoleUnit],
    description: 'The registering units in force today; only when signIn is development',
  })
  readonly units?: ConsoleUnit[];
}
