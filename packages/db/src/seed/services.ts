import type { ServiceItemSeed } from './types.ts';

/**
 * Service guides built on the national rules (conditions, materials, legal time limits,
 * fees and their basis). A station adds where, when and how to book.
 */
export interface ServicePlace {
  locationZh: string;
  locationEn: string;
  hoursZh: string;
  hoursEn: string;
  appointmentZh?: string;
  appointmentEn?: string;
  effectiveFrom?: string;
}

function placeFields(place: ServicePlace): Pick<
  ServiceItemSeed,
  'locationZh' | 'locationEn' | 'hoursZh' | 'hoursEn' | 'appointmentZh' | 'appointmentEn' | 'effectiveFrom'
> {
  return {
    locationZh: place.locationZh,
    locationEn: place.locationEn,
    hoursZh: place.hoursZh,
    hoursEn: place.hoursEn,
    appointmentZh: place.appointmentZh ?? null,
    appointmentEn: place.appointmentEn ?? null,
    effectiveFrom: place.effectiveFrom ?? '2024-01-01',
  };
}

export function birthRegistration(place: ServicePlace): ServiceItemSeed {
  return {
    slug: 'birth-registration',
    category: 'HOUSEHOLD_REGISTRATION',
    titleZh: '出生登记（户籍业务）',
    titleEn: 'Registering a birth (household registration)',
    conditionsZh:
      '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记（《中华人民共和国户口登记条例》第七条）。可随父或随母落户。',
    conditionsEn:
      "Within one month of birth, the head of household, a relative, carer or neighbour registers the baby with the registration office of the baby's usual residence (Household Registration Regulations, art. 7). The baby may be registered with either parent.",
    materialsZh: ['《出生医学证明》', '父母双方的居民户口簿和居民身份证', '父母的结婚证（已婚的）'],
    materialsEn: ['Medical birth certificate', "Both parents' household registers and ID cards", "Parents' marriage certificate (if married)"],
    stepsZh: ['携带材料到户籍窗口（或通过“出生一件事”网上申请）', '民警核验材料', '当场登记并打印新生儿户口页'],
    stepsEn: ['Bring the documents to the registration counter (or apply online via the "birth" one-stop service)', 'An officer checks them', 'The baby is registered and the register page printed on the spot'],
    timeLimitDays: 0,
    timeLimitZh: '材料齐全、符合条件的当场办结',
    timeLimitEn: 'Same day when the documents are complete',
    feeZh: '免费',
    feeEn: 'Free',
    feeBasisZh:
      '户口登记不收费；户口簿等户籍管理证件工本费已按《财政部 国家发展改革委关于清理规范一批行政事业性收费有关政策的通知》（财税〔2017〕20号）取消。',
    feeBasisEn:
      'Registration is free; fees for household-registration documents were abolished by the Ministry of Finance and NDRC notice Caishui [2017] No. 20.',
    onlineUrl: null,
    ...placeFields(place),
  };
}

export function idCard(place: ServicePlace): ServiceItemSeed {
  return {
    slug: 'resident-id-card',
    category: 'ID_CARD',
    titleZh: '居民身份证申领、换领、补领',
    titleEn: 'Resident ID card: first card, renewal, replacement',
    conditionsZh:
      '居住在中国境内的中国公民，年满十六周岁的应当申领，未满十六周岁的可以申领。有效期：16周岁以下5年，16–25周岁10年，26–45周岁20年，46周岁以上长期。有效期满、证件严重损坏或登记事项变更的应当换领，丢失的应当补领；换领、补领可在全国任一受理点异地办理。',
    conditionsEn:
      'Chinese citizens living in China must apply at 16 and may apply earlier. Validity: 5 years under 16, 10 years at 16–25, 20 years at 26–45, long-term from 46. Renew when it expires, is badly damaged or details change; replace it when lost. Renewals and replacements can be made at any office nationwide.',
    materialsZh: ['居民户口簿（首次申领）', '原居民身份证（换领）', '未满十六周岁的，由监护人陪同并出示监护人身份证件', '人像和指纹现场免费采集，无需自带照片'],
    materialsEn: ['Household register (first card)', 'Old ID card (renewal)', "Under 16: a guardian comes along with the guardian's ID", 'Photo and fingerprints are taken on site for free'],
    stepsZh: ['取号并确认《居民身份证申领登记表》信息', '现场拍照、采集指纹', '缴纳工本费（支持移动支付）', '凭回执到窗口领取，或选择邮寄到家'],
    stepsEn: ['Take a number and confirm the application form', 'Photo and fingerprints are taken', 'Pay the fee (mobile payment accepted)', 'Collect with the receipt, or have it posted home'],
    timeLimitDays: 60,
    timeLimitZh: '法定时限：自提交申领登记表之日起60日内发放；交通不便地区可适当延长，延长不超过30日',
    timeLimitEn: 'By law within 60 days of the application; up to 30 more days in remote areas',
    feeZh: '工本费每证20元；临时居民身份证每证10元；城市低保对象和农村特困居民首次申领、换领免收',
    feeEn: '20 yuan per card; temporary ID card 10 yuan; free for first cards and renewals of people on minimum-living support in towns and in special hardship in villages',
    feeBasisZh:
      '《中华人民共和国居民身份证法》第二十条（工本费标准由国务院价格主管部门会同国务院财政部门核定）；《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）。',
    feeBasisEn:
      'Resident Identity Card Law, art. 20 (the fee is set by the State Council price authority with the Ministry of Finance); NDRC and Ministry of Finance notice Fagai Jiage [2003] No. 2322.',
    onlineUrl: null,
    ...placeFields(place),
  };
}

