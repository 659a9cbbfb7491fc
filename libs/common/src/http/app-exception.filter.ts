import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { renderError } from './render-error.js';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}
interface RequestLike {
  id?: string;
  headers: Record<string, string | string[] | undefined>;
}

export function requestIdOf(req: RequestLike): string | undefined {
  const h = req.headers['x-request-id'];
  return (Array.isArray(h) ? h[0] : h) ?? req.id;
}

/** The one exception filter: every error leaves a Nest app as `{ error: { code, message, details, requestId } }`. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('AppExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<RequestLike>();
    const reply = http.getResponse<ReplyLike>();
    const requestId = requestIdOf(req);
    const rendered = renderError(exception, requestId);
    if (rendered.unexpected) {
      this.logger.error({ err: exception, requestId }, 'unhandled error');
    }
    for (const [k, v] of Object.entries(rendered.headers)) reply.header(k, v);
    reply.status(rendered.status).send(rendered.body);
  }
}
