import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for all functions. Log event names, ids and codes only: never a request
 * body, a reporter's identity or contact, or a token.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'disclosure-intake' });
