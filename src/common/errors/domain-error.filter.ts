import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from './error-code.js';

/**
 * Domain errors are answers, not failures: hand them to GraphQL as they are
 * (formatGraphQLError gives them their code) without Nest logging a stack
 * trace for every unknown id. Unexpected errors still reach the log.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
