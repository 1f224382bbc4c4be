/** OTA_PingRQ: checks the credentials (done before any handler) and echoes EchoData; changes nothing. */
import { Problems } from '../errors';
import { single, type Handler } from './common';

export const handlePing: Handler = (root) => {
  const problems = new Problems();
  const echo = single(root, 'EchoData', root.name, problems);
  if (!echo) return { errors: problems.list };
  return { content: { EchoData: echo.text } };
};
