import { field } from '../courier-http.js';
import type { PathaoAccount } from '../courier-account.js';
import type { PathaoClient } from './pathao.client.js';

interface Named {
  id: number;
  name: string;
}

const TTL_MS = 6 * 3_600_000;
/** Spellings Pathao and customers use for the same district. */
const ALIASES: Readonly<Record<string, string>> = {
  chittagong: 'chattogram',
  comilla: 'cumilla',
  barisal: 'barishal',
  jessore: 'jashore',
  bogra: 'bogura',
};

export function placeKey(name: string): string {
  const k = name.toLowerCase().replace(/[^a-z]/g, '');
  return ALIASES[k] ?? k;
}

function rows(data: unknown, idKey: string, nameKey: string): Named[] {
  const list = field(data, 'data');
  if (!Array.isArray(list)) return [];
  return list.flatMap((r) => {
    const id = Number(field(r, idKey));
    const name = field(r, nameKey);
    return Number.isInteger(id) && typeof name === 'string' ? [{ id, name }] : [];
  });
}

/**
 * Places a district and area on Pathao's city and zone ids (for its price plan), from its
 * city and zone lists, cached for hours per account.
 */
export class PathaoLocations {
  private readonly cache = new Map<string, { at: number; rows: Named[] }>();

  constructor(private readonly client: PathaoClient) {}

  async place(
    account: PathaoAccount,
    district: string,
    area: string | null,
  ): Promise<{ cityId: number; zoneId: number } | null> {
    const cities = await this.list(account, 'city-list', 'city_id', 'city_name');
    const city = cities.find((c) => placeKey(c.name) === placeKey(district));
    if (!city) return null;
    const zones = await this.list(account, `cities/${city.id}/zone-list`, 'zone_id', 'zone_name');
    const wanted = area ? placeKey(area) : '';
    const zone = zones.find(
      (z) => wanted !== '' && (placeKey(z.name) === wanted || wanted.startsWith(placeKey(z.name))),
    );
    return zone ? { cityId: city.id, zoneId: zone.id } : null;
  }

  private async list(account: PathaoAccount, path: string, idKey: string, nameKey: string): Promise<Named[]> {
    const key = `${account.id}:${path}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.rows;
    const found = rows(await this.client.data(account, 'GET', path), idKey, nameKey);
    this.cache.set(key, { at: Date.now(), rows: found });
    return found;
  }
}
