import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format';
import { useAppStore } from '../store/StoreContext';

export function UnitList() {
  const { t } = useTranslation();
  const { money } = useFormatters();
  const units = useAppStore((state) => state.units);
  const loaded = useAppStore((state) => state.loaded.units);

  return (
    <section aria-labelledby="units-heading" aria-busy={!loaded}>
      <h2 id="units-heading">{t('app.units.heading')}</h2>
      {!loaded ? (
        <p>{t('app.loading')}</p>
      ) : units.length === 0 ? (
        <p>{t('app.units.empty')}</p>
      ) : (
        <table>
          <caption>{t('app.units.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.units.name')}</th>
              <th scope="col" className="number">{t('app.units.capacity')}</th>
              <th scope="col" className="number">{t('app.units.stock')}</th>
              <th scope="col" className="number">{t('app.units.baseRate')}</th>
              <th scope="col" className="number">{t('app.units.minStay')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row">{unit.name}</th>
                <td className="number">{unit.capacity}</td>
                <td className="number">{unit.stock}</td>
                <td className="number">{money(unit.baseRateCents)}</td>
                <td className="number">{unit.minStay}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
