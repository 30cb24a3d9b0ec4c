import type { Officer } from '../data/officers.ts';

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

/** A vCard 4.0 for an officer's duty contact (never a private number). */
export function officerVCard(officer: Officer, stationName: string, roleLabel: string): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
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
