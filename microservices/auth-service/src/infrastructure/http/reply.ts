/** The part of Fastify's reply a controller uses to set headers (cookies). */
export interface HeaderReply {
  header(name: string, value: string): unknown;
}
