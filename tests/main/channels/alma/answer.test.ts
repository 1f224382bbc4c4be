import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../../main/channels/alma/ota/answer';
import { parseXml, text, child, XmlRefused } from '../../../../main/channels/alma/ota/xml';
import { expectTranslated } from './translated';

const NS = 'xmlns="http://www.opentravel.org/OTA/2003/05"';
const rs = (body: string, { root = 'OTA_HotelAvailNotifRS', echo = 'tok-1' } = {}) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root} ${NS} Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="${echo}">${body}</${root}>`;
const read = (xml: string) => readAnswer(xml, 'OTA_HotelAvailNotifRS', 'tok-1');

function failure(xml: string) {
  const answer = read(xml);
  if (answer.ok) throw new Error('expected a failure');
  expectTranslated(answer.failure.message);
  return answer.failure;
}

describe('reading an answer', () => {
  it('takes <Success/> with no warnings', () => {
    const answer = read(rs('<Success/>'));
    expect(answer.ok && answer.warnings).toEqual([]);
  });

  it('passes warnings through on success, one or several', () => {
    const one = read(rs('<Success/><Warnings><Warning Type="10" Code="450" ShortText="Past dates ignored">2 nights before today</Warning></Warnings>'));
    expect(one.ok && one.warnings).toEqual([{ type: '10', code: '450', shortText: 'Past dates ignored', text: '2 nights before today' }]);
    const two = read(rs('<Success/><Warnings><Warning Type="10" Code="450"/><Warning ShortText="x"/></Warnings>'));
    expect(two.ok && two.warnings).toEqual([
      { type: '10', code: '450', shortText: null, text: null },
      { type: null, code: null, shortText: 'x', text: null },
    ]);
  });

  it('turns <Errors> into a partner failure with every error; business errors are not credentials', () => {
    const result = failure(
      rs('<Errors><Error Type="3" Code="402" ShortText="Invalid room type">Unknown room CH-X</Error><Error Type="3" Code="249" ShortText="Invalid rate code"/></Errors>'),
    );
    expect(result).toEqual({
      kind: 'partner',
      credentials: false,
      errors: [
        { type: '3', code: '402', shortText: 'Invalid room type', text: 'Unknown room CH-X' },
        { type: '3', code: '249', shortText: 'Invalid rate code', text: null },
      ],
      message: { key: 'alma.errors.partner', params: { code: '402', shortText: 'Invalid room type', text: 'Unknown room CH-X', count: 2 } },
    });
  });

  it.each(['4', '6'])('marks errors of type %s as a credentials problem', (type) => {
    const result = failure(rs(`<Errors><Error Type="${type}" Code="392" ShortText="Invalid hotel code">Unknown property AH-999</Error></Errors>`));
    expect(result.kind === 'partner' && result.credentials).toBe(true);
    expect(result.message.key).toBe('alma.errors.credentials');
  });

  it('a credentials error among business errors still stops the channel', () => {
    const result = failure(rs('<Errors><Error Type="12" Code="448"/><Error Type="6" Code="497"/></Errors>'));
    expect(result.kind === 'partner' && result.credentials).toBe(true);
  });

  it('reads accents, numeric references and the five XML entities in partner texts', () => {
    const result = failure(rs('<Errors><Error Type="3" Code="321" ShortText="Champ &#233;&#xE9; requis &lt;&amp;&gt;&quot;&apos;">Numéro manquant</Error></Errors>'));
    expect(result.kind === 'partner' && result.errors[0]).toEqual({ type: '3', code: '321', shortText: `Champ éé requis <&>"'`, text: 'Numéro manquant' });
  });

  it('refuses the wrong root element', () => {
    const result = failure(rs('<Success/>', { root: 'OTA_HotelRateAmountNotifRS' }));
    expect(result).toEqual({
      kind: 'malformed',
      message: { key: 'alma.errors.wrongRoot', params: { expected: 'OTA_HotelAvailNotifRS', actual: 'OTA_HotelRateAmountNotifRS' } },
    });
  });

  it('refuses an answer to another request (EchoToken not ours, or missing)', () => {
    expect(failure(rs('<Success/>', { echo: 'tok-2' })).message).toEqual({ key: 'alma.errors.echoToken', params: { sent: 'tok-1', received: 'tok-2' } });
    expect(failure(`<OTA_HotelAvailNotifRS ${NS}><Success/></OTA_HotelAvailNotifRS>`).message.key).toBe('alma.errors.echoToken');
  });

  it('refuses an answer that says neither Success nor Errors, or an empty Errors', () => {
    expect(failure(rs('')).message).toEqual({ key: 'alma.errors.noOutcome', params: { root: 'OTA_HotelAvailNotifRS' } });
    expect(failure(rs('<Errors/>')).kind).toBe('malformed');
    expect(failure(rs('<Success/><Errors></Errors>')).kind).toBe('malformed');
  });

  it('accepts a namespace prefix on the elements', () => {
    const xml = '<ota:OTA_HotelAvailNotifRS xmlns:ota="http://www.opentravel.org/OTA/2003/05" EchoToken="tok-1"><ota:Success/></ota:OTA_HotelAvailNotifRS>';
    expect(read(xml).ok).toBe(true);
  });

  it('says when the service address returns a web page', () => {
    expect(failure('<!DOCTYPE html><html><head><title>Login</title></head><body>Please log in</body></html>').message.key).toBe('alma.errors.html');
    expect(failure('\n<html lang="fr"><body><p>Maintenance</p></body></html>').message.key).toBe('alma.errors.html');
  });

  it.each([
    ['an unclosed element', rs('<Success>')],
    ['a cut-off document', rs('<Success/>').slice(0, 80)],
    ['an empty body', ''],
    ['plain text', 'Service Unavailable'],
    ['JSON', '{"ok":true}'],
    ['two roots', `${rs('<Success/>')}<Other/>`],
    ['an undeclared entity', rs('<Success/><Warnings><Warning>&eacute;</Warning></Warnings>')],
    ['a reference to a non-character', rs('<Success/><Warnings><Warning>&#0;</Warning></Warnings>')],
  ])('refuses %s as malformed', (_what, xml) => {
    const result = failure(xml);
    expect(result.kind).toBe('malformed');
    expect(result.message.key).toBe('alma.errors.brokenXml');
  });
});

