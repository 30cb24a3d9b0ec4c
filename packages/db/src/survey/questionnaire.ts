import type { SurveyIndicator, SurveyQuestionType } from '../generated/prisma/enums.ts';

/** One question of a questionnaire, before it belongs to a campaign. */
export interface QuestionTemplate {
  indicator: SurveyIndicator;
  type: SurveyQuestionType;
  textZh: string;
  textEn: string;
  optionsZh: readonly string[];
  optionsEn: readonly string[];
  required: boolean;
}

function scale(indicator: SurveyIndicator, textZh: string, textEn: string): QuestionTemplate {
  return { indicator, type: 'SCALE5', textZh, textEn, optionsZh: [], optionsEn: [], required: true };
}

/**
 * The questionnaire every new campaign starts with: the three indicators the half-yearly
 * evaluation must cover (basic management, prevention publicity, service to residents),
 * overall satisfaction, whether residents know their community officer, and the service
 * window, plus optional remarks (never published).
 */
export const DEFAULT_QUESTIONNAIRE: readonly QuestionTemplate[] = [
  scale('BASIC_MANAGEMENT', '您对本辖区治安秩序和基础管理工作是否满意？', 'How satisfied are you with public order and basic management in your area?'),
  scale('PREVENTION_PUBLICITY', '您对派出所开展的防范宣传（反诈、防盗、消防等）是否满意？', 'How satisfied are you with the station\'s prevention publicity (fraud, theft, fire safety)?'),
  scale('SERVICE_TO_RESIDENTS', '您对社区民警为群众服务、帮助解决问题是否满意？', 'How satisfied are you with how community officers serve residents and help solve problems?'),
  scale('WINDOW_SERVICE', '如果您到派出所窗口办过事，对窗口服务是否满意？', 'If you have used the station\'s service window, how satisfied were you with it?'),
  {
    indicator: 'OFFICER_AWARENESS',
    type: 'YES_NO',
    textZh: '您知道您所在社区（村）的社区民警是谁、怎样联系吗？',
    textEn: 'Do you know who your community officer is and how to reach them?',
    optionsZh: [],
    optionsEn: [],
    required: true,
  },
  {
    indicator: 'OFFICER_AWARENESS',
    type: 'SINGLE_CHOICE',
    textZh: '您主要通过什么途径了解社区民警？',
    textEn: 'How did you mainly come to know your community officer?',
    optionsZh: ['楼道公示牌', '入户走访', '微信群或公众号', '警民恳谈会', '其他'],
    optionsEn: ['Notice board in the stairwell', 'Home visit', 'WeChat group or account', 'Residents\' meeting', 'Other'],
    required: false,
  },
  scale('OVERALL_SATISFACTION', '总体而言，您对派出所的工作是否满意？', 'Overall, how satisfied are you with the station\'s work?'),
  {
    indicator: 'OVERALL_SATISFACTION',
    type: 'FREE_TEXT',
    textZh: '您对派出所还有什么意见和建议？（不会公开）',
    textEn: 'Any other comments or suggestions for the station? (never published)',
    optionsZh: [],
    optionsEn: [],
    required: false,
  },
];