export function residencePermit(place: ServicePlace): ServiceItemSeed {
  return {
    slug: 'residence-permit',
    category: 'RESIDENCE_PERMIT',
    titleZh: '居住证申领',
    titleEn: 'Residence permit',
    conditionsZh:
      '离开常住户口所在地，到本地居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证（《居住证暂行条例》第二条）。需先办理居住登记。',
    conditionsEn:
      'People who have lived here for at least six months away from their registered home and have a stable legal job, a stable legal home or are studying here may apply (Interim Regulations on Residence Permits, art. 2). Register your residence first.',
    materialsZh: ['本人居民身份证', '住所证明（房屋租赁合同、房屋产权证明或单位宿舍证明等）', '就业或就读证明之一（劳动合同、营业执照、学校出具的就读证明等）'],
    materialsEn: ['ID card', 'Proof of address (tenancy agreement, title deed or employer dormitory letter)', 'Proof of work or study (labour contract, business licence or school letter)'],
    stepsZh: ['到居住地派出所或社区服务点办理居住登记', '居住登记满半年后提出申领', '审核、制证', '领取居住证；此后每年签注一次'],
    stepsEn: ['Register your residence at the station or a community service point', 'Apply once registered for six months', 'Check and production', 'Collect the permit; have it endorsed once a year'],
    timeLimitDays: 15,
    timeLimitZh: '自受理之日起15日内制作发放',
    timeLimitEn: 'Issued within 15 days of acceptance',
    feeZh: '首次领取免费；换领、补领按省级规定缴纳证件工本费；签注免费',
    feeEn: 'First permit free; renewal or replacement at the provincial fee; annual endorsement free',
    feeBasisZh: '《居住证暂行条例》：公民首次领取居住证免收证件工本费，换领、补领应当缴纳证件工本费，办理签注手续不得收取费用。',
    feeBasisEn: 'Interim Regulations on Residence Permits: the first permit is free, renewals and replacements carry a fee, endorsements are free.',
    onlineUrl: null,
    ...placeFields(place),
  };
}

export function passport(place: ServicePlace): ServiceItemSeed {
  return {
    slug: 'ordinary-passport',
    category: 'EXIT_ENTRY',
    titleZh: '普通护照申请（首次、换发、补发）',
    titleEn: 'Ordinary passport: first, renewal, replacement',
    conditionsZh:
      '内地居民因私出国，凭居民身份证可在全国任一出入境管理机构受理点申请（全国通办）；登记备案的国家工作人员须按规定经所在单位同意。',
    conditionsEn:
      'Mainland residents travelling privately can apply with their ID card at any exit-entry office in China; registered public employees need their employer’s consent.',
    materialsZh: ['居民身份证', '照片现场免费采集（也可自带符合标准的照片）', '未满十六周岁的：监护人陪同，提交出生医学证明或户口簿及监护人身份证件', '登记备案人员：所在单位出具的意见'],
    materialsEn: ['ID card', 'Photo taken on site for free (or bring one to the standard)', "Under 16: a guardian comes along with the birth certificate or household register and the guardian's ID", "Registered public employees: the employer's consent"],
    stepsZh: ['通过“移民局”App、微信公众号或电话预约', '现场核验身份，采集指纹和照片', '确认《出入境证件申请表》', '缴费', '到窗口领取或选择邮寄'],
    stepsEn: ['Book via the National Immigration Administration app, WeChat account or phone', 'Identity check, fingerprints and photo', 'Confirm the application form', 'Pay', 'Collect or have it posted'],
    timeLimitDays: 7,
    timeLimitZh: '7个工作日内办结',
    timeLimitEn: 'Within 7 working days',
    feeZh: '每本120元',
    feeEn: '120 yuan per passport',
    feeBasisZh: '《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格规〔2019〕914号）。',
    feeBasisEn: 'NDRC and Ministry of Finance notice on lowering administrative fees, Fagai Jiage Gui [2019] No. 914.',
    onlineUrl: 'https://www.nia.gov.cn',
    ...placeFields(place),
  };
}

