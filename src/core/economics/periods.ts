/**
 * Calendar conventions of the economics: a year is 365.25 days and a month is a twelfth of it, so monthly
 * figures (USD/kW-month, USD/MW-month) and annual ones convert exactly and leap years average out.
 */
export const DAYS_PER_YEAR = 365.25;
export const MONTHS_PER_YEAR = 12;
/** 365.25 / 12 = 30.4375 days. */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / MONTHS_PER_YEAR;
/** 24 · 30.4375 = 730.5 hours. */
export const HOURS_PER_MONTH = 24 * DAYS_PER_MONTH;
/** Blocks in a month at the 600 s target interval: 144 · 30.4375 = 4,383. */
export const BLOCKS_PER_MONTH = 144 * DAYS_PER_MONTH;
