import dns2 from 'dns2';

const { Packet } = dns2;

/**
 * A real DNS server on 127.0.0.1 (UDP, random port) answering TXT queries from a table the test
 * edits; names marked broken answer SERVFAIL, anything else NXDOMAIN.
 */
export class LocalDnsServer {
  private readonly txt = new Map<string, string[][]>();
  private readonly broken = new Set<string>();
  private readonly server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const question = request.questions[0];
      const name = question?.name.toLowerCase() ?? '';
      const records = this.txt.get(name);
      if (this.broken.has(name)) {
        response.header.rcode = 2; // SERVFAIL
      } else if (question && records && question.type === Packet.TYPE.TXT) {
        for (const chunks of records) {
          response.answers.push(
            Packet.createResourceFromQuestion(question, {
              type: Packet.TYPE.TXT,
              class: Packet.CLASS.IN,
              ttl: 1,
              data: chunks,
            }),
          );
        }
      } else {
        response.header.rcode = 3; // NXDOMAIN
      }
      send(response);
    },
  });
  private address: { port: number } | undefined;

  async start(): Promise<this> {
    await this.server.listen({ udp: { port: 0, address: '127.0.0.1' } });
    const udp = this.server.addresses().udp;
    if (!udp) throw new Error('the DNS server did not bind');
    this.address = { port: udp.port };
    return this;
  }

  /** `127.0.0.1:<port>`, for `DNS_SERVERS`. */
  get endpoint(): string {
    if (!this.address) throw new Error('the DNS server is not started');
    return `127.0.0.1:${this.address.port}`;
  }

  /** Publishes TXT records at `name`, each given as its character-strings. */
  setTxt(name: string, ...records: string[][]): void {
    this.txt.set(name.toLowerCase(), records);
  }

  breakName(name: string): void {
    this.broken.add(name.toLowerCase());
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}
