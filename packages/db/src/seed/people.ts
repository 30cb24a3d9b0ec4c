import { addDays, DEMO_TODAY } from './calendar.ts';
import type { AreaKind, OfficerRole } from '../generated/prisma/enums.ts';
import { createRng, type Rng } from './prng.ts';
import type { AreaSeed, StationSeed } from './types.ts';

/**
 * Every person in the demo data is invented. The articles name real officers and
 * residents; none of those names may be used for a record, so they are listed here and
 * the generator (and a test) refuses them.
 */
export const REAL_NAMES_IN_SOURCES: readonly string[] = [
  '龚定俊',
  '董科',
  '刘俊奇',
  '崔凯旋',
  '阿不都赛买提·木合麦提',
  '阿卜杜赛买提·木合麦提',
  '常征',
  '陈强',
  '夏敏霞',
  '张明',
  '乔俊',
  '王奶奶',
  '宋先生',
  '张先生',
  '何晓阳',
  '韩一宁',
  '斯海燕',
  '郭晶晶',
  '金英勤',
  '刘炳栋',
  '李颖',
  '曾金春',
  '伏志勇',
  '万朝晖',
];

/**
 * Demo phone numbers. They follow one artificial pattern — the real area code, then
 * `8000` and a four-digit sequence — so that nobody takes them for the station's or an
 * officer's real number, and a resident trying one reaches no real police station or
 * person through this demo. Real stations publish their own numbers; in an emergency, 110.
 */
export function demoPhone(areaCode: string, sequence: number): string {
  return `${areaCode}-8000${String(sequence).padStart(4, '0')}`;
}

const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'],
  ['赵', 'Zhao'], ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'],
  ['胡', 'Hu'], ['朱', 'Zhu'], ['高', 'Gao'], ['林', 'Lin'], ['何', 'He'], ['郭', 'Guo'],
  ['马', 'Ma'], ['罗', 'Luo'], ['梁', 'Liang'], ['宋', 'Song'], ['郑', 'Zheng'], ['谢', 'Xie'],
  ['韩', 'Han'], ['唐', 'Tang'], ['冯', 'Feng'], ['于', 'Yu'], ['邓', 'Deng'], ['曹', 'Cao'],
  ['彭', 'Peng'], ['潘', 'Pan'], ['袁', 'Yuan'], ['蒋', 'Jiang'], ['蔡', 'Cai'], ['杜', 'Du'],
  ['叶', 'Ye'], ['程', 'Cheng'], ['魏', 'Wei'], ['苏', 'Su'], ['丁', 'Ding'], ['沈', 'Shen'],
  ['范', 'Fan'], ['钟', 'Zhong'], ['田', 'Tian'], ['任', 'Ren'], ['姚', 'Yao'], ['石', 'Shi'],
  ['向', 'Xiang'], ['龙', 'Long'], ['覃', 'Qin'], ['严', 'Yan'],
];

const GIVEN_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['建华', 'Jianhua'], ['志强', 'Zhiqiang'], ['晓东', 'Xiaodong'], ['海燕', 'Haiyan'], ['文博', 'Wenbo'],
  ['思远', 'Siyuan'], ['雨晴', 'Yuqing'], ['俊杰', 'Junjie'], ['秀英', 'Xiuying'], ['国庆', 'Guoqing'],
  ['立新', 'Lixin'], ['春梅', 'Chunmei'], ['明辉', 'Minghui'], ['慧敏', 'Huimin'], ['子涵', 'Zihan'],
  ['浩然', 'Haoran'], ['雅婷', 'Yating'], ['振宇', 'Zhenyu'], ['丽娟', 'Lijuan'], ['永刚', 'Yonggang'],
  ['佳怡', 'Jiayi'], ['宏伟', 'Hongwei'], ['欣怡', 'Xinyi'], ['家豪', 'Jiahao'], ['玉兰', 'Yulan'],
  ['德明', 'Deming'], ['嘉琪', 'Jiaqi'], ['天宇', 'Tianyu'], ['静怡', 'Jingyi'], ['光明', 'Guangming'],
  ['红霞', 'Hongxia'], ['逸凡', 'Yifan'], ['书涵', 'Shuhan'], ['卫东', 'Weidong'], ['淑华', 'Shuhua'],
  ['子轩', 'Zixuan'], ['梦瑶', 'Mengyao'], ['立群', 'Liqun'], ['凤英', 'Fengying'], ['鹏飞', 'Pengfei'],
  ['晨曦', 'Chenxi'], ['少华', 'Shaohua'], ['金凤', 'Jinfeng'], ['宇航', 'Yuhang'], ['若溪', 'Ruoxi'],
  ['长青', 'Changqing'], ['美玲', 'Meiling'], ['学军', 'Xuejun'], ['永红', 'Yonghong'], ['新民', 'Xinmin'],
];