export function noCriminalRecord(place: ServicePlace): ServiceItemSeed {
  return {
    slug: 'no-criminal-record-certificate',
    category: 'CERTIFICATES',
    titleZh: '无犯罪记录证明',
    titleEn: 'Certificate of no criminal record',
    conditionsZh:
      '中国公民可向户籍所在地或经常居住地公安派出所申请开具本人在中国境内有无犯罪记录的证明；可委托他人代办。',
    conditionsEn:
      'Citizens may ask the station of their registered or usual residence for a certificate of whether they have a criminal record in China; someone else may apply on their behalf.',
    materialsZh: ['本人居民身份证', '委托他人代办的：委托书和受托人身份证件', '说明证明用途'],
    materialsEn: ['ID card', 'If someone applies for you: a power of attorney and their ID', 'What the certificate is for'],
    stepsZh: ['到派出所窗口申请，或通过公安部“互联网+政务服务”平台网上申请', '公安机关查询核实', '出具纸质证明或电子证明'],
    stepsEn: ['Apply at the counter or online on the Ministry of Public Security service platform', 'Records are checked', 'A paper or electronic certificate is issued'],
    timeLimitDays: 3,
    timeLimitZh: '一般自受理之日起3个工作日内出具',
    timeLimitEn: 'Usually within 3 working days of acceptance',
    feeZh: '免费',
    feeEn: 'Free',
    feeBasisZh: '公安部《关于办理无犯罪记录证明的意见》（公通字〔2021〕2号）：公安机关开具无犯罪记录证明不收取费用。',
    feeBasisEn: 'Ministry of Public Security opinion on certificates of no criminal record (Gongtongzi [2021] No. 2): no fee is charged.',
    onlineUrl: 'https://zwfw.mps.gov.cn',
    ...placeFields(place),
  };
}

export function drivingLicenceRenewal(place: ServicePlace): ServiceItemSeed {
  return {
    slug: 'driving-licence-renewal-online',
    category: 'VEHICLES_AND_DRIVING',
    titleZh: '驾驶证期满换证（网上办、自助办）',
    titleEn: 'Renewing a driving licence online or at a kiosk',
    conditionsZh: '机动车驾驶证有效期满前九十日内申请换证，身体条件符合规定；可通过“交管12123”App全国通办。',
    conditionsEn: 'Apply within the 90 days before the licence expires, meeting the health requirements; available nationwide in the "Jiaoguan 12123" app.',
    materialsZh: ['居民身份证', '驾驶人身体条件证明（体检机构可直接上传电子版）', '电子照片（可使用身份证照片）'],
    materialsEn: ['ID card', 'Medical certificate (clinics can upload it directly)', 'Digital photo (the ID-card photo may be used)'],
    stepsZh: ['登录“交管12123”App，选择“驾驶证业务—期满换证”', '关联体检信息并确认照片', '网上缴费', '新证邮寄到家'],
    stepsEn: ['Open the Jiaoguan 12123 app, choose "licence — renewal on expiry"', 'Link the medical record and confirm the photo', 'Pay online', 'The new licence is posted home'],
    timeLimitDays: null,
    timeLimitZh: '审核通过后制证并邮寄，寄递时间以快递为准',
    timeLimitEn: 'Produced and posted once approved; delivery time depends on the courier',
    feeZh: '工本费每证10元；邮寄费由寄递企业收取',
    feeEn: '10 yuan per licence; postage charged by the courier',
    feeBasisZh: '《国家发展改革委 财政部关于公安交通管理收费标准有关问题的通知》（发改价格〔2004〕2831号）。',
    feeBasisEn: 'NDRC and Ministry of Finance notice on traffic-administration fees, Fagai Jiage [2004] No. 2831.',
    onlineUrl: 'https://gab.122.gov.cn',
    ...placeFields(place),
  };
}
