/**
 * Connecting a channel step by step (issue 8), driven by the channel's preset from the main
 * process (main/channels/: France-Voyage, Feratel Deskline, the other iCal partners): what is
 * needed first, the rooms (with Deskline's rules), "receive" — where the partner's link is,
 * paste it, check it — then, once saved, "send" — our link to copy and where to paste it.
 * The steps are the partner's own, in its order.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelPreset, ConnectionWithFeeds } from '../../../../../shared/channelPresets';
import type { OutgoingFeedLink } from '../../../../../shared/outgoingFeeds';
import { errorBody } from '../../../store/errors';
import { useSlice, useStores } from '../../../store/StoreContext';
import { useErrorText } from '../../common/useErrorText';
import { LinkCheck } from './LinkCheck';
import { OurLink } from './OurLink';

type Step = 'choose' | 'prerequisites' | 'rooms' | 'receive' | 'send';

interface RoomForm {
  url: string;
  receive: boolean;
  send: boolean;
}

function Steps({ keys, channel, label }: { keys: string[]; channel: string; label: string }) {
  const errorText = useErrorText();
  return (
    <ol className="wizard__steps" aria-label={label}>
      {keys.map((key) => (
        <li key={key}>{errorText({ key, params: { channel } })}</li>
      ))}
    </ol>
  );
}

export function ChannelWizard() {
  const { t } = useTranslation();
  const stores = useStores();
  const errorText = useErrorText();
  const units = useSlice('app', (state) => state.units);
  const propertyType = useSlice('app', (state) => state.property?.type ?? null);
  const presets = useSlice('connections', (state) => state.presets);
  const feedServer = useSlice('connections', (state) => state.feedServer);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>('choose');
  const [preset, setPreset] = useState<ChannelPreset | null>(null);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<number[]>([]);
  const [rooms, setRooms] = useState<Record<number, RoomForm>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<ConnectionWithFeeds | null>(null);
  const [links, setLinks] = useState<OutgoingFeedLink[]>([]);

  const channelName = preset ? t(`channels.names.${preset.channel}`) : '';
  const roomName = (unitId: number) => units.find((u) => u.id === unitId)?.name ?? String(unitId);

  function reset() {
    setStep('choose');
    setPreset(null);
    setConfirmed(new Set());
    setChosen([]);
    setRooms({});
    setProblems([]);
    setSaved(null);
    setLinks([]);
  }

  async function start() {
    setOpen(true);
    reset();
    try {
      await stores.connections.getState().load();
    } catch (error) {
      stores.app.getState().report(error);
    }
  }

  function choose(next: ChannelPreset) {
    setPreset(next);
    setStep(next.prerequisites.length ? 'prerequisites' : 'rooms');
  }

  /** Deskline's rules, said before the owner goes on; the service enforces them again. */
  function roomRules(): string[] {
    if (!preset) return [];
    if (preset.giteSingleLink && propertyType === 'gite' && chosen.length > 1) return [t('channels.rules.giteSingleLink')];
    if (preset.maxRooms !== null && chosen.length > preset.maxRooms) return [t('channels.rules.tooManyRooms', { max: preset.maxRooms, count: chosen.length })];
    return [];
  }

  function toggleRoom(unitId: number, on: boolean) {
    setChosen((current) => (on ? [...current, unitId] : current.filter((id) => id !== unitId)));
    setRooms((current) => ({ ...current, [unitId]: current[unitId] ?? { url: '', receive: true, send: true } }));
  }

  function setRoom(unitId: number, changes: Partial<RoomForm>) {
    setRooms((current) => ({ ...current, [unitId]: { ...current[unitId]!, ...changes } }));
  }

  async function save() {
    if (!preset) return;
    setProblems([]);
    try {
      const created = await stores.connections.getState().create({
        channel: preset.channel,
        rooms: chosen.map((unitId) => {
          const room = rooms[unitId]!;
          return { unitId, importUrl: room.url.trim() || null, importEnabled: room.receive, exportEnabled: room.send };
        }),
      });
      setSaved(created);
      setLinks(await stores.connections.getState().linksOf(created.id));
      setStep('send');
    } catch (error) {
      const body = errorBody(error);
      setProblems(body.issues.length ? body.issues.map((issue) => errorText(issue, body.code)) : [errorText(body, body.code)]);
    }
  }

  if (!open) {
    return (
      <button type="button" className="primary" onClick={() => void start()}>
        {t('channels.wizard.add')}
      </button>
    );
  }

  const rules = roomRules();
  return (
    <div className="wizard" role="region" aria-label={preset ? channelName : t('channels.wizard.add')}>
      {step === 'choose' && (
        <fieldset>
          <legend>{t('channels.wizard.choose')}</legend>
          {presets.map((p) => (
            <button key={p.channel} type="button" onClick={() => choose(p)}>
              {t(`channels.names.${p.channel}`)}
            </button>
          ))}
        </fieldset>
      )}

      {step === 'prerequisites' && preset && (
        <fieldset>
          <legend>{t('channels.wizard.prerequisites')}</legend>
          {preset.prerequisites.map((key) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={confirmed.has(key)}
                onChange={(e) => setConfirmed((current) => new Set(e.target.checked ? [...current, key] : [...current].filter((k) => k !== key)))}
              />{' '}
              {errorText({ key })}
            </label>
          ))}
          <button type="button" className="primary" disabled={!preset.prerequisites.every((key) => confirmed.has(key))} onClick={() => setStep('rooms')}>
            {t('channels.wizard.next')}
          </button>
        </fieldset>
      )}

      {step === 'rooms' && preset && (
        <fieldset>
          <legend>{t('channels.wizard.rooms')}</legend>
          {preset.notes.map((key) => (
            <p key={key} className="list-note">
              {errorText({ key })}
            </p>
          ))}
          {units.map((unit) => (
            <label key={unit.id} className="check">
              <input type="checkbox" checked={chosen.includes(unit.id)} onChange={(e) => toggleRoom(unit.id, e.target.checked)} /> {unit.name}
            </label>
          ))}
          {rules.map((rule) => (
            <p key={rule} role="alert" className="notice">
              {rule}
            </p>
          ))}
          <button type="button" className="primary" disabled={chosen.length === 0 || rules.length > 0} onClick={() => setStep('receive')}>
            {t('channels.wizard.next')}
          </button>
        </fieldset>
      )}

      {step === 'receive' && preset && (
        <section aria-labelledby="wizard-receive">
          <h4 id="wizard-receive">{errorText({ key: preset.importTitle, params: { channel: channelName } })}</h4>
          <Steps keys={preset.importSteps} channel={channelName} label={errorText({ key: preset.importTitle, params: { channel: channelName } })} />
          {chosen.map((unitId) => {
            const room = rooms[unitId]!;
            const name = roomName(unitId);
            const linkLabel = `${t('channels.wizard.link')} — ${name}`;
            return (
              <fieldset key={unitId}>
                <legend>{name}</legend>
                <label className="check">
                  <input type="checkbox" checked={room.receive} onChange={(e) => setRoom(unitId, { receive: e.target.checked })} />{' '}
                  {errorText({ key: preset.importTitle, params: { channel: channelName } })}
                </label>
                {room.receive && (
                  <>
                    <label>
                      {linkLabel}
                      <input type="url" value={room.url} onChange={(e) => setRoom(unitId, { url: e.target.value })} />
                    </label>
                    <LinkCheck url={room.url} label={name} />
                  </>
                )}
                <label className="check">
                  <input type="checkbox" checked={room.send} onChange={(e) => setRoom(unitId, { send: e.target.checked })} />{' '}
                  {errorText({ key: preset.exportTitle, params: { channel: channelName } })}
                </label>
              </fieldset>
            );
          })}
          {problems.map((problem) => (
            <p key={problem} role="alert" className="notice">
              {problem}
            </p>
          ))}
          <button type="button" className="primary" onClick={() => void save()}>
            {t('channels.wizard.save')}
          </button>
        </section>
      )}

      {step === 'send' && preset && saved && (
        <section aria-labelledby="wizard-send">
          <p role="status">{t('channels.wizard.done')}</p>
          <h4 id="wizard-send">{errorText({ key: preset.exportTitle, params: { channel: channelName } })}</h4>
          {feedServer?.linksLocalOnly && (
            <p role="alert" className="notice">
              {t('channels.ourLink.localOnly')}
            </p>
          )}
          {links.map((link) => (
            <OurLink key={link.feedId} link={link} />
          ))}
          <Steps keys={preset.exportSteps} channel={channelName} label={errorText({ key: preset.exportTitle, params: { channel: channelName } })} />
        </section>
      )}

      <div className="wizard__tools">
        {step !== 'choose' && step !== 'send' && (
          <button type="button" onClick={() => setStep(step === 'receive' ? 'rooms' : step === 'rooms' && preset?.prerequisites.length ? 'prerequisites' : 'choose')}>
            {t('channels.wizard.back')}
          </button>
        )}
        <button type="button" onClick={() => setOpen(false)}>
          {step === 'send' ? t('channels.wizard.next') : t('channels.wizard.cancel')}
        </button>
      </div>
    </div>
  );
}
