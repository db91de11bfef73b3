/**
 * Sales regions as most revenue teams split the world. Built from the UN M49 geographic
 * regions with three deliberate departures, because territories follow who covers them, not
 * geography:
 * - Puerto Rico and the US Virgin Islands (M49: Caribbean) sit with the US team in NAMER;
 * - Western Asia and Iran (M49: Asia) form the Middle East, covered from EMEA;
 * - Central Asia (M49: Asia) is usually covered with Russia and the CIS, so EMEA too.
 * Every ISO 3166 code that has a telephone plan has exactly one region (tested).
 */
export const regions = ['NAMER', 'LATAM', 'EMEA', 'APAC'] as const
export type Region = (typeof regions)[number]

const members: Readonly<Record<Region, string>> = {
  NAMER: 'US CA BM GL PM PR VI',
  LATAM: [
    // Caribbean
    'AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS SX TC TT VC VG',
    // Central and South America
    'BZ CR GT HN MX NI PA SV AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE',
  ].join(' '),
  EMEA: [
    // Europe
    'AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU',
    'LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
    // Middle East and Central Asia
    'AE AM AZ BH GE IL IQ IR JO KW LB OM PS QA SA SY TR YE KZ KG TJ TM UZ',
    // Africa, with Ascension and Tristan da Cunha, which have their own calling codes
    'DZ EG EH LY MA SD SS TN BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO TZ UG ZM ZW IO TF',
    'AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG AC TA',
  ].join(' '),
  APAC: [
    'CN HK JP KP KR MN MO TW BN KH ID LA MM MY PH SG TH TL VN AF BD BT IN LK MV NP PK',
    'AU NZ NF CX CC HM FJ NC PG SB VU FM GU KI MH MP NR PW UM AS CK NU PF PN TK TO TV WF WS',
  ].join(' '),
}

const regionByCountry: ReadonlyMap<string, Region> = new Map(
  regions.flatMap((region) => members[region].split(' ').map((code) => [code, region] as const)),
)

/** The sales region of an ISO 3166-1 alpha-2 country code, or undefined for an unknown code. */
export function regionOf(country: string | undefined): Region | undefined {
  return country === undefined ? undefined : regionByCountry.get(country.toUpperCase())
}

/** Every code the table knows, for the completeness test. */
export const regionCountries = (): string[] => [...regionByCountry.keys()]