const XINJIANG_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['阿依古丽·吐尔逊', 'Aygul Tursun'],
  ['艾尔肯·阿不都拉', 'Erkin Abdulla'],
  ['古丽娜尔·哈力克', 'Gulnar Halik'],
  ['努尔兰·别克', 'Nurlan Bek'],
  ['迪丽拜尔·艾买提', 'Dilber Ehmet'],
  ['买买提江·吾斯曼', 'Memetjan Osman'],
  ['热娜·阿布力孜', 'Rena Abliz'],
  ['叶尔兰·托合塔尔', 'Erlan Tokhtar'],
];

/** A fictitious person and the areas they serve, before ids exist. */
export interface OfficerPlan {
  key: string;
  role: OfficerRole;
  nameZh: string;
  nameEn: string;
  badgeNumber: string | null;
  dutyPhone: string;
  contactHoursZh: string;
  contactHoursEn: string;
  lastVerifiedOn: string;
  assignments: Array<{ area: string; isPrimary: boolean; since: string }>;
  /** Slug of the mediation room a mediator works in. */
  room?: string;
}

const RESIDENTIAL: ReadonlySet<AreaKind> = new Set<AreaKind>(['COMMUNITY', 'VILLAGE', 'TOWN_CENTRE']);
const AUXILIARIES_PER_AREA: Readonly<Partial<Record<AreaKind, number>>> = {
  COMMUNITY: 2,
  TOWN_CENTRE: 2,
  VILLAGE: 1,
  SCENIC_AREA: 1,
};

const CONTACT_HOURS: Readonly<Record<OfficerRole, readonly [string, string]>> = {
  DIRECTOR: ['所长接待日：每周三 9:00–11:30，在派出所接待室', 'Open door: Wednesdays 9:00–11:30 at the station'],
  DEPUTY_DIRECTOR: ['工作日 8:30–17:30，在派出所', 'Working days 8:30–17:30 at the station'],
  COMMUNITY_OFFICER: [
    '工作日 9:00–17:30 在社区警务室；其他时间请拨打派出所值班电话，紧急情况拨打110',
    'Working days 9:00–17:30 at the community police office; otherwise call the station, in an emergency 110',
  ],
  CASE_OFFICER: ['工作日 8:30–17:30，在派出所', 'Working days 8:30–17:30 at the station'],
  AUXILIARY_OFFICER: ['工作日 9:00–17:30 在社区警务室', 'Working days 9:00–17:30 at the community police office'],
  GRID_WORKER: ['工作日 8:30–17:00，在社区（村）网格服务站', 'Working days 8:30–17:00 at the grid service point'],
  MEDIATOR: ['调解室开放时间内', 'When the mediation room is open'],
};

function nameGenerator(rng: Rng, xinjiang: boolean): () => readonly [string, string] {
  const used = new Set<string>(REAL_NAMES_IN_SOURCES);
  const unusedXinjiang = xinjiang ? rng.shuffle(XINJIANG_NAMES) : [];
  let attempts = 0;
  return () => {
    const special = unusedXinjiang.length > 0 && rng.next() < 0.2 ? unusedXinjiang.pop() : undefined;
    if (special) {
      used.add(special[0]);
      return special;
    }
    for (;;) {
      const [surname, surnameEn] = rng.pick(SURNAMES);
      const [given, givenEn] = rng.pick(GIVEN_NAMES);
      const name: readonly [string, string] = [surname + given, `${surnameEn} ${givenEn}`];
      // Beyond the ~2,600 distinct combinations, repeats are allowed (synthetic stations).
      if (!used.has(name[0]) || ++attempts > 5_000) {
        used.add(name[0]);
        return name;
      }
    }
  };
}

