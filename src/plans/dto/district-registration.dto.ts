import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { CodeField } from '../../http/dto-fields';

export class DistrictRegistrationDto {
  @CodeField('a district', {
    example: 'xuan-loc',
    description: "The caller's own district; other districts are refused (403)",
    required: false,
  })
  district?: string;

  @CodeField('a unit', {
    example: '26425',
    description:
      "The caller's own unit (`district` is its older name); other units are refused (403)",
    required: false,
  })
  unit?: string;

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
