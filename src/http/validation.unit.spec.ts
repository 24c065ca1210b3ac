import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { problemFor, ValidationProblem } from './problem-details';
import { createValidationPipe } from './validation';
import { IsBusinessDate, IsVnd } from './validators';

class TargetDto {
  @IsString() @IsNotEmpty() indicator!: string;
  @IsInt() @Min(0) target!: number;
}

class BeneficiaryDto {
  @IsString() @IsNotEmpty() name!: string;
}

class RegisterDto {
  @IsInt() planYear!: number;
  @IsString() @IsNotEmpty() title!: string;
  @IsDefined() @ValidateNested() @Type(() => BeneficiaryDto) beneficiary!: BeneficiaryDto;
  @IsVnd() requestedFundingVnd!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => TargetDto) targets!: TargetDto[];
  @IsBusinessDate() plannedStart!: string;
  @IsOptional() @IsVnd() counterpartFundingVnd?: number;
}

const valid = () => ({
  planYear: 2024,
  title: 'Máy sấy nông sản',
  beneficiary: { name: 'Cơ sở Hòa Bình' },
  requestedFundingVnd: 250_000_000,
  targets: [
    { indicator: 'machines', target: 2 },
    { indicator: 'trainees', target: 30 },
  ],
  plannedStart: '2024-03-01',
});

async function validate(body: unknown): Promise<unknown> {
  return createValidationPipe().transform(body, { type: 'body', metatype: RegisterDto });
}

async function fieldErrors(body: unknown): Promise<{ field: string; message: string }[]> {
  const error = await validate(body).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationProblem);
  return [...(error as ValidationProblem).errors];
}

describe('the validation pipe', () => {
  it('lets a valid body through as DTO instances, nested ones included', async () => {
    const dto = (await validate(valid())) as RegisterDto;
    expect(dto).toBeInstanceOf(RegisterDto);
    expect(dto.targets[1]).toBeInstanceOf(TargetDto);
    expect(dto.beneficiary).toBeInstanceOf(BeneficiaryDto);
    expect(dto.requestedFundingVnd).toBe(250_000_000);
  });

  it('names a missing field', async () => {
    const { title: _title, ...body } = valid();
    expect(await fieldErrors(body)).toEqual([
      { field: 'title', message: 'title should not be empty' },
      { field: 'title', message: 'title must be a string' },
    ]);
  });

  it('refuses a fraction where a whole number is expected', async () => {
    expect(await fieldErrors({ ...valid(), planYear: 2024.5 })).toEqual([
      { field: 'planYear', message: 'planYear must be an integer number' },
    ]);
  });

  it('refuses a numeric string where an amount is expected, although it transforms', async () => {
    expect(await fieldErrors({ ...valid(), requestedFundingVnd: '250000000' })).toEqual([
      {
        field: 'requestedFundingVnd',
        message: expect.stringMatching(
          /^requestedFundingVnd must be a whole, non-negative number of VND/,
        ),
      },
    ]);
  });

  it('refuses a field the DTO does not declare', async () => {
    expect(await fieldErrors({ ...valid(), approvedFundingVnd: 1 })).toEqual([
      { field: 'approvedFundingVnd', message: 'property approvedFundingVnd should not exist' },
    ]);
  });

  it('names nested fields by their path in the body', async () => {
    const body = {
      ...valid(),
      beneficiary: { name: '' },
      targets: [
        { indicator: 'machines', target: 2 },
        { target: -1 },
        { indicator: 'x', target: 1, note: 'extra' },
      ],
    };
    expect(await fieldErrors(body)).toEqual(
      expect.arrayContaining([
        { field: 'beneficiary.name', message: 'name should not be empty' },
        { field: 'targets[1].indicator', message: 'indicator must be a string' },
        { field: 'targets[1].target', message: 'target must not be less than 0' },
        { field: 'targets[2].note', message: 'property note should not exist' },
      ]),
    );
    expect((await fieldErrors(body)).map((e) => e.field)).not.toContain('targets[0].indicator');
  });

  it('answers 400 problem details listing the errors', async () => {
    const error = await validate({ ...valid(), planYear: 'next year' }).catch((e: unknown) => e);
    const { problem } = problemFor(error, '/api/v1/projects');
    expect(problem).toEqual({
      type: 'https://khuyencong.example/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'The request is not valid; see errors',
      instance: '/api/v1/projects',
      code: 'validation_failed',
      errors: [{ field: 'planYear', message: 'planYear must be an integer number' }],
    });
  });
});
