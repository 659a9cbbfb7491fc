import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSslWirelessSms } from './fake-ssl-wireless.server.js';

let fake: FakeSslWirelessSms;

beforeAll(async () => {
  fake = await FakeSslWirelessSms.start({ tps: 50, blockedNumbers: ['8801999999999'] });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

async function post(path: string, body: unknown): Promise<{ http: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, fake.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { http: res.status, json: (await res.json()) as Record<string, unknown> };
}

const auth = () => ({ api_token: fake.apiToken, sid: fake.sid });

describe('the fake SSL Wireless gateway', () => {
  it('accepts a single SMS, returns its reference id and records it', async () => {
    const r = await post('send-sms', { ...auth(), msisdn: '01712345678', sms: 'Code 1234', csms_id: 'a1' });
    expect(r.http).toBe(200);
    expect(r.json).toMatchObject({ status: 'SUCCESS', status_code: 200 });
    const info = (r.json.smsinfo as Record<string, string>[])[0];
    expect(info).toMatchObject({ msisdn: '8801712345678', sms_type: 'EN', csms_id: 'a1' });
    expect(info?.reference_id).toMatch(/^\d+$/);
    expect(fake.messages('+8801712345678')).toMatchObject([
      { text: 'Code 1234', referenceId: info?.reference_id },
    ]);
    const listed = (await (await fetch(new URL('/__fake/messages', fake.url))).json()) as {
      messages: unknown[];
    };
    expect(listed.messages).toHaveLength(1);
  });

  it('answers every refusal with HTTP 200 and the status in the body', async () => {
    const cases: [unknown, number][] = [
      [{ ...auth(), api_token: 'wrong', msisdn: '01712345678', sms: 'x', csms_id: 'b1' }, 4001],
      [{ ...auth(), sid: 'OTHER', msisdn: '01712345678', sms: 'x', csms_id: 'b2' }, 4002],
      ['{not json', 4005],
      [{ ...auth(), msisdn: '01712345678', csms_id: 'b3' }, 4022],
      [{ ...auth(), msisdn: '0171234', sms: 'x', csms_id: 'b4' }, 4025],
      [{ ...auth(), msisdn: '01999999999', sms: 'x', csms_id: 'b5' }, 4026],
      [{ ...auth(), msisdn: '01712345678', sms: 'অ'.repeat(671), csms_id: 'b6' }, 4027],
    ];
    for (const [body, code] of cases) {
      const r = await post('send-sms', body);
      expect(r.http).toBe(200);
      expect(r.json, String(code)).toMatchObject({ status: 'FAILED', status_code: code });
    }
    expect((await post('no-such-endpoint', auth())).json.status_code).toBe(4004);
    expect(fake.messages()).toHaveLength(0);
  });

  it('refuses a repeated csms_id with 4023 and sends nothing twice', async () => {
    const sms = { ...auth(), msisdn: '01712345678', sms: 'once', csms_id: 'dup-1' };
    expect((await post('send-sms', sms)).json.status_code).toBe(200);
    expect((await post('send-sms', sms)).json.status_code).toBe(4023);
    expect(fake.messages()).toHaveLength(1);
  });

  it('fails on demand, and records a message it answers late', async () => {
    fake.failNext(2, 5000);
    const sms = { ...auth(), msisdn: '01712345678', sms: 'hi', csms_id: 'f1' };
    expect((await post('send-sms', sms)).json.status_code).toBe(5000);
    expect((await post('send-sms', sms)).json.status_code).toBe(5000);
    fake.delayNextAcceptance(300);
    const started = Date.now();
    expect((await post('send-sms', sms)).json.status_code).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.messages()).toHaveLength(1);
  });

  it('limits requests per second with 4031', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        post('send-sms', { ...auth(), msisdn: '01712345678', sms: 'x', csms_id: `t${i}` }),
      ),
    );
    const codes = answers.map((a) => a.json.status_code);
    expect(codes.filter((c) => c === 200)).toHaveLength(50);
    expect(codes.filter((c) => c === 4031)).toHaveLength(10);
  });

  it('sends bulk and dynamic messages, checking every number', async () => {
    const bulk = await post('send-sms/bulk', {
      ...auth(),
      msisdn: '01712345678,01812345678',
      sms: 'Sale',
      batch_csms_id: 'batch-1',
    });
    expect(bulk.json.smsinfo).toHaveLength(2);
    const dynamic = await post('send-sms/dynamic', {
      ...auth(),
      sms: [
        { msisdn: '01712345678', text: 'আপনার কোড ১২৩৪', csms_id: 'd1' },
        { msisdn: '01912345678', text: 'Code 5678', csms_id: 'd2' },
      ],
    });
    expect(dynamic.json).toMatchObject({
      status_code: 200,
      smsinfo: [{ sms_type: 'UNICODE' }, { sms_type: 'EN' }],
    });
    const bad = await post('send-sms/bulk', {
      ...auth(),
      msisdn: ['01712345678', 'nope'],
      sms: 'x',
      batch_csms_id: 'b',
    });
    expect(bad.json.status_code).toBe(4025);
    expect(fake.messages()).toHaveLength(4);
  });
});
