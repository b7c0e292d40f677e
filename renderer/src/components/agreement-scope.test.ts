import { describe, expect, it } from 'vitest';
import { agreementRequest, matchesCase, type AgreementScope } from './agreement-scope.ts';

const scope = (over: Partial<AgreementScope> = {}): AgreementScope => ({ coverage: 'done', part: '', documentId: '', picked: new Set(), excluded: new Set(), ...over });
const reviewers = ['张三', '李四', '王五'];
const listed = ['hc2024-01', 'hc2024-02', 'hc2024-03'];

describe('agreementRequest', () => {
  it.each([
    ['everything: the service picks the raters', scope(), { coverage: 'done' }],
    ['a part and a document', scope({ part: '重点人群篇', documentId: 'd1', coverage: 'touched' }), { coverage: 'touched', part: '重点人群篇', documentId: 'd1' }],
    ['picked cases, in list order', scope({ picked: new Set(['hc2024-03', 'hc2024-01']) }), { coverage: 'done', caseIds: ['hc2024-01', 'hc2024-03'] }],
    // A pick left from another document does not widen the request to every case.
    ['picks none of which are listed', scope({ picked: new Set(['other-01']) }), { coverage: 'done', caseIds: [] }],
    ['a reviewer left out', scope({ excluded: new Set(['王五']) }), { coverage: 'done', reviewers: ['张三', '李四'] }],
  ])('%s', (_n, s, request) => {
    expect(agreementRequest(s, listed, reviewers)).toEqual(request);
  });
});

describe('matchesCase', () => {
  const c = { id: 'hc2024-03', title: '高位推进 部门联动', region: '河北省', part: '健康影响因素篇', documentTitle: '健康中国行动典型案例汇编' };
  it.each([
    ['', true],
    ['高位', true],
    ['河北 联动', true],
    ['HC2024-03', true],
    ['影响因素篇', true],
    ['河北 上海', false],
    ['北京', false],
  ])('%j: %s', (query, matches) => {
    expect(matchesCase(c, query)).toBe(matches);
  });
});
