import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPERTY_TYPES, type Property } from '../../../../shared/domain';
import { useFormatters } from '../../format';
import { COUNTRIES, COUNTRY_ZONES, TIME_ZONES, countryName } from '../../settings/places';
import { useSlice, useStores } from '../../store/StoreContext';
import { Field } from '../common/Field';
import { Refusal } from '../common/Refusal';

type PropertyValues = Omit<Property, 'updatedAt'>;

/** Name, type, address with country and region, and the time zone "today" is read in. */
export function PropertyForm({ property }: { property: Property }) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const stores = useStores();
  const status = useSlice('settings', (state) => state.form('property'));
  const [values, setValues] = useState<PropertyValues>(property);
  const set = (name: keyof PropertyValues) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });

  function changeCountry(country: string) {
    // A zone that was the old country's follows the new country; one the owner chose stays.
    const followed = COUNTRY_ZONES[values.country] === values.timeZone;
    setValues({ ...values, country, timeZone: followed ? (COUNTRY_ZONES[country] ?? values.timeZone) : values.timeZone });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void stores.settings.getState().saveProperty(values);
  }

  const text = (name: keyof PropertyValues, autoComplete?: string) => (
    <Field label={t(`app.settings.property.${name}` as 'app.settings.property.name')} issue={status.issues[name]}>
      {(control) => <input {...control} autoComplete={autoComplete} value={values[name]} onChange={set(name)} />}
    </Field>
  );
  const zones = TIME_ZONES.includes(values.timeZone) ? TIME_ZONES : [values.timeZone, ...TIME_ZONES];
  const countries = COUNTRIES.includes(values.country) ? COUNTRIES : [values.country, ...COUNTRIES];

  return (
    <form onSubmit={submit} noValidate className="settings-form">
      {text('name', 'organization')}
      <Field label={t('app.settings.property.type')} issue={status.issues.type}>
        {(control) => (
          <select {...control} value={values.type} onChange={set('type')}>
            {PROPERTY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`app.settings.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('addressLine', 'street-address')}
      {text('postalCode', 'postal-code')}
      {text('city', 'address-level2')}
      {text('region', 'address-level1')}
      <Field label={t('app.settings.property.country')} issue={status.issues.country}>
        {(control) => (
          <select {...control} value={values.country} onChange={(e) => changeCountry(e.target.value)}>
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('app.settings.property.timeZone')} issue={status.issues.timeZone} hint={t('app.settings.property.timeZoneHint')}>
        {(control) => (
          <select {...control} value={values.timeZone} onChange={set('timeZone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('app.settings.terms.label')} issue={status.issues.termsOfSale} hint={t('app.settings.terms.hint')} className="field--wide">
        {(control) => <textarea {...control} rows={6} value={values.termsOfSale} onChange={set('termsOfSale')} />}
      </Field>
      <Refusal refusal={status.refusal} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={status.saving}>
          {t('app.common.save')}
        </button>
        <span role="status">{status.savedAt && t('app.common.saved')}</span>
      </div>
    </form>
  );
}
