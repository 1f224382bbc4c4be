import type { ApiEventMessage, ApiEventName } from '../../../shared/api';

/** Narrows a pushed message to one event, so its payload has that event's type. */
export function isEvent<E extends ApiEventName>(message: ApiEventMessage, name: E): message is ApiEventMessage<E> {
  return message.event === name;
}

/** The event stream came back after a drop: whatever was pushed meanwhile was missed, so what is shown is read again. */
export function isResync(message: ApiEventMessage): boolean {
  return message.event === 'app:resync';
}
