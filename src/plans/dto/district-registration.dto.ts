import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';
import { CODE_PATTERN } from '../../projects/dto/shared.dto';

export class DistrictRegistrationDto {
  @ApiPropertyOptional({
    example: 'xuan-loc',
    description: "The caller's own district; other districts are refused (403)",
  })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'district must be a district code' })
  district?: string;

  @ApiProperty({
    type: [String],
    example: [],
    description:
      'Projects of this district registered for the year; empty means "nothing to register"',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'projectIds must hold project ids' })
  projectIds!: string[];
}
