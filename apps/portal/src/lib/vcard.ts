import type { Officer } from '../data/officers.ts';

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

/** Two-character Chinese family names; every other name's family name is its first character. */
const COMPOUND_FAMILY_NAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤'];

/** A Chinese name as the vCard `N` property's family and given names (`陈红霞` → `陈`, `红霞`). */
export function splitChineseName(name: string): { family: string; given: string } {
  const chars = [...name.trim()];
  const size = COMPOUND_FAMILY_NAMES.some((family) => name.startsWith(family)) && chars.length > 2 ? 2 : 1;
  return { family: chars.slice(0, size).join(''), given: chars.slice(size).join('') };
}

/** The file name a downloaded card is saved under: the officer's name (`陈红霞.vcf`). */
export function vcardFileName(name: string): string {
  return `${name.replace(/[\\/:*?"<>|]/g, '').trim() || 'officer'}.vcf`;
}

/**
 * A vCard 4.0 (RFC 6350) for an officer's duty contact (never a private number), with the
 * structured name `N` that phones' contact apps need to import it, and `FN`.
 */
export function officerVCard(officer: Officer, stationName: string, roleLabel: string): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `N:${escape(splitChineseName(officer.name.zh).family)};${escape(splitChineseName(officer.name.zh).given)};;;`,
    `FN:${escape(officer.name.zh)}`,
    ...(officer.name.en ? [`NICKNAME:${escape(officer.name.en)}`] : []),
    `ORG:${escape(stationName)}`,
    `TITLE:${escape(roleLabel)}`,
    ...(officer.dutyPhone ? [`TEL;TYPE=work,voice;VALUE=uri:tel:${officer.dutyPhone.replace(/[^\d+]/g, '')}`] : []),
    ...(officer.contactHours ? [`NOTE:${escape(officer.contactHours.zh)}`] : []),
    ...(officer.lastVerifiedOn ? [`REV:${officer.lastVerifiedOn.replace(/-/g, '')}`] : []),
    'END:VCARD',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
