import { demoPhone } from '../people.ts';
import { birthRegistration, idCard, noCriminalRecord, residencePermit } from '../services.ts';
import type { ServicePlace } from '../services.ts';
import type { StationSeed } from '../types.ts';

const COUNTER: ServicePlace = {
  locationZh: '头屯河派出所户籍室',
  locationEn: 'Registration office, Toutunhe Police Station',
  hoursZh: '周一至周五 10:00–14:00，15:30–19:30（北京时间）',
  hoursEn: 'Mon–Fri 10:00–14:00, 15:30–19:30 (Beijing time)',
  appointmentZh: '行动不便的老人、残疾人可通过社区警务室预约上门服务',
  appointmentEn: 'Older or disabled residents can book a home visit through their community police office',
};

/** 头屯河派出所 — source 001 (央视微电影中文频道, 2020-04-23). */
export const toutunhe: StationSeed = {
  slug: 'toutunhe',
  code: 'TT',
  nameZh: '头屯河派出所',
  nameEn: 'Toutunhe Police Station',
  bureauZh: '新疆生产建设兵团第十二师公安局二分局',
  bureauEn: 'Second Sub-bureau, Public Security Bureau of the 12th Division, Xinjiang Production and Construction Corps',
  regionZh: '新疆维吾尔自治区乌鲁木齐市（兵团第十二师头屯河农场）',
  regionEn: 'Toutunhe Farm, 12th Division, Urumqi, Xinjiang',
  addressZh: '乌鲁木齐市头屯河区（演示数据，具体地址以派出所公告为准）',
  addressEn: 'Toutunhe District, Urumqi (demo data: see the station’s own notice for the address)',
  dutyPhone: demoPhone('0991', 100),
  openingHoursZh: '报警求助24小时；户籍窗口周一至周五 10:00–14:00，15:30–19:30（北京时间）',
  openingHoursEn: 'Emergencies 24 hours; registration counter Mon–Fri 10:00–14:00, 15:30–19:30 (Beijing time)',
  summaryZh:
    '全国一级派出所、兵团优秀公安基层单位，现有民警16人、辅警94人、党员20人。围绕“矛盾不上交、平安不出事、服务不缺位”，社区民警进社区“两委”班子，以“调解亭”、工作室、议话坪等方式开展阳光调解，组建“老兵警长义务服务队”。电话号码和人员为演示数据。',
  summaryEn:
    'A national first-class police station with 16 police officers, 94 auxiliaries and 20 Party members. Community officers sit on community committees; disputes are settled in the open-air "mediation pavilion"; a "Veteran Wardens" volunteer team helps the community offices. Phone numbers and people are demo data.',
  policeOfficers: 16,
  auxiliaryOfficers: 94,
  source: { titleZh: '创建“枫桥式公安派出所” 头屯河派出所在行动', publishedOn: '2020-04-23' },
  // The article says the station already held both titles in the second half of 2019, without an award year.
  honours: [
    { titleZh: '全国一级派出所', titleEn: 'National first-class police station', awardedBy: '公安部', year: 2019 },
    { titleZh: '兵团优秀公安基层单位', titleEn: 'Excellent grassroots police unit of the XPCC', awardedBy: '新疆生产建设兵团', year: 2019 },
  ],
  areas: [
    { nameZh: '同和幸福城二社区', nameEn: 'Tonghe Xingfucheng No. 2 Community', kind: 'COMMUNITY' },
    { nameZh: '大门院社区', nameEn: 'Damenyuan Community', kind: 'COMMUNITY' },
    { nameZh: '绿洲南社区', nameEn: 'Lüzhou South Community', kind: 'COMMUNITY' },
    { nameZh: '头屯河农场连队（示例）', nameEn: 'Toutunhe Farm companies (illustrative)', kind: 'VILLAGE', illustrative: true },
  ],
  staff: { gridWorkers: 3, caseOfficers: 3, xinjiangNames: true },
  partners: [
    { slug: 'tonghe-committee', kind: 'COMMUNITY_COMMITTEE', nameZh: '同和幸福城二社区居委会', nameEn: 'Tonghe Xingfucheng No. 2 Community Committee' },
    { slug: 'damenyuan-committee', kind: 'COMMUNITY_COMMITTEE', nameZh: '大门院社区居委会', nameEn: 'Damenyuan Community Committee' },
    { slug: 'lvzhou-committee', kind: 'COMMUNITY_COMMITTEE', nameZh: '绿洲南社区居委会', nameEn: 'Lüzhou South Community Committee' },
    { slug: 'property-companies', kind: 'ENTERPRISE', nameZh: '辖区物业服务企业', nameEn: 'Property management companies' },
    { slug: 'street-shops', kind: 'ENTERPRISE', nameZh: '沿街商铺', nameEn: 'Street-front shops' },
    { slug: 'farm-affairs', kind: 'OTHER', nameZh: '农场相关部门', nameEn: 'Farm administration offices' },
  ],
  rooms: [
    {
      slug: 'tiaojie-ting',
      code: 'TJ',
      nameZh: '调解亭',
      nameEn: 'Mediation pavilion',
      descriptionZh:
        '同和幸福城二社区里被居民称为“调解亭”的凉亭。社区警务室联合社区工作人员、企事业单位、沿街商铺和居民组成“纠纷调解队”，在优美环境中平复情绪、化解邻里矛盾，已见证20余起居民和解。',
      descriptionEn:
        'A pavilion in Tonghe Xingfucheng No. 2 Community that residents call the "mediation pavilion". The community police office and a dispute team of community staff, businesses and residents settle neighbour quarrels there; more than 20 reconciliations took place there by 2020.',
      locationZh: '同和幸福城二社区凉亭',
      locationEn: 'Pavilion, Tonghe Xingfucheng No. 2 Community',
      openingHoursZh: '按需预约，由社区民警和社区工作人员共同主持',
      openingHoursEn: 'By arrangement, with the community officer and community staff',
      mediators: 1,
      yearly: { 2024: { received: 22, successRate: 0.9 }, 2025: { received: 26, successRate: 0.92 }, 2026: { received: 19, successRate: 0.9 } },
      referredShare: 0.04,
      categories: { NEIGHBOUR: 50, FAMILY: 15, TENANCY: 10, CONSUMER: 10, OTHER: 15 },
      sources: { POLICE_CALL: 45, WALK_IN: 25, GRID_WORKER: 10, PATROL: 10, PARTNER_REFERRAL: 10 },
      partnersByCategory: {
        NEIGHBOUR: ['tonghe-committee', 'property-companies'],
        FAMILY: ['tonghe-committee'],
        TENANCY: ['property-companies'],
        CONSUMER: ['street-shops'],
        OTHER: ['farm-affairs'],
      },
      partnerShare: 0.45,
    },
  ],
  volunteerTeams: [
    {
      nameZh: '老兵警长义务服务队',
      nameEn: 'Veteran Wardens volunteer team',
      descriptionZh:
        '在“三老护院队”基础上升级成立，由老干部、老党员、老居民、社区工作人员、退伍军人、沿街商户组成，是警务室的得力帮手；计划吸纳网约车司机、出租车司机、收费员等群体。',
      descriptionEn:
        'Grown out of the "three olds" courtyard guard: retired cadres, veteran Party members, long-time residents, community staff, ex-servicemen and shopkeepers; ride-hailing and taxi drivers and toll collectors are to join.',
    },
    {
      nameZh: '纠纷调解队',
      nameEn: 'Dispute mediation team',
      descriptionZh: '社区警务室联合社区工作人员、企事业单位、沿街商铺和辖区居民成立，以“调解亭”、工作室、议话坪等方式开展阳光调解。',
      descriptionEn: 'Community police offices with community staff, businesses, shops and residents, mediating in the pavilion, workrooms and open-air meeting spots.',
    },
    {
      nameZh: '警务室志愿服务团',
      nameEn: 'Police office volunteer service group',
      descriptionZh: '各警务站、警务室民警辅警组建，利用周末和下班时间关心关爱独居老人、困难群众，开展权益维护、纠纷调解和法治宣传。',
      descriptionEn: 'Officers and auxiliaries of every police post who visit older people living alone and families in hardship at weekends and after work.',
    },
  ],
  services: [birthRegistration(COUNTER), idCard(COUNTER), residencePermit(COUNTER), noCriminalRecord(COUNTER)],
  events: [
    {
      kind: 'RESIDENTS_MEETING',
      titleZh: '警民恳谈会：楼道堆物与邻里和睦',
      titleEn: 'Residents’ meeting: clutter in stairwells and good neighbours',
      descriptionZh: '在“调解亭”旁听取居民意见，通报第一季度警情和调解情况。',
      descriptionEn: 'Residents’ views heard next to the mediation pavilion; first-quarter figures reported.',
      locationZh: '同和幸福城二社区调解亭',
      locationEn: 'Mediation pavilion, Tonghe Xingfucheng No. 2 Community',
      startsAt: '2026-04-16 16:00',
      endsAt: '2026-04-16 17:30',
      area: '同和幸福城二社区',
    },
    {
      kind: 'PREVENTION_TALK',
      titleZh: '网约车、出租车司机平安宣讲',
      titleEn: 'Safety talk for ride-hailing and taxi drivers',
      descriptionZh: '介绍“老兵警长义务服务队”，讲解发现醉酒、走失人员时如何报警求助。',
      descriptionEn: 'Introducing the Veteran Wardens and what to do on finding a drunk or lost person.',
      locationZh: '大门院社区警务室',
      locationEn: 'Damenyuan community police office',
      startsAt: '2026-08-20 11:00',
      endsAt: '2026-08-20 12:30',
      area: '大门院社区',
    },
    {
      kind: 'OPEN_DAY',
      titleZh: '警营开放日：党建活动室和户籍室开放',
      titleEn: 'Open day: Party-building room and registration office',
      descriptionZh: '居民参观派出所，现场咨询户籍、居住证和无犯罪记录证明办理。',
      descriptionEn: 'Residents visit the station and ask about registration, residence permits and record certificates.',
      locationZh: '头屯河派出所',
      locationEn: 'Toutunhe Police Station',
      startsAt: '2026-12-03 11:00',
      endsAt: '2026-12-03 13:30',
    },
    {
      kind: 'VOLUNTEER_PATROL',
      titleZh: '老兵警长冬季夜间巡查',
      titleEn: 'Veteran Wardens winter night patrol',
      descriptionZh: '冬季低温期间巡查楼道、围栏和独居老人住户，发现醉酒滞留人员及时报告警务室。',
      descriptionEn: 'In the cold season the team checks stairwells, fences and older people living alone.',
      locationZh: '绿洲南社区',
      locationEn: 'Lüzhou South Community',
      startsAt: '2026-12-12 20:00',
      endsAt: '2026-12-12 22:00',
      area: '绿洲南社区',
    },
  ],
  reporting: {
    series: [
      { kind: 'count', metric: 'police_calls', periods: [{ year: 2024, total: 3100 }, { year: 2025, total: 2870 }, { year: 2026, quarters: [1, 2, 3], total: 2050 }] },
      { kind: 'count', metric: 'criminal_cases', periods: [{ year: 2024, total: 88 }, { year: 2025, total: 74 }, { year: 2026, quarters: [1, 2, 3], total: 49 }] },
      { kind: 'count', metric: 'administrative_cases', periods: [{ year: 2024, total: 260 }, { year: 2025, total: 231 }, { year: 2026, quarters: [1, 2, 3], total: 160 }] },
      { kind: 'mediation', metric: 'mediation_received', room: 'tiaojie-ting' },
      { kind: 'mediation', metric: 'mediation_success_rate', room: 'tiaojie-ting' },
      { kind: 'count', metric: 'household_visits', periods: [{ year: 2024, total: 3600 }, { year: 2025, total: 3800 }, { year: 2026, quarters: [1, 2, 3], total: 2900 }] },
      { kind: 'count', metric: 'residents_meetings', periods: [{ year: 2024, total: 16 }, { year: 2025, total: 18 }, { year: 2026, quarters: [1, 2, 3], total: 14 }] },
      { kind: 'rate', metric: 'window_satisfaction_rate', min: 98.5, max: 100 },
    ],
    highlights: [
      {
        year: 2024, quarter: 2, group: 'service',
        zh: '社区民警进社区“两委”班子，所党支部与社区、连队党支部联创联建，共同上党课、开展主题党日。',
        en: 'Community officers joined the community committees; the station’s Party branch worked jointly with community and farm-company branches.',
      },
      {
        year: 2024, quarter: 4, group: 'prevention',
        zh: '“老兵警长义务服务队”吸纳网约车司机、出租车司机、收费员等群体，织密联动共治网络。',
        en: 'Ride-hailing and taxi drivers and toll collectors joined the Veteran Wardens.',
      },
      {
        year: 2025, quarter: 2, group: 'mediation',
        zh: '同和幸福城二社区“调解亭”联合社区工作人员化解楼道堆放废品等邻里纠纷，双方当场和解。',
        en: 'At the Tonghe pavilion, officers and community staff settled quarrels such as scrap piled in stairwells.',
      },
      {
        year: 2026, quarter: 1, group: 'service',
        zh: '警务室志愿服务团利用周末走访独居老人、困难群众，协助对接农场相关部门办理低保。',
        en: 'The volunteer group visited older people living alone and families in hardship at weekends and helped them apply for minimum-living support.',
      },
    ],
    priorities: [
      {
        area: '同和幸福城二社区',
        issueZh: '楼道堆放废品，邻里矛盾和消防隐患',
        issueEn: 'Scrap piled in stairwells: a quarrel between neighbours and a fire risk',
        actionZh: '社区民警与社区工作人员在“调解亭”组织双方协商，联系物业清理楼道',
        actionEn: 'The community officer and community staff brought both sides together at the pavilion; the property company cleared the stairwell',
      },
      {
        area: '大门院社区',
        issueZh: '醉酒人员夜间滞留楼道，居民担心安全',
        issueEn: 'Drunk people sleeping in stairwells at night',
        actionZh: '老兵警长义务服务队夜间巡查，发现后由警务室民警辅警处置并联系家属',
        actionEn: 'Night checks by the Veteran Wardens; officers take the person home and call the family',
      },
      {
        area: '大门院社区',
        issueZh: '社区围栏破损，有人翻越',
        issueEn: 'A broken community fence that people climb through',
        actionZh: '警务室联系物业当天修补围栏，并增加该处巡查',
        actionEn: 'The police office had the property company mend it the same day and added it to patrols',
      },
      {
        area: '绿洲南社区',
        issueZh: '户籍不在本地的困难家庭申请低保无门',
        issueEn: 'Families in hardship registered elsewhere cannot apply for support',
        actionZh: '社区民警走访后报所里，所领导与农场相关部门对接办理',
        actionEn: 'After a home visit the officer reported it; station leaders took it up with the farm offices',
      },
      {
        area: '头屯河农场连队（示例）',
        issueZh: '连队农机、农资夜间被盗',
        issueEn: 'Farm machinery and supplies stolen at night',
        actionZh: '辅警增加夜间巡逻，协调连队在库房加装监控',
        actionEn: 'More night patrols by auxiliaries; cameras added at the stores',
      },
    ],
  },
};
