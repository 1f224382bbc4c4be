import { describe, expect, it } from 'vitest';
import { PING, POS, STOCK } from './fixtures';
import { codesOf, errorsOf, isSuccess, post, startSimulator } from './testing';

describe('Alma simulator: transport, envelope and credentials', () => {
  it('answers a ping with Success, the same EchoData and EchoToken, the OTA envelope', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, PING);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(answer.rootName).toBe('OTA_PingRS');
    expect(isSuccess(answer)).toBe(true);
    expect(answer.root).toMatchObject({
      xmlns: 'http://www.opentravel.org/OTA/2003/05',
      Version: '1.0',
      TimeStamp: '2026-11-21T09:00:00Z',
      EchoToken: '0b6f2a52-8f59-4c1e-9d7c-3d1f2b8a9e01',
      EchoData: 'Pigeonnier',
    });
    expect(answer.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(sim.requests()).toEqual([expect.objectContaining({ message: 'OTA_PingRQ', outcome: 'ok', httpStatus: 200, errorCodes: [], at: '2026-11-21T09:00:00Z' })]);
  });

  it('escapes what it echoes (the answer is built, not pasted)', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, PING.replace('<EchoData>Pigeonnier</EchoData>', '<EchoData>Gîte &amp; &lt;chambres&gt;</EchoData>'));
    expect(answer.text).toContain('<EchoData>Gîte &amp; &lt;chambres&gt;</EchoData>');
    expect(answer.root.EchoData).toBe('Gîte & <chambres>');
  });

  it('refuses wrong credentials with an OTA error of type 4, and changes nothing', async () => {
    const sim = await startSimulator();
    const wrongPassword = await post(sim.url, STOCK.replace('MessagePassword="alma-demo-2026"', 'MessagePassword="nope"'));
    expect(wrongPassword.status).toBe(200);
    expect(wrongPassword.rootName).toBe('OTA_HotelAvailNotifRS');
    expect(codesOf(wrongPassword)).toEqual([['4', '497']]);
    expect(wrongPassword.root).not.toHaveProperty('Success');
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBeUndefined();

    const wrongUser = await post(sim.url, PING.replace('ID="gite-des-lilas"', 'ID="gite-des-roses"'));
    expect(codesOf(wrongUser)).toEqual([['4', '497']]);
    const noPassword = await post(sim.url, PING.replace(' MessagePassword="alma-demo-2026"', ''));
    expect(codesOf(noPassword)).toEqual([['4', '497']]);
    expect(sim.requests().map((r) => [r.outcome, r.errorCodes])).toEqual([
      ['error', [497]],
      ['error', [497]],
      ['error', [497]],
    ]);
  });

  it('answers 401 only when the request carries no credentials at all', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, PING.replace(POS, ''));
    expect(answer.status).toBe(401);
    expect(sim.requests()[0]).toMatchObject({ message: 'OTA_PingRQ', outcome: 'rejected', httpStatus: 401 });
  });

  it.each([
    ['no EchoToken', (x: string) => x.replace(' EchoToken="0b6f2a52-8f59-4c1e-9d7c-3d1f2b8a9e01"', ''), '321'],
    ['an EchoToken that is not a UUID', (x: string) => x.replace('0b6f2a52-8f59-4c1e-9d7c-3d1f2b8a9e01', 'token-1'), '320'],
    ['no namespace', (x: string) => x.replace(' xmlns="http://www.opentravel.org/OTA/2003/05"', ''), '321'],
    ['another namespace', (x: string) => x.replace('OTA/2003/05', 'OTA/2004/01'), '320'],
    ['Version 2.0', (x: string) => x.replace('Version="1.0"', 'Version="2.0"'), '320'],
    ['no TimeStamp', (x: string) => x.replace(' TimeStamp="2026-11-21T09:00:00Z"', ''), '321'],
    ['a TimeStamp with an offset', (x: string) => x.replace('2026-11-21T09:00:00Z', '2026-11-21T10:00:00+01:00'), '320'],
    ['no EchoData', (x: string) => x.replace('<EchoData>Pigeonnier</EchoData>', ''), '321'],
  ])('refuses a ping with %s', async (_what, change, code) => {
    const sim = await startSimulator();
    const answer = await post(sim.url, change(PING));
    expect(answer.status).toBe(200);
    expect(codesOf(answer)).toEqual([['3', code]]);
    expect(errorsOf(answer)[0]!['#text']).not.toBe('');
  });

  it('echoes the EchoToken on an error answer too', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, PING.replace('alma-demo-2026', 'nope'));
    expect(answer.root.EchoToken).toBe('0b6f2a52-8f59-4c1e-9d7c-3d1f2b8a9e01');
  });

  it('refuses what is not an OTA request at the HTTP level', async () => {
    const sim = await startSimulator();
    expect((await post(sim.url, PING, 'text/plain')).status).toBe(415);
    expect((await post(sim.url, PING, 'application/xml; charset=iso-8859-1')).status).toBe(415);
    expect((await post(sim.url, PING, 'application/xml')).status).toBe(200);
    expect((await post(sim.url, '<OTA_PingRQ><POS>')).status).toBe(400);
    expect((await post(sim.url, PING.replace(/OTA_PingRQ/g, 'OTA_HotelSearchRQ'))).status).toBe(400);
    expect((await post(sim.url.replace('/ota', '/other'), PING)).status).toBe(404);
    const get = await fetch(sim.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(sim.requests().map((r) => r.httpStatus)).toEqual([415, 415, 200, 400, 400, 404, 405]);
  });

  it('serves the endpoint at the configured path', async () => {
    const sim = await startSimulator({ path: '/alma/v1/ota' });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/alma\/v1\/ota$/);
    expect(isSuccess(await post(sim.url, PING))).toBe(true);
  });

  it('checks the credentials it was started with', async () => {
    const sim = await startSimulator({ userName: 'mas-des-oliviers', password: 's3cret' });
    expect(codesOf(await post(sim.url, PING))).toEqual([['4', '497']]);
    expect(isSuccess(await post(sim.url, PING.replace('gite-des-lilas', 'mas-des-oliviers').replace('alma-demo-2026', 's3cret')))).toBe(true);
  });
});
