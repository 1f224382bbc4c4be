import { DEFAULT_TIME_ZONE, type Property, type PropertyType } from '../../shared/domain';
import type { Db } from './connection';
import { prepared } from './statements';

interface PropertyRow {
  name: string;
  type: PropertyType;
  address_line: string;
  postal_code: string;
  city: string;
  region: string;
  country: string;
  time_zone: string;
  terms_of_sale: string;
  updated_at: string;
}

function rowToProperty(row: PropertyRow): Property {
  return {
    name: row.name,
    type: row.type,
    addressLine: row.address_line,
    postalCode: row.postal_code,
    city: row.city,
    region: row.region,
    country: row.country,
    timeZone: row.time_zone,
    termsOfSale: row.terms_of_sale,
    updatedAt: row.updated_at,
  };
}

export function getProperty(db: Db): Property | null {
  const row = prepared(db, 'SELECT * FROM property WHERE id = 1').get() as PropertyRow | undefined;
  return row ? rowToProperty(row) : null;
}

export function saveProperty(db: Db, property: Omit<Property, 'updatedAt'>, now: Date): Property {
  db.prepare(
    `INSERT INTO property (id, name, type, address_line, postal_code, city, region, country, time_zone, terms_of_sale, updated_at)
     VALUES (1, @name, @type, @addressLine, @postalCode, @city, @region, @country, @timeZone, @termsOfSale, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET
       name = excluded.name, type = excluded.type, address_line = excluded.address_line,
       postal_code = excluded.postal_code, city = excluded.city, region = excluded.region,
       country = excluded.country, time_zone = excluded.time_zone,
       terms_of_sale = excluded.terms_of_sale, updated_at = excluded.updated_at`,
  ).run({ ...property, updatedAt: now.toISOString() });
  return getProperty(db)!;
}

/** The zone every night and "today" is read in: the property's, never the machine's. */
export function propertyTimeZone(db: Db): string {
  return getProperty(db)?.timeZone ?? DEFAULT_TIME_ZONE;
}
