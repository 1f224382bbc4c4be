/**
 * Hand-written requests, as the protocol page shows them: the one place where literal XML in a
 * test is right, because it pins the protocol from the partner's side. Tests change one piece
 * with `.replace(…)` to make each error path explicit. Credentials and property are the demo
 * ones (property.ts); today is 2026-11-21.
 */

export const POS = `<POS><Source><RequestorID ID="gite-des-lilas" MessagePassword="alma-demo-2026"/></Source></POS>`;

export const PING = `<?xml version="1.0" encoding="UTF-8"?>
<OTA_PingRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="0b6f2a52-8f59-4c1e-9d7c-3d1f2b8a9e01">
  ${POS}
  <EchoData>Pigeonnier</EchoData>
</OTA_PingRQ>`;

/** Stock 1 on CH-ROSE for the nights of 1 to 3 December; CH-LILAS 2 on 1 December. */
export const STOCK = `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelAvailNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="1c7e3b63-9a6a-4d2f-8e8d-4e2a3c9b0f12">
  ${POS}
  <AvailStatusMessages HotelCode="AH-1234">
    <AvailStatusMessage BookingLimit="1" BookingLimitMessageType="SetLimit">
      <StatusApplicationControl Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE"/>
    </AvailStatusMessage>
    <AvailStatusMessage BookingLimit="2" BookingLimitMessageType="SetLimit">
      <StatusApplicationControl Start="2026-12-01" End="2026-12-01" InvTypeCode="CH-LILAS"/>
    </AvailStatusMessage>
  </AvailStatusMessages>
</OTA_HotelAvailNotifRQ>`;

/** CH-ROSE STD, nights of 1 to 3 December: min stay 2, open, closed to arrival, open to departure. */
export const RESTRICTIONS = `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelAvailNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="2d8f4c74-ab7b-4e3a-9f9e-5f3b4dac1a23">
  ${POS}
  <AvailStatusMessages HotelCode="AH-1234">
    <AvailStatusMessage>
      <StatusApplicationControl Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE" RatePlanCode="STD"/>
      <LengthsOfStay><LengthOfStay MinMaxMessageType="SetMinLOS" Time="2" TimeUnit="Day"/></LengthsOfStay>
      <RestrictionStatus Restriction="Master" Status="Open"/>
      <RestrictionStatus Restriction="Arrival" Status="Close"/>
      <RestrictionStatus Restriction="Departure" Status="Open"/>
    </AvailStatusMessage>
  </AvailStatusMessages>
</OTA_HotelAvailNotifRQ>`;

/** CH-ROSE STD at 95.00 EUR for the nights of 1 to 3 December. */
export const RATES = `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelRateAmountNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="3e905d85-bc8c-4f4b-a0af-60c45ebd2b34">
  ${POS}
  <RateAmountMessages HotelCode="AH-1234">
    <RateAmountMessage>
      <StatusApplicationControl Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE" RatePlanCode="STD"/>
      <Rates><Rate><BaseByGuestAmts>
        <BaseByGuestAmt AmountAfterTax="95.00" CurrencyCode="EUR"/>
      </BaseByGuestAmts></Rate></Rates>
    </RateAmountMessage>
  </RateAmountMessages>
</OTA_HotelRateAmountNotifRQ>`;

export const READ = `<?xml version="1.0" encoding="UTF-8"?>
<OTA_ReadRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="4fa16e96-cd9d-4a5c-b1b0-71d56fce3c45">
  ${POS}
  <ReadRequests>
    <HotelReadRequest HotelCode="AH-1234">
      <SelectionCriteria SelectionType="Undelivered"/>
    </HotelReadRequest>
  </ReadRequests>
</OTA_ReadRQ>`;

/** Acknowledges one event, carrying our file number. */
export function ack(number: string, resStatus: string, createDateTime: string, file = 'PGN-57'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OTA_NotifReportRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="5ab27fa7-de0e-4b6d-82c1-82e67adf4d56">
  ${POS}
  <Success/>
  <NotifDetails><HotelNotifReport><HotelReservations>
    <HotelReservation ResStatus="${resStatus}" CreateDateTime="${createDateTime}">
      <UniqueID Type="14" ID="${number}"/>
      <ResGlobalInfo><HotelReservationIDs>
        <HotelReservationID ResID_Type="10" ResID_Value="${file}"/>
      </HotelReservationIDs></ResGlobalInfo>
    </HotelReservation>
  </HotelReservations></HotelNotifReport></NotifDetails>
</OTA_NotifReportRQ>`;
}

/** The owner's answer to an on-request booking: Commit (accept) or Cancel (refuse). */
export function decision(resStatus: 'Commit' | 'Cancel', number: string, file = 'PGN-58'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="6bc380b8-ef1f-4c7e-93d2-93f78be05e67" ResStatus="${resStatus}">
  ${POS}
  <HotelReservations>
    <HotelReservation>
      <UniqueID Type="14" ID="${number}"/>
      <ResGlobalInfo><HotelReservationIDs>
        <HotelReservationID ResID_Type="10" ResID_Value="${file}"/>
      </HotelReservationIDs></ResGlobalInfo>
    </HotelReservation>
  </HotelReservations>
</OTA_HotelResNotifRQ>`;
}
