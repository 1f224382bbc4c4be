/**
 * One reservation event as a `HotelReservation` element of OTA_ResRetrieveRS. Built from the
 * snapshot the event took when it was queued, so every redelivery is the same element.
 * Reservation dates: TimeSpan Start is the arrival, End the departure.
 */
import { centsToEuros } from '../dates';
import type { AlmaEvent } from '../state';
import { a, type XmlContent } from '../xml';

export function hotelReservationXml(event: AlmaEvent): XmlContent {
  const r = event.reservation;
  const words = r.guest.trim().split(/\s+/);
  const personName: XmlContent = words.length > 1 ? { GivenName: words[0]!, Surname: words.slice(1).join(' ') } : { Surname: words[0] ?? '' };
  const customer: XmlContent = { PersonName: personName };
  if (r.phone) customer.Telephone = { [a('PhoneNumber')]: r.phone };
  if (r.email) customer.Email = r.email;
  if (r.address) {
    customer.Address = {
      AddressLine: r.address.line,
      CityName: r.address.city,
      PostalCode: r.address.postalCode,
      CountryName: { [a('Code')]: r.address.countryCode },
    };
  }
  const globalInfo: XmlContent = {};
  if (r.comment) globalInfo.Comments = { Comment: { Text: r.comment } };
  globalInfo.HotelReservationIDs = { HotelReservationID: { [a('ResID_Type')]: '14', [a('ResID_Value')]: r.number } };
  return {
    [a('CreateDateTime')]: event.createDateTime,
    [a('ResStatus')]: event.resStatus,
    UniqueID: { [a('Type')]: '14', [a('ID')]: r.number },
    RoomStays: {
      RoomStay: {
        RoomTypes: { RoomType: { [a('RoomTypeCode')]: r.room } },
        RatePlans: { RatePlan: { [a('RatePlanCode')]: r.rate } },
        GuestCounts: { GuestCount: { [a('AgeQualifyingCode')]: '10', [a('Count')]: String(r.guests) } },
        TimeSpan: { [a('Start')]: r.arrival, [a('End')]: r.departure },
        Total: { [a('AmountAfterTax')]: centsToEuros(r.amountCents), [a('CurrencyCode')]: 'EUR' },
      },
    },
    ResGuests: { ResGuest: { Profiles: { ProfileInfo: { Profile: { Customer: customer } } } } },
    ResGlobalInfo: globalInfo,
  };
}