/**
 * The station's fictitious staff: a director and a deputy, one community officer per
 * community or village ("一区一警"), two auxiliaries per urban area and one per village
 * ("一区两辅警", "一村一辅"), grid workers, case officers and the mediators of its rooms.
 */
export function buildStaff(station: Pick<StationSeed, 'slug' | 'code' | 'dutyPhone' | 'areas' | 'rooms' | 'staff'>): OfficerPlan[] {
  const rng = createRng(`staff:${station.slug}`);
  const nextName = nameGenerator(rng, station.staff.xinjiangNames === true);
  const areaCode = station.dutyPhone.split('-')[0] ?? '000';
  const people: OfficerPlan[] = [];
  let badge = 0;
  let auxBadge = 0;

  const add = (role: OfficerRole, extra: Partial<Pick<OfficerPlan, 'room'>> = {}): OfficerPlan => {
    const [nameZh, nameEn] = nextName();
    const sworn = role === 'DIRECTOR' || role === 'DEPUTY_DIRECTOR' || role === 'COMMUNITY_OFFICER' || role === 'CASE_OFFICER';
    const badgeNumber = sworn
      ? `DEMO-${station.code}${String(++badge).padStart(3, '0')}`
      : role === 'AUXILIARY_OFFICER'
        ? `DEMO-${station.code}F${String(++auxBadge).padStart(3, '0')}`
        : null;
    const [contactHoursZh, contactHoursEn] = CONTACT_HOURS[role];
    const person: OfficerPlan = {
      key: `${station.slug}:${people.length + 1}`,
      role,
      nameZh,
      nameEn,
      badgeNumber,
      dutyPhone: demoPhone(areaCode, 101 + people.length),
      contactHoursZh,
      contactHoursEn,
      lastVerifiedOn: addDays(DEMO_TODAY, -rng.int(3, 150)),
      assignments: [],
      ...extra,
    };
    people.push(person);
    return person;
  };
  const since = (): string => addDays('2021-01-01', rng.int(0, 1_600));

  add('DIRECTOR');
  const deputy = add('DEPUTY_DIRECTOR');
  const residential = station.areas.filter((area) => RESIDENTIAL.has(area.kind));
  const others = station.areas.filter((area) => !RESIDENTIAL.has(area.kind));
  const communityOfficers = residential.map((area) => {
    const officer = add('COMMUNITY_OFFICER');
    officer.assignments.push({ area: area.nameZh, isPrimary: true, since: since() });
    return officer;
  });
  const contacts = communityOfficers.length > 0 ? communityOfficers : [deputy];
  others.forEach((area: AreaSeed, index) => {
    const officer = contacts[index % contacts.length] ?? deputy;
    officer.assignments.push({ area: area.nameZh, isPrimary: true, since: since() });
  });
  for (const area of station.areas) {
    for (let i = 0; i < (AUXILIARIES_PER_AREA[area.kind] ?? 0); i++) {
      add('AUXILIARY_OFFICER').assignments.push({ area: area.nameZh, isPrimary: false, since: since() });
    }
  }
  for (let i = 0; i < station.staff.gridWorkers; i++) {
    const area = residential[i % Math.max(residential.length, 1)] ?? station.areas[0];
    const worker = add('GRID_WORKER');
    if (area) worker.assignments.push({ area: area.nameZh, isPrimary: false, since: since() });
  }
  for (let i = 0; i < station.staff.caseOfficers; i++) add('CASE_OFFICER');
  for (const room of station.rooms) {
    for (let i = 0; i < room.mediators; i++) add('MEDIATOR', { room: room.slug });
  }
  const total = station.staff.total;
  if (total === undefined) return people;
  while (people.length < total) add(people.length % 3 === 0 ? 'CASE_OFFICER' : 'AUXILIARY_OFFICER');
  return people.slice(0, total);
}
