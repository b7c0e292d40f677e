import { describe, expect, it } from 'vitest';
import { preselectedReviewers } from './compare-choice.ts';

const ALL = ['张三', '张三李四', '李四', '王五'];
const summary = (status: Record<string, 'todo' | 'in-progress' | 'done'>, spanCounts: Record<string, number>) => ({ status, spanCounts });

describe('preselectedReviewers', () => {
  it.each([
    ['those who finished the case', summary({ 张三: 'done', 李四: 'done', 王五: 'in-progress' }, { 张三: 3, 李四: 2, 王五: 1 }), null, ['张三', '李四']],
    ['those who worked on it, when fewer than two finished', summary({ 张三: 'done', 王五: 'in-progress' }, { 张三: 3, 李四: 2 }), null, ['张三', '李四', '王五']],
    ['the one who worked and the next name, when only one did', summary({}, { 李四: 2 }), null, ['李四', '张三']],
    ['the first two, when no one worked', summary({}, {}), null, ['张三', '张三李四']],
    ['the choice remembered for the case', summary({ 张三: 'done', 李四: 'done' }, {}), ['王五', '李四'], ['王五', '李四']],
    ['not a remembered choice of reviewers no longer there', summary({ 张三: 'done', 李四: 'done' }, {}), ['赵六', '李四'], ['张三', '李四']],
  ])('takes %s', (_name, s, remembered, expected) => {
    expect(preselectedReviewers(ALL, s, remembered)).toEqual(expected);
  });
});
