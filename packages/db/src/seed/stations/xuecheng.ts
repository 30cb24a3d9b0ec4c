import { demoPhone } from '../people.ts';
import { birthRegistration, drivingLicenceRenewal, idCard, noCriminalRecord, residencePermit } from '../services.ts';
import type { ServicePlace } from '../services.ts';
import type { StationSeed } from '../types.ts';

const HALL: ServicePlace = {
  locationZh: '临城派出所服务大厅（工作区、等候区、自助区）',
  locationEn: 'Service hall, Lincheng Police Station (counters, waiting area, self-service area)',
  hoursZh: '周一至周五 8:30–12:00，13:30–17:30；节假日值班窗口 9:00–12:00；24小时自助区全天开放',
  hoursEn: 'Mon–Fri 8:30–12:00, 13:30–17:30; holiday counter 9:00–12:00; 24-hour self-service area',
  appointmentZh: '落实一次性告知、首接责任制、特事特办、错时延时服务、容缺办理、节假日服务；支持移动支付',
  appointmentEn: 'Everything you need told at once, the first officer you meet sees it through, urgent cases fast-tracked, off-hours and holiday service, missing papers supplied later; mobile payment',
};

/**
 * 薛城 — source 003 (中共薛城区委政法委员会, undated) describes the whole district. It is
 * modelled as one station; "临城派出所" is a name chosen for the demo and every figure is district-level.
 */
