/** Branded numbers keep minutes, metres and kilometres from being mixed by accident. */
export type Minutes = number & { readonly __unit: 'minutes' };
export type Metres = number & { readonly __unit: 'metres' };
export type Km = number & { readonly __unit: 'km' };

export const minutes = (n: number) => n as Minutes;
export const metres = (n: number) => n as Metres;
export const km = (n: number) => n as Km;

/** [minLon, minLat, maxLon, maxLat] in WGS84 degrees. */
export type Extent = [number, number, number, number];
