/** Which part of a quarterly report a metric belongs to. */
export type MetricGroup = 'order' | 'mediation' | 'service' | 'prevention';

export interface MetricDefinition {
  key: string;
  group: MetricGroup;
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  unitZh: string;
  unitEn: string;
  higherIsBetter: boolean;
  /** What the figure counts, and so its bounds: COUNT ≥ 0 whole, PERCENT 0–100, MONEY ≥ 0. */
  kind: 'COUNT' | 'PERCENT' | 'MONEY';
}

/**
 * The metric catalogue. Definitions say what is counted, over which period and where,
 * so that a resident can tell what a figure means without asking.
 */
export const METRICS = [
  {
    key: 'police_calls',
    group: 'order',
    nameZh: '接报警情数',
    nameEn: 'Calls and reports received',
    definitionZh:
      '本季度内派出所接到的全部报警、求助和举报（含110转警、群众到所报警和网上报警），按接报日期统计，同一事件多人重复报警只计1起。',
    definitionEn:
      'All emergency calls, requests for help and reports the station received in the quarter (110 dispatches, walk-in and online reports), by date received; repeated calls about one incident count once.',
    unitZh: '起',
    unitEn: 'reports',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'cases_accepted',
    group: 'order',
    nameZh: '受理各类案件数',
    nameEn: 'Cases accepted',
    definitionZh: '本季度内派出所受理的刑事、行政及其他各类案件总数，按受理日期统计；包含下列刑事、行政案件数。',
    definitionEn:
      'All criminal, administrative and other cases the station accepted in the quarter, by date accepted; includes the criminal and administrative case counts below.',
    unitZh: '起',
    unitEn: 'cases',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'criminal_cases',
    group: 'order',
    nameZh: '刑事案件立案数',
    nameEn: 'Criminal cases opened',
    definitionZh: '本季度内发生在辖区、经审查符合立案条件并正式立案的刑事案件数，按立案日期统计。',
    definitionEn: 'Criminal cases in the jurisdiction formally opened in the quarter after review, by date opened.',
    unitZh: '起',
    unitEn: 'cases',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'administrative_cases',
    group: 'order',
    nameZh: '行政案件受理数',
    nameEn: 'Administrative cases accepted',
    definitionZh: '本季度内受理的治安管理处罚等行政案件数（如打架斗殴、酒后滋事、赌博），按受理日期统计。',
    definitionEn:
      'Administrative (public-order) cases accepted in the quarter, such as fights, drunken disturbance or gambling, by date accepted.',
    unitZh: '起',
    unitEn: 'cases',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'property_crimes',
    group: 'order',
    nameZh: '侵财类案件发案数',
    nameEn: 'Property crimes',
    definitionZh: '本季度内辖区发生并立案的盗窃、诈骗、抢夺、抢劫等以侵犯财产为主的刑事案件数。',
    definitionEn: 'Criminal cases opened in the quarter whose main harm is to property: theft, fraud, snatching, robbery.',
    unitZh: '起',
    unitEn: 'cases',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'fraud_reports',
    group: 'order',
    nameZh: '诈骗警情数',
    nameEn: 'Fraud reports',
    definitionZh: '本季度内接报的电信网络诈骗及其他诈骗警情数（无论是否造成损失），按接报日期统计。',
    definitionEn: 'Reports of telecom, online and other fraud received in the quarter, whether or not money was lost.',
    unitZh: '起',
    unitEn: 'reports',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'scenic_area_incidents',
    group: 'order',
    nameZh: '景区违法警情数',
    nameEn: 'Offences reported in the scenic area',
    definitionZh: '本季度内发生在古镇景区范围内、经核实涉及违法犯罪行为的警情数（不含求助、咨询和纠纷类警情）。',
    definitionEn:
      'Reports from within the old-town scenic area that, once checked, involved an offence (requests for help, enquiries and disputes are not counted).',
    unitZh: '起',
    unitEn: 'reports',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'pickpocketing_reports',
    group: 'order',
    nameZh: '扒窃警情数',
    nameEn: 'Pickpocketing reports',
    definitionZh: '本季度内景区范围内接报的扒窃（从他人身上或随身携带物品中窃取财物）警情数。',
    definitionEn: 'Reports of pickpocketing (theft from a person or what they carry) in the scenic area in the quarter.',
    unitZh: '起',
    unitEn: 'reports',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'mediation_received',
    group: 'mediation',
    nameZh: '受理矛盾纠纷数',
    nameEn: 'Disputes taken up for mediation',
    definitionZh: '本季度内派出所调解室（调解队伍）登记受理的矛盾纠纷数，按受理日期统计，含已移交其他部门的纠纷。',
    definitionEn:
      "Disputes registered by the station's mediation room or team in the quarter, by date received, including those handed to another agency.",
    unitZh: '起',
    unitEn: 'disputes',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'mediation_success_rate',
    group: 'mediation',
    nameZh: '调解成功率',
    nameEn: 'Mediation success rate',
    definitionZh:
      '本季度受理的纠纷中，调解成功（达成协议或当事人和解）的件数除以已办结件数（成功＋未成功）；移交其他部门和仍在调解中的不计入。',
    definitionEn:
      'Of the disputes received in the quarter, those settled (agreement or reconciliation) divided by those closed (settled + not settled); disputes handed on or still in progress are left out.',
    unitZh: '%',
    unitEn: '%',
    higherIsBetter: true,
    kind: 'PERCENT',
  },
  {
    key: 'certificates_on_time_rate',
    group: 'service',
    nameZh: '证照按时办结率',
    nameEn: 'Documents issued on time',
    definitionZh: '本季度内办结的户籍、身份证、出入境等证照业务中，在公开承诺时限内办结的件数所占比例。',
    definitionEn:
      'Share of household-registration, ID-card and exit-entry applications completed in the quarter within the published time limit.',
    unitZh: '%',
    unitEn: '%',
    higherIsBetter: true,
    kind: 'PERCENT',
  },
  {
    key: 'window_satisfaction_rate',
    group: 'service',
    nameZh: '窗口服务满意率',
    nameEn: 'Service-counter satisfaction',
    definitionZh: '本季度内办事群众在窗口评价器或“好差评”系统中给出“满意”及以上评价的次数占全部评价次数的比例。',
    definitionEn:
      'Share of ratings given at the service counter (rating device or the "good/bad review" system) in the quarter that were "satisfied" or better.',
    unitZh: '%',
    unitEn: '%',
    higherIsBetter: true,
    kind: 'PERCENT',
  },
  {
    key: 'household_visits',
    group: 'service',
    nameZh: '入户走访户数',
    nameEn: 'Households visited',
    definitionZh: '本季度内社区民警、辅警上门走访的户数（同一户多次走访只计1户）。',
    definitionEn: 'Households visited at home by community officers and auxiliaries in the quarter (each household once).',
    unitZh: '户',
    unitEn: 'households',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'officer_awareness_rate',
    group: 'service',
    nameZh: '社区民警知晓率',
    nameEn: 'Residents who know their community officer',
    definitionZh: '半年一次的群众评议中，能说出本社区（村）社区民警姓名或联系方式的受访者比例；只在第二、第四季度报告中公布。',
    definitionEn:
      "Share of respondents in the half-yearly residents' evaluation who could name their community officer or say how to reach them; published in Q2 and Q4 reports only.",
    unitZh: '%',
    unitEn: '%',
    higherIsBetter: true,
    kind: 'PERCENT',
  },
  {
    key: 'residents_meetings',
    group: 'service',
    nameZh: '警民恳谈会（议事会）场次',
    nameEn: "Police–residents' meetings",
    definitionZh: '本季度内派出所或警务室组织召开、邀请居民参加的警民恳谈会、平安议事会场次。',
    definitionEn: "Police–residents' meetings and safety councils the station or a community office held in the quarter.",
    unitZh: '场',
    unitEn: 'meetings',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'complaints_upheld',
    group: 'service',
    nameZh: '群众投诉查证属实数',
    nameEn: 'Complaints upheld',
    definitionZh: '本季度内群众对派出所及其民警、辅警的投诉中，经核查属实的件数。',
    definitionEn: 'Complaints about the station or its officers that were found true after checking, in the quarter.',
    unitZh: '件',
    unitEn: 'complaints',
    higherIsBetter: false,
    kind: 'COUNT',
  },
  {
    key: 'patrols',
    group: 'prevention',
    nameZh: '巡逻防控次数',
    nameEn: 'Patrols',
    definitionZh: '本季度内民警、辅警与巡防队伍开展的治安巡逻（含专项巡逻）次数，一次出巡计1次。',
    definitionEn: 'Public-order patrols (including targeted ones) by officers and patrol volunteers in the quarter; each outing counts once.',
    unitZh: '次',
    unitEn: 'patrols',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'prevention_audience',
    group: 'prevention',
    nameZh: '防范宣传受众人次',
    nameEn: 'People reached by prevention talks',
    definitionZh: '本季度内集中宣讲、进校园、进企业、进社区等防范宣传活动的现场参与人次。',
    definitionEn: 'Attendance at prevention talks in squares, schools, companies and residential areas in the quarter.',
    unitZh: '人次',
    unitEn: 'attendances',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'prevention_sessions',
    group: 'prevention',
    nameZh: '集中宣讲场次',
    nameEn: 'Prevention talks held',
    definitionZh: '本季度内组织的防诈骗、防盗窃、消防安全等集中宣讲活动场次。',
    definitionEn: 'Talks on fraud, theft and fire prevention the station organised in the quarter.',
    unitZh: '场',
    unitEn: 'talks',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'safety_inspections',
    group: 'prevention',
    nameZh: '安全检查次数',
    nameEn: 'Safety inspections',
    definitionZh: '本季度内对企业、学校、经营场所开展的治安、消防安全检查及联查联控次数，一家单位一次检查计1次。',
    definitionEn: 'Public-order and fire-safety inspections of companies, schools and businesses in the quarter; one visit to one site counts once.',
    unitZh: '次',
    unitEn: 'inspections',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'fire_hazards_fixed',
    group: 'prevention',
    nameZh: '消防隐患整改数',
    nameEn: 'Fire hazards removed',
    definitionZh: '本季度内排查发现并已整改完毕的消防安全隐患数（以复查确认为准）。',
    definitionEn: 'Fire hazards found and confirmed removed on re-inspection in the quarter.',
    unitZh: '处',
    unitEn: 'hazards',
    higherIsBetter: true,
    kind: 'COUNT',
  },
  {
    key: 'losses_recovered',
    group: 'prevention',
    nameZh: '挽回群众财产损失',
    nameEn: 'Losses recovered for residents',
    definitionZh: '本季度内通过破案追赃、止付冻结等方式实际返还群众的财产金额。',
    definitionEn: 'Money and property actually returned to residents in the quarter through solved cases, stop-payments and freezes.',
    unitZh: '万元',
    unitEn: '10,000 yuan',
    higherIsBetter: true,
    kind: 'MONEY',
  },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof METRICS)[number]['key'];

const byKey = new Map<string, MetricDefinition>(METRICS.map((metric) => [metric.key, metric]));

export function metricDefinition(key: MetricKey): MetricDefinition {
  const metric = byKey.get(key);
  if (!metric) throw new Error(`unknown metric ${key}`);
  return metric;
}
