import { label } from '@openstation/site/i18n';
import { en } from '../i18n/en.ts';
import { type ConsoleKey, type Lang, t } from '../i18n/index.ts';
import { fieldLabel } from './field-labels.ts';

/** One field of an audit entry: what it was and what it became, both as the page shows them. */
export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** Columns that say nothing a reader needs (bookkeeping) and secrets' hashes, which are never shown. */
const SKIPPED = new Set(['id', 'createdAt', 'updatedAt', 'passwordHash', 'secretHash', 'tokenHash']);
/** Where the portal's labels of enum values live (`role.DIRECTOR`, `area.VILLAGE`, …). */
const ENUM_PREFIXES = ['role', 'area', 'service', 'dispute', 'event', 'partner'] as const;

const isKey = (key: string): key is ConsoleKey => key in en;

function record(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

/** A stored value in words: dates as dates, times in China time, yes/no, enum values by their label. */
export function auditValue(lang: Lang, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return t(lang, value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value)) return value.slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return chinaTime(value);
    if (/^[A-Z][A-Z_]+$/.test(value)) return enumLabel(lang, value);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => auditValue(lang, item) ?? '—').join('、') || null;
  return JSON.stringify(value);
}

function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function enumLabel(lang: Lang, value: string): string {
  const own = `role.${value}`;
  if (isKey(own)) return t(lang, own);
  for (const prefix of ENUM_PREFIXES) {
    const found = label(lang, prefix, value);
    if (found !== value) return found;
  }
  return value;
}

function scopeLabel(lang: Lang, stored: string): string {
  const key = `scope.${stored.replace(':', '_').toUpperCase()}`;
  return isKey(key) ? t(lang, key) : stored;
}

/** Fields that hold station database ids (one, or a list). */
const STATION_FIELDS = new Set(['stationId', 'stations', 'stationIds']);

/**
 * The fields an audit entry changed, before → after, in the order the record lists them: on a
 * creation every field given, on a removal every field there was, on a change those that differ.
 * Station ids are shown by the station's name from `stationNames` when it has one.
 */
export function auditChanges(lang: Lang, beforeJson: string | null, afterJson: string | null, stationNames: ReadonlyMap<number, string> = new Map()): FieldChange[] {
  const before = record(beforeJson);
  const after = record(afterJson);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !SKIPPED.has(f));
  const named = (field: string, value: unknown): unknown => {
    // Scopes are stored as `mediation:read`; the console names them as the key form does.
    if (field === 'scopes' && Array.isArray(value)) return value.map((v: unknown) => (typeof v === 'string' ? scopeLabel(lang, v) : v));
    if (!STATION_FIELDS.has(field)) return value;
    if (typeof value === 'number') return stationNames.get(value) ?? value;
    return Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'number' ? (stationNames.get(v) ?? v) : v)) : value;
  };
  return fields.flatMap((field) => {
    const was = auditValue(lang, named(field, before?.[field]));
    const is = auditValue(lang, named(field, after?.[field]));
    if (was === is) return [];
    return [{ field, label: fieldLabel(lang, field), before: was, after: is }];
  });
}

/** What an audit action was, in words (`officer.update` → 修改人员信息), or the action itself. */
export function actionLabel(lang: Lang, action: string): string {
  const key = `action.${action}`;
  return isKey(key) ? t(lang, key) : action;
}

/** A kind of record in words (`Officer` → 民警与辅警), or the type itself. */
export function entityLabel(lang: Lang, entityType: string): string {
  const key = `entity.${entityType}`;
  return isKey(key) ? t(lang, key) : entityType;
}

/** The kinds of record the audit trail can be filtered by. */
export const AUDITED_ENTITIES = Object.keys(en)
  .filter((key) => key.startsWith('entity.'))
  .map((key) => key.slice('entity.'.length));