describe('refusing dangerous XML', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
    `<OTA_HotelAvailNotifRS ${NS} EchoToken="tok-1"><Success/><Warnings><Warning>&lol3;</Warning></Warnings></OTA_HotelAvailNotifRS>`;

  it('refuses a billion-laughs DOCTYPE before parsing it', () => {
    expect(failure(laughs).message.key).toBe('alma.errors.doctype');
    expect(() => parseXml(laughs)).toThrow(XmlRefused);
  });

  it('refuses an external entity (a local file read)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><OTA_HotelAvailNotifRS EchoToken="tok-1"><Success/><Warnings><Warning>&x;</Warning></Warnings></OTA_HotelAvailNotifRS>`;
    expect(failure(xxe).message.key).toBe('alma.errors.doctype');
  });

  it('refuses a DOCTYPE after a comment, in any case, and any other declaration', () => {
    expect(failure(`<!-- hi --><!doctype r><OTA_HotelAvailNotifRS EchoToken="tok-1"><Success/></OTA_HotelAvailNotifRS>`).message.key).toBe('alma.errors.doctype');
    expect(failure(`<OTA_HotelAvailNotifRS EchoToken="tok-1"><!ENTITY x "y"><Success/></OTA_HotelAvailNotifRS>`).message.key).toBe('alma.errors.doctype');
  });

  it('still reads comments and CDATA', () => {
    const { node } = parseXml('<R><!-- note --><T><![CDATA[a <b> & c]]></T></R>');
    expect(text(child(node, 'T'))).toBe('a <b> & c');
  });
});
