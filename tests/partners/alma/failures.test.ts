import { describe, expect, it } from 'vitest';
import { ack, PING, READ, STOCK } from './fixtures';
import { codesOf, isSuccess, post, startSimulator } from './testing';

/** The low-level cause of a failed fetch (ECONNREFUSED, ECONNRESET, …), or the error's name. */
async function failureOf(request: Promise<unknown>): Promise<string> {
  try {
    await request;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
  throw new Error('The request did not fail');
}

describe('Alma simulator: failNext', () => {
  it('http500: a 500, and the request is not processed', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'http500');
    const answer = await post(sim.url, STOCK);
    expect(answer.status).toBe(500);
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBeUndefined();
    expect(sim.requests()).toEqual([expect.objectContaining({ message: 'OTA_HotelAvailNotifRQ', outcome: 'failure', failure: 'http500', httpStatus: 500 })]);
    expect(isSuccess(await post(sim.url, STOCK))).toBe(true);
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBe(1);
  });

  it('http503RetryAfter and http429 carry Retry-After, by default or as asked', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'http503RetryAfter');
    sim.failNext(1, { kind: 'http503RetryAfter', retryAfterSeconds: 30 });
    sim.failNext(1, 'http429');
    const answers = [await post(sim.url, PING), await post(sim.url, PING), await post(sim.url, PING)];
    expect(answers.map((a) => [a.status, a.headers.get('retry-after')])).toEqual([
      [503, '120'],
      [503, '30'],
      [429, '60'],
    ]);
  });

  it('timeout: the request is never answered, the next one is', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'timeout');
    const hanging = fetch(sim.url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: PING, signal: AbortSignal.timeout(300) });
    expect(await failureOf(hanging)).toBe('TimeoutError');
    expect(isSuccess(await post(sim.url, PING))).toBe(true);
  });

  it('reset: the connection is destroyed without an answer', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'reset');
    expect(await failureOf(post(sim.url, PING))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(sim.requests()[0]).toMatchObject({ outcome: 'failure', failure: 'reset', httpStatus: null });
  });

  it('html: a 200 with an HTML page instead of an OTA document', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'html');
    const answer = await post(sim.url, PING);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<!DOCTYPE html>');
  });

  it('partnerError: an OTA answer with the error asked for, or a system error', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'partnerError');
    sim.failNext(1, { kind: 'partnerError', type: 3, code: 450, shortText: 'Unable to process', text: 'Réessayez plus tard' });
    const first = await post(sim.url, STOCK);
    expect(first.status).toBe(200);
    expect(first.rootName).toBe('OTA_HotelAvailNotifRS');
    expect(first.root.EchoToken).toBe('1c7e3b63-9a6a-4d2f-8e8d-4e2a3c9b0f12');
    expect(codesOf(first)).toEqual([['12', '448']]);
    const second = await post(sim.url, STOCK);
    expect(second.root.Errors).toEqual({ Error: [{ Type: '3', Code: '450', ShortText: 'Unable to process', '#text': 'Réessayez plus tard' }] });
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBeUndefined();
  });

  it('credentialsError: an OTA error of type 4 although the credentials are right', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'credentialsError');
    const answer = await post(sim.url, READ);
    expect(answer.rootName).toBe('OTA_ResRetrieveRS');
    expect(codesOf(answer)).toEqual([['4', '497']]);
    expect(sim.requests()[0]).toMatchObject({ outcome: 'failure', failure: 'credentialsError', errorCodes: [497] });
  });

  it('fails the next n requests, in the order asked, then answers again', async () => {
    const sim = await startSimulator();
    sim.failNext(2, 'http500');
    sim.failNext(1, 'http429');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(sim.url, PING)).status);
    expect(statuses).toEqual([500, 500, 429, 200]);
  });

  it('fails only the message named by the filter', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'http500', 'OTA_ReadRQ');
    expect((await post(sim.url, PING)).status).toBe(200);
    expect((await post(sim.url, STOCK)).status).toBe(200);
    expect((await post(sim.url, READ)).status).toBe(500);
    expect((await post(sim.url, READ)).status).toBe(200);
  });

  it('applied: processes the request, then loses the answer (the client must send it again)', async () => {
    const sim = await startSimulator();
    sim.state.setStock('CH-ROSE', '2026-12-01', 1);
    const number = sim.book({ room: 'CH-ROSE', rate: 'STD', arrival: '2026-12-01', departure: '2026-12-02', amountCents: 9500 });
    sim.failNext(1, { kind: 'reset', applied: true }, 'OTA_NotifReportRQ');
    expect(await failureOf(post(sim.url, ack(number, 'Book', '2026-11-21T09:00:00Z')))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(sim.events()[0]!.ackCount).toBe(1);
    const again = await post(sim.url, ack(number, 'Book', '2026-11-21T09:00:00Z'));
    expect(isSuccess(again)).toBe(true);
    expect(sim.events()[0]!.ackCount).toBe(2);

    // A request the partner refuses loses its answer all the same.
    sim.failNext(1, { kind: 'http500', applied: true });
    expect((await post(sim.url, PING, 'text/plain')).status).toBe(500);
  });

  it('forgets unused failures on clearFailures, and wants a count of at least 1', async () => {
    const sim = await startSimulator();
    sim.failNext(3, 'http500');
    sim.clearFailures();
    expect((await post(sim.url, PING)).status).toBe(200);
    expect(() => sim.failNext(0, 'http500')).toThrow(RangeError);
  });
});

describe('Alma simulator: offline', () => {
  it('refuses connections while offline, and answers on the same address once online', async () => {
    const sim = await startSimulator();
    expect(isSuccess(await post(sim.url, STOCK))).toBe(true);
    await sim.setOffline(true);
    expect(sim.offline).toBe(true);
    expect(await failureOf(post(sim.url, PING))).toBe('ECONNREFUSED');
    await sim.setOffline(false);
    expect(sim.offline).toBe(false);
    expect(isSuccess(await post(sim.url, PING))).toBe(true);
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBe(1);
  });

  it('breaks the requests in flight when it goes offline', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'timeout');
    const inFlight = failureOf(post(sim.url, PING));
    await expect.poll(() => sim.requests().length).toBe(1);
    const started = Date.now();
    await sim.setOffline(true);
    expect(await inFlight).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('closes at once even with a request left hanging', async () => {
    const sim = await startSimulator();
    sim.failNext(1, 'timeout');
    const inFlight = failureOf(post(sim.url, PING));
    await expect.poll(() => sim.requests().length).toBe(1);
    await sim.close();
    expect(await inFlight).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    await expect(sim.setOffline(false)).rejects.toThrow(/closed/);
  });
});