export const xuecheng: StationSeed = {
  slug: 'xuecheng',
  code: 'XC',
  nameZh: '临城派出所',
  nameEn: 'Lincheng Police Station',
  bureauZh: '枣庄市公安局薛城分局',
  bureauEn: 'Xuecheng Sub-bureau, Zaozhuang Public Security Bureau',
  regionZh: '山东省枣庄市薛城区',
  regionEn: 'Xuecheng District, Zaozhuang, Shandong',
  addressZh: '山东省枣庄市薛城区（演示数据，具体地址以派出所公告为准）',
  addressEn: 'Xuecheng District, Zaozhuang (demo data: see the station’s own notice for the address)',
  dutyPhone: demoPhone('0632', 100),
  openingHoursZh: '报警求助24小时；服务大厅周一至周五 8:30–12:00，13:30–17:30，节假日上午值班；自助区24小时',
  openingHoursEn: 'Emergencies 24 hours; service hall Mon–Fri 8:30–12:00, 13:30–17:30, holiday mornings; self-service 24 hours',
  summaryZh:
    '本条目依据中共薛城区委政法委员会关于全区创建“枫桥式公安派出所”的报道，所列事实均为薛城区区级情况，“临城派出所”为演示所选所名。全区按“一区一警、一区两辅警”配齐社区民警、辅警，群众对社区民警知晓率超过95%；至少每季度向群众报告1次工作，每半年组织1次以基础管理、宣传防范、服务群众为主要指标的群众评议；矛盾纠纷调处成功率95%以上。电话号码和人员为演示数据。',
  summaryEn:
    'Based on the Xuecheng district political-legal committee’s account of its "Fengqiao-style" stations: every fact here is district-level, and "Lincheng Police Station" is a name chosen for the demo. One officer and two auxiliaries per urban police area; over 95% of residents know their community officer; work is reported to residents at least quarterly and evaluated by residents every half year; over 95% of disputes settled. Phone numbers and people are demo data.',
  source: { titleZh: '铁道游击队故里的“枫桥经验”实践——社区警务与网格化治理相融合 筑牢防范化解社会风险第一道屏障', publishedOn: null },
  honours: [],
  areas: [
    { nameZh: '中心城区第一警务区（示例）', nameEn: 'Central urban police area 1 (illustrative)', kind: 'COMMUNITY', illustrative: true },
    { nameZh: '中心城区第二警务区（示例）', nameEn: 'Central urban police area 2 (illustrative)', kind: 'COMMUNITY', illustrative: true },
    { nameZh: '城郊村警务区（示例）', nameEn: 'Suburban villages police area (illustrative)', kind: 'VILLAGE', illustrative: true },
    { nameZh: '中心城区学校周边（示例）', nameEn: 'Around the central schools (illustrative)', kind: 'SCHOOL_ZONE', illustrative: true },
  ],
  staff: { gridWorkers: 4, caseOfficers: 3 },
  partners: [
    { slug: 'subdistrict-office', kind: 'TOWN_GOVERNMENT', nameZh: '临城街道办事处', nameEn: 'Lincheng Subdistrict Office' },
    { slug: 'justice-office', kind: 'JUSTICE_OFFICE', nameZh: '临城司法所', nameEn: 'Lincheng Justice Office' },
    { slug: 'people-mediation', kind: 'OTHER', nameZh: '人民调解委员会（民调入所）', nameEn: 'People’s mediation committee (sitting at the station)' },
    { slug: 'lawyers', kind: 'OTHER', nameZh: '驻所律师（警律联调）', nameEn: 'Duty lawyers (police–lawyer mediation)' },
    { slug: 'community-committees', kind: 'COMMUNITY_COMMITTEE', nameZh: '辖区社区居委会', nameEn: 'Community committees' },
    { slug: 'schools', kind: 'SCHOOL', nameZh: '辖区中小学校', nameEn: 'Local schools' },
  ],
  rooms: [
    {
      slug: 'dispute-centre',
      code: 'XC',
      nameZh: '矛盾纠纷调处室',
      nameEn: 'Dispute resolution room',
      descriptionZh:
        '聘请老党员、老干部、政法系统退休老同志驻所调处矛盾纠纷，落实“警调衔接”“警律联调”“民调入所”“公调对接”等多元化解机制，全区矛盾纠纷调处成功率达到95%以上。',
      descriptionEn:
        'Retired Party members, cadres and legal professionals mediate at the station, with police–mediation, police–lawyer and people’s-mediation links; district-wide over 95% of disputes are settled.',
      locationZh: '临城派出所一楼',
      locationEn: 'Ground floor, Lincheng Police Station',
      openingHoursZh: '周一至周五 8:30–17:30',
      openingHoursEn: 'Mon–Fri 8:30–17:30',
      mediators: 2,
      yearly: { 2024: { received: 186, successRate: 0.962 }, 2025: { received: 193, successRate: 0.968 }, 2026: { received: 158, successRate: 0.965 } },
      referredShare: 0.03,
      categories: { NEIGHBOUR: 30, FAMILY: 15, LAND_AND_HOUSING: 10, LABOUR: 10, CONSUMER: 10, TRAFFIC: 15, TENANCY: 5, OTHER: 5 },
      sources: { POLICE_CALL: 40, WALK_IN: 25, GRID_WORKER: 20, PARTNER_REFERRAL: 10, PATROL: 5 },
      partnersByCategory: {
        NEIGHBOUR: ['community-committees', 'people-mediation'],
        FAMILY: ['people-mediation'],
        LAND_AND_HOUSING: ['justice-office', 'subdistrict-office'],
        LABOUR: ['justice-office', 'lawyers'],
        CONSUMER: ['lawyers'],
        TRAFFIC: ['lawyers', 'people-mediation'],
        TENANCY: ['people-mediation'],
        OTHER: ['subdistrict-office'],
      },
      partnerShare: 0.5,
    },
  ],
  volunteerTeams: [
    {
      nameZh: '中心城区群防群治队伍',
      nameEn: 'Central urban community watch',
      descriptionZh: '以网格员和机关单位、居民小区的保安为主力，业主代表、商户代表广泛参与，以社区为单位开展治安联防。',
      descriptionEn: 'Grid workers and security guards of offices and estates, with owners’ and shopkeepers’ representatives, patrolling community by community.',
    },
    {
      nameZh: '村警务助理联防队',
      nameEn: 'Village police assistants’ joint patrol',
      descriptionZh: '深化“一村一警务助理”模式，把各村警务助理联合起来，共同开展巡逻防控、安全检查、信息采集。',
      descriptionEn: 'One police assistant per village, now patrolling, inspecting and collecting information together.',
    },
    {
      nameZh: '驻所调解志愿者',
      nameEn: 'Station mediation volunteers',
      descriptionZh: '老党员、老干部、政法系统退休老同志和调解志愿者，参与矛盾纠纷化解。',
      descriptionEn: 'Retired Party members, cadres and legal professionals who help settle disputes.',
    },
  ],
  services: [birthRegistration(HALL), idCard(HALL), residencePermit(HALL), drivingLicenceRenewal(HALL), noCriminalRecord(HALL)],
  events: [
    {
      kind: 'RESIDENTS_MEETING',
      titleZh: '平安议事会：议安全防范、议矛盾调处、议法治宣传、议警务监督',
      titleEn: 'Safety council: prevention, disputes, legal awareness and oversight of policing',
      descriptionZh: '以“创平安社区”为主题，听取居民对社区警务的意见和建议。',
      descriptionEn: 'Residents’ views on community policing, under the theme "a safe community".',
      locationZh: '中心城区第一警务区社区警务室',
      locationEn: 'Community police office, central urban area 1',
      startsAt: '2026-04-22 15:00',
      endsAt: '2026-04-22 16:30',
      area: '中心城区第一警务区（示例）',
    },
    {
      kind: 'OTHER',
      titleZh: '上半年群众评议（基础管理、宣传防范、服务群众）',
      titleEn: 'First-half residents’ evaluation (management, prevention, service)',
      descriptionZh: '每半年组织1次，居民可在服务大厅、社区警务室或网上参加评议。',
      descriptionEn: 'Held every half year; residents take part at the hall, a community office or online.',
      locationZh: '临城派出所服务大厅及各社区警务室',
      locationEn: 'Service hall and community police offices',
      startsAt: '2026-06-15 09:00',
      endsAt: '2026-06-30 17:00',
    },
    {
      kind: 'RESIDENTS_MEETING',
      titleZh: '警民恳谈会：冬季防火与电动车充电安全',
      titleEn: 'Residents’ meeting: winter fire safety and e-bike charging',
      descriptionZh: '通报第三季度工作，征求对老旧小区充电设施的意见。',
      descriptionEn: 'Third-quarter report and views on charging points in older estates.',
      locationZh: '中心城区第二警务区社区警务室',
      locationEn: 'Community police office, central urban area 2',
      startsAt: '2026-11-30 15:00',
      endsAt: '2026-11-30 16:30',
      area: '中心城区第二警务区（示例）',
    },
    {
      kind: 'OTHER',
      titleZh: '下半年群众评议（基础管理、宣传防范、服务群众）',
      titleEn: 'Second-half residents’ evaluation (management, prevention, service)',
      descriptionZh: '每半年组织1次，评议结果在下一季度工作报告中公布。',
      descriptionEn: 'Held every half year; results appear in the next quarterly report.',
      locationZh: '临城派出所服务大厅及各社区警务室',
      locationEn: 'Service hall and community police offices',
      startsAt: '2026-12-10 09:00',
      endsAt: '2026-12-24 17:00',
    },
  ],
  // Source 003 names 节假日服务 (holiday service); the day and hours are invented for the demo.
  hoursExceptions: [
    {
      startsOn: '2027-01-01',
      endsOn: '2027-01-01',
      hours: { opens: '09:00', closes: '12:00' },
      noteZh: '元旦节假日服务：服务大厅值班窗口上午开放；报警求助24小时',
      noteEn: 'New Year’s Day holiday service: the duty counter is open in the morning; emergencies 24 hours',
    },
  ],
  reporting: {
    series: [
      { kind: 'count', metric: 'police_calls', periods: [{ year: 2024, total: 6200 }, { year: 2025, total: 5900 }, { year: 2026, quarters: [1, 2, 3], total: 4300 }] },
      { kind: 'count', metric: 'property_crimes', periods: [{ year: 2024, total: 184 }, { year: 2025, total: 171 }, { year: 2026, quarters: [1, 2, 3], total: 122 }] },
      { kind: 'mediation', metric: 'mediation_received', room: 'dispute-centre' },
      { kind: 'mediation', metric: 'mediation_success_rate', room: 'dispute-centre' },
      { kind: 'rate', metric: 'officer_awareness_rate', min: 95.6, max: 97.8, halfYearly: true },
      { kind: 'count', metric: 'household_visits', periods: [{ year: 2024, total: 5200 }, { year: 2025, total: 5400 }, { year: 2026, quarters: [1, 2, 3], total: 4100 }] },
      { kind: 'count', metric: 'residents_meetings', periods: [{ year: 2024, total: 24 }, { year: 2025, total: 26 }, { year: 2026, quarters: [1, 2, 3], total: 20 }] },
      { kind: 'count', metric: 'complaints_upheld', periods: [{ year: 2024, total: 0 }, { year: 2025, total: 0 }, { year: 2026, quarters: [1, 2, 3], total: 0 }] },
      { kind: 'rate', metric: 'window_satisfaction_rate', min: 98.5, max: 99.8 },
    ],
    highlights: [
      {
        year: 2024, quarter: 1, group: 'service',
        zh: '落实定期向群众报告工作制度，至少每季度报告1次工作；派出所所长、社区民警兼任街道、社区党组织副书记或班子成员。',
        en: 'Work is reported to residents at least once a quarter; the director and community officers sit on subdistrict and community Party committees.',
      },
      {
        year: 2024, quarter: 2, group: 'service',
        zh: '完成上半年群众评议（基础管理、宣传防范、服务群众），群众对社区民警知晓率超过95%。',
        en: 'The first-half residents’ evaluation was held; over 95% of residents know their community officer.',
      },
      {
        year: 2025, quarter: 1, group: 'mediation',
        zh: '完善“警调衔接”“警律联调”“民调入所”“公调对接”机制，聘请老党员、老干部、政法系统退休老同志驻所调处纠纷。',
        en: 'Police–mediation, police–lawyer and people’s-mediation links strengthened; retired Party members, cadres and legal staff mediate at the station.',
      },
      {
        year: 2025, quarter: 3, group: 'prevention',
        zh: '推进智慧安防小区（村庄）建设，视频监控“雪亮工程”全覆盖，勤务指挥室集视频巡查、警情研判、行动处置于一体。',
        en: 'Smart-security estates and villages expanded; full video coverage; a command room combines video patrol, analysis and dispatch.',
      },
      {
        year: 2026, quarter: 2, group: 'service',
        zh: '户籍、居民身份证、居住证、车驾管业务可网上办、自助办，服务大厅24小时自助区“不打烊”，实现“一次办好”。',
        en: 'Registration, ID cards, residence permits and driving matters online or at the 24-hour self-service area: done in one visit.',
      },
      {
        year: 2026, quarter: 3, group: 'order',
        zh: '两年来全区未发生重大群体性事件、重大“民转刑”案件，可防性案件稳中有降。',
        en: 'No major mass incident or dispute turning into serious crime in two years; preventable crime slowly falling.',
      },
    ],
    priorities: [
      {
        area: '中心城区第一警务区（示例）',
        issueZh: '老旧小区无物业，电动车在楼道充电',
        issueEn: 'Older estates without management; e-bikes charged in stairwells',
        actionZh: '社区民警联合网格员开展消防检查，推动街道增设集中充电桩',
        actionEn: 'Fire checks with grid workers; the subdistrict added shared charging points',
      },
      {
        area: '中心城区第二警务区（示例）',
        issueZh: '老年人被保健品、养老投资骗局盯上',
        issueEn: 'Older people targeted by health-product and pension-investment scams',
        actionZh: '依托社区工作群、公众号推送预警，社区民警入户走访宣传',
        actionEn: 'Warnings in community chat groups and the official account; home visits by officers',
      },
      {
        area: '城郊村警务区（示例）',
        issueZh: '农村偏僻路段夜间无人巡逻',
        issueEn: 'No patrols on remote village roads at night',
        actionZh: '各村警务助理联合巡逻，打破各自为战，重点时段民警带队',
        actionEn: 'Village police assistants now patrol together, led by officers at key times',
      },
      {
        area: '中心城区学校周边（示例）',
        issueZh: '校园周边上下学时段可疑人员和车辆',
        issueEn: 'Suspicious people and vehicles near schools at school times',
        actionZh: '落实高峰勤务和护学岗，推进智慧安防向学校延伸',
        actionEn: 'Peak-hour duty and school-gate posts; smart security extended to schools',
      },
      {
        area: '中心城区第一警务区（示例）',
        issueZh: '邻里噪音纠纷反复报警',
        issueEn: 'Repeated police calls over neighbour noise',
        actionZh: '调处室联合人民调解委员会上门调解，签订邻里公约',
        actionEn: 'The dispute room and the people’s mediation committee mediated at home; neighbours signed a pact',
      },
    ],
  },
};
