import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../apps/console/src/lib/audit-diff.ts';

describe('the audit trail’s field-by-field diff', () => {
  it('shows only what changed, labelled in Chinese, with values in words, stations by name and secrets never', () => {
    const before = JSON.stringify({ id: 7, nameZh: '张三', dutyPhone: '0519-1', role: 'COMMUNITY_OFFICER', isDemo: true, lastVerifiedOn: '2026-01-02T00:00:00.000Z', stationId: 1, passwordHash: 'x' });
    const after = JSON.stringify({ id: 7, nameZh: '张三', dutyPhone: null, role: 'DIRECTOR', isDemo: false, lastVerifiedOn: '2026-03-04T00:00:00.000Z', stationId: 2, passwordHash: 'y' });
    expect(auditChanges('zh', before, after, new Map([[1, '竹箦派出所'], [2, '千灯派出所']]))).toEqual([
      { field: 'dutyPhone', label: '工作电话', before: '0519-1', after: null },
      { field: 'role', label: '角色', before: '社区民警', after: '所长' },
      { field: 'isDemo', label: '演示数据', before: '是', after: '否' },
      { field: 'lastVerifiedOn', label: '联系方式核实日期', before: '2026-01-02', after: '2026-03-04' },
      { field: 'stationId', label: '派出所', before: '竹箦派出所', after: '千灯派出所' },
    ]);
    expect(auditChanges('zh', null, JSON.stringify({ scopes: ['mediation:read'], at: '2026-12-02T02:00:00.000Z' }))).toEqual([
      { field: 'scopes', label: '权限', before: null, after: '调解案件（不含当事人姓名）' },
      { field: 'at', label: 'at', before: null, after: '2026-12-02 10:00' },
    ]);
  });
});
