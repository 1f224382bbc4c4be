import type { ApiEventMessage, ApiEventName } from '../../../shared/api';

/** Narrows a pushed message to one event, so its payload has that event's type. */
export function isEvent<E extends ApiEventName>(message: ApiEventMessage, name: E): message is ApiEventMessage<E> {
  return message.event === name;
}
