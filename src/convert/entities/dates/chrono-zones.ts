/**
 * The time-zone abbreviations chrono-node reads after a time (its `TIMEZONE_ABBR_MAP`, src/timezone.ts of chrono-node
 * 2.10, which the package does not export): its time-zone refiner joins one of two to four letters, in any case, to
 * the time before it ("1:55 EST", "5 p.m. gmt"). test/convert/entities/month-scan.test.ts holds this copy to the
 * installed chrono.
 */
export const CHRONO_TIME_ZONES: readonly string[] = [
  'ACDT', 'ACST', 'ADT', 'AEDT', 'AEST', 'AFT', 'AKDT', 'AKST', 'ALMT', 'AMST', 'AMT', 'ANAST', 'ANAT', 'AQTT',
  'ART', 'AST', 'AWDT', 'AWST', 'AZOST', 'AZOT', 'AZST', 'AZT', 'BNT', 'BOT', 'BRST', 'BRT', 'BST', 'BTT', 'CAST',
  'CAT', 'CCT', 'CDT', 'CEST', 'CET', 'CHADT', 'CHAST', 'CKT', 'CLST', 'CLT', 'COT', 'CST', 'CT', 'CVT', 'CXT',
  'DAVT', 'EASST', 'EAST', 'EAT', 'ECT', 'EDT', 'EEST', 'EET', 'EGST', 'EGT', 'EST', 'ET', 'FJST', 'FJT', 'FKST',
  'FKT', 'FNT', 'GALT', 'GAMT', 'GET', 'GFT', 'GILT', 'GMT', 'GST', 'GYT', 'HAA', 'HAC', 'HADT', 'HAE', 'HAP', 'HAR',
  'HAST', 'HAT', 'HAY', 'HKT', 'HLV', 'HNA', 'HNC', 'HNE', 'HNP', 'HNR', 'HNT', 'HNY', 'HOVT', 'ICT', 'IDT', 'IOT',
  'IRDT', 'IRKST', 'IRKT', 'IRST', 'IST', 'JST', 'KGT', 'KRAST', 'KRAT', 'KST', 'KUYT', 'LHDT', 'LHST', 'LINT',
  'MAGST', 'MAGT', 'MART', 'MAWT', 'MDT', 'MESZ', 'MEZ', 'MHT', 'MMT', 'MSD', 'MSK', 'MST', 'MT', 'MUT', 'MVT',
  'MYT', 'NCT', 'NDT', 'NFT', 'NOVST', 'NOVT', 'NPT', 'NST', 'NUT', 'NZDT', 'NZST', 'OMSST', 'OMST', 'PDT', 'PET',
  'PETST', 'PETT', 'PGT', 'PHOT', 'PHT', 'PKT', 'PMDT', 'PMST', 'PONT', 'PST', 'PT', 'PWT', 'PYST', 'PYT', 'RET',
  'SAMT', 'SAST', 'SBT', 'SCT', 'SGT', 'SRT', 'SST', 'TAHT', 'TFT', 'TJT', 'TKT', 'TLT', 'TMT', 'TVT', 'ULAT', 'UTC',
  'UYST', 'UYT', 'UZT', 'VET', 'VLAST', 'VLAT', 'VUT', 'WAST', 'WAT', 'WEST', 'WESZ', 'WET', 'WEZ', 'WFT', 'WGST',
  'WGT', 'WIB', 'WIT', 'WITA', 'WST', 'WT', 'YAKST', 'YAKT', 'YAPT', 'YEKST', 'YEKT',
];
