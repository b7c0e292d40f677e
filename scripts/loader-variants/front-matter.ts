/**
 * The prose around the cases, taken from the seeds and cleaned of their extraction damage:
 * renderings put it back so each variant opens the way its kind of document does.
 */
export const COMPENDIUM_TITLE = '2024年度健康中国行动典型案例汇编';
export const COMPENDIUM_PREFACE = [
  '受全国爱卫办委托，为总结推广健康中国行动经验做法，中国健康教育中心组织专家就各地报送的2024年度健康中国行动案例进行遴选，推荐30个案例作为典型案例，其中健康影响因素类案例13个、重点人群类案例10个、重大疾病类案例7个。现汇编成册供各地参考借鉴。',
];
export const COMPENDIUM_ISSUER = '中国健康教育中心';

export const NOTICE = {
  issuer: '健康中原行动推进委员会办公室文件',
  number: '豫健委办〔2022〕3号',
  title: '健康中原行动推进委员会办公室关于印发第一批健康中原行动典型经验案例的通知',
  addressees: '健康中原行动推进委员会各成员单位，各省辖市、济源示范区推进健康中原行动议事协调机构：',
  body: [
    '健康中原行动实施以来，各地以人民健康为中心，推动将健康融入所有政策，积极控制健康影响因素，全面提高健康服务质量，有效防控重大疾病，努力打造健康环境，全方位全周期保障群众健康，人民群众健康水平持续提升，健康中原建设稳步推进。',
    '为总结推广健康中原行动推进的好经验好做法，发挥典型经验的示范带动作用，省推进办组织开展了健康中原行动典型案例评选工作。在各地、各专项行动工作组推荐基础上，推进办组织评选出{n}个典型案例。这些典型案例各具特色、成效显著，体现了各地推进健康中原行动的积极探索和创新实践。现将{n}个案例予以印发，供各地参考借鉴。',
  ],
  attachments: ['附件：1．健康中原行动典型案例名单', '2．健康中原行动典型案例正文'],
  signature: ['健康中原行动推进委员会办公室', '2022年3月8日'],
  listTitle: '健康中原行动典型经验案例名单',
};

/** A second notice for files that hold two documents: the Hebei batch as its office would send it. */
export const SECOND_NOTICE = {
  issuer: '健康河北行动推进委员会办公室',
  number: '冀健推委办〔2022〕12号',
  title: '健康河北行动推进委员会办公室关于推广第二批健康河北行动推进典型经验案例的通知',
  addressees: '各市（含定州、辛集市）健康河北行动推进委员会，雄安新区管委会公共服务局，省健康河北行动推进委员会各成员单位：',
  body: [
    '为深入推进健康河北行动，充分发挥典型示范引领作用，省健康河北行动推进委员会办公室组织开展了第二批典型经验案例征集遴选工作，现将遴选出的典型经验案例印发给你们，请结合实际学习借鉴，推动健康河北行动走深走实。',
  ],
};

export const BATCH_TITLE = '第二批健康河北行动推进典型经验案例';
export const COUNTY_TITLE = '2022年度健康县区建设典型经验';
export const NEWSPAPER = { masthead: '健康报', date: '2022年12月1日 星期四', page: '第3版 · 健康中国' };
