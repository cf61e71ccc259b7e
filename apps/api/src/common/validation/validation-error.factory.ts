import type { ValidationError } from '@nestjs/common';
import { AppError } from '../errors/app-error';

function firstProblem(errors: ValidationError[], parent = ''): { param: string; message: string } | null {
  for (const error of errors) {
    const param = parent ? `${parent}.${error.property}` : error.property;
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { param, message };
    const nested = firstProblem(error.children ?? [], param);
    if (nested) return nested;
  }
  return null;
}

/** class-validator failures become a 400 whose `param` names the first offending field. */
export function validationErrorFactory(errors: ValidationError[]): AppError {
  const problem = firstProblem(errors);
  if (!problem) return AppError.invalidRequest('Invalid request body');
  const message = problem.message.includes(problem.param) ? problem.message : `${problem.param}: ${problem.message}`;
  return AppError.invalidRequest(message, problem.param);
}
