import { useTranslation } from 'react-i18next';
import type { AttentionFlag } from '../../../../shared/domain';

/** What a file needs the owner to look at, in a few words each. */
export function FlagList({ flags }: { flags: AttentionFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <ul className="flags">
      {flags.map((flag) => (
        <li key={flag} className={`flag flag--${flag}`}>
          {t(`app.flags.${flag}.short`)}
        </li>
      ))}
    </ul>
  );
}
